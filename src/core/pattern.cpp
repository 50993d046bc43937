// Pattern compiler (a small recursive-descent parser) and backtracking matcher.
#include "core/pattern.hpp"

namespace et {

namespace {

constexpr int kGapMaxWords = 8;

class Parser {
public:
    Parser(std::string_view source, const Normalisation& normalisation,
           const Pattern::SlotResolver& resolve)
        : src_(source), normalisation_(normalisation), resolve_(resolve) {}

    std::optional<Pattern::Sequence> parse(Pattern::CompileError& error) {
        Pattern::Sequence seq;
        if (!parse_sequence(seq, '\0')) {
            error = error_;
            return std::nullopt;
        }
        if (seq.empty()) {
            error = {0, "empty pattern"};
            return std::nullopt;
        }
        return seq;
    }

private:
    bool fail(std::size_t at, std::string message) {
        error_ = {at, std::move(message)};
        return false;
    }

    void skip_spaces() {
        while (pos_ < src_.size() && src_[pos_] == ' ') {
            ++pos_;
        }
    }

    // Parses items until `closer` (or '|' inside a group) or the end.
    bool parse_sequence(Pattern::Sequence& seq, char closer) {
        while (true) {
            skip_spaces();
            if (pos_ >= src_.size()) {
                if (closer != '\0') {
                    return fail(pos_, std::string("missing '") + closer + "'");
                }
                return true;
            }
            const char c = src_[pos_];
            if (c == closer || (c == '|' && closer != '\0')) {
                return true;
            }
            if (c == ']' || c == ')' || c == '}' || c == '|') {
                return fail(pos_, std::string("unexpected '") + c + "'");
            }
            if (!parse_item(seq)) {
                return false;
            }
        }
    }

    bool parse_item(Pattern::Sequence& seq) {
        const std::size_t start = pos_;
        const char c = src_[pos_];
        if (c == '!' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '(') {
            ++pos_;
            Pattern::Sequence inner;
            if (!parse_item(inner)) {
                return false;
            }
            Pattern::Node node;
            node.kind = Pattern::Node::Kind::Not;
            node.branches = std::move(inner.front().branches);
            seq.push_back(std::move(node));
            return true;
        }
        if (c == '$') {
            ++pos_;
            Pattern::Node node;
            node.kind = Pattern::Node::Kind::SentenceEnd;
            seq.push_back(std::move(node));
            return true;
        }
        if (c == '[' || c == '(') {
            // "(a|b c)" chooses one branch; "[a|b c]" chooses one branch or none.
            const char closer = c == '[' ? ']' : ')';
            ++pos_;
            Pattern::Node node;
            node.kind = c == '[' ? Pattern::Node::Kind::Optional : Pattern::Node::Kind::Alternatives;
            while (true) {
                node.branches.emplace_back();
                if (!parse_sequence(node.branches.back(), closer)) {
                    return false;
                }
                if (node.branches.back().empty()) {
                    return fail(pos_, "empty alternative");
                }
                if (src_[pos_] == closer) {
                    ++pos_;
                    break;
                }
                ++pos_; // '|'
            }
            seq.push_back(std::move(node));
            return true;
        }
        if (c == '{') {
            const auto close = src_.find('}', pos_);
            if (close == std::string_view::npos) {
                return fail(pos_, "missing '}'");
            }
            const std::string_view name = src_.substr(pos_ + 1, close - pos_ - 1);
            Pattern::Node node;
            if (name == "any") {
                node.kind = Pattern::Node::Kind::Any;
            } else {
                const auto mask = resolve_(name);
                if (!mask) {
                    return fail(pos_ + 1, "unknown slot {" + std::string(name) + "}");
                }
                node.kind = Pattern::Node::Kind::Slot;
                node.slots = *mask;
            }
            pos_ = close + 1;
            seq.push_back(std::move(node));
            return true;
        }
        if (src_.substr(pos_, 3) == "...") {
            pos_ += 3;
            Pattern::Node node;
            node.kind = Pattern::Node::Kind::Gap;
            seq.push_back(std::move(node));
            return true;
        }
        if (c == '^') {
            ++pos_;
            Pattern::Node node;
            node.kind = Pattern::Node::Kind::ClauseStart;
            seq.push_back(std::move(node));
            return true;
        }
        // A word: letters, digits, apostrophes (straight or curly), an optional '*';
        // "=word" matches that exact word only, not other forms of it.
        const bool exact = c == '=';
        if (exact) {
            ++pos_;
        }
        std::size_t end = pos_;
        while (end < src_.size() && std::string_view(" []()|{}*!$^").find(src_[end]) ==
                                        std::string_view::npos) {
            ++end;
        }
        const std::string_view raw = src_.substr(pos_, end - pos_);
        for (std::size_t k = 0; k < raw.size(); ++k) {
            const unsigned char ch = static_cast<unsigned char>(raw[k]);
            const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                            (ch >= '0' && ch <= '9') || ch == '\'' || ch >= 0x80;
            if (!ok) {
                return fail(pos_ + k, std::string("unexpected '") + raw[k] + "'");
            }
        }
        const bool prefix = end < src_.size() && src_[end] == '*';
        pos_ = prefix ? end + 1 : end;
        if (prefix) {
            Pattern::Node node;
            node.kind = Pattern::Node::Kind::Prefix;
            node.text = fold_case(raw);
            seq.push_back(std::move(node));
            return true;
        }
        // "you're" compiles to the two words "you are", as responses are normalised.
        const auto words = normalise_words(raw, normalisation_);
        if (words.empty()) {
            return fail(start, "expected a word");
        }
        for (const auto& w : words) {
            Pattern::Node node;
            node.kind = Pattern::Node::Kind::Word;
            node.text = w;
            node.stem = exact ? std::string("\x01") : stem_of(w, normalisation_); // "\x01" never equals a stem
            seq.push_back(std::move(node));
        }
        return true;
    }

    std::string_view src_;
    const Normalisation& normalisation_;
    const Pattern::SlotResolver& resolve_;
    std::size_t pos_ = 0;
    Pattern::CompileError error_{0, ""};
};

// A non-owning reference to "what to do after this part matched".
class Continuation {
public:
    template <class F>
    explicit Continuation(const F& f)
        : object_(&f), call_([](const void* o, std::size_t end) {
              return (*static_cast<const F*>(o))(end);
          }) {}
    bool operator()(std::size_t end) const { return call_(object_, end); }

private:
    const void* object_;
    bool (*call_)(const void*, std::size_t);
};

class Matcher {
public:
    Matcher(const MatchInput& input, std::size_t start)
        : tokens_(*input.tokens), hits_(*input.hits), sentence_((*input.tokens)[start].sentence) {}

    bool sequence(const Pattern::Sequence& seq, std::size_t i, std::size_t pos,
                  const Continuation& next) const {
        if (i == seq.size()) {
            return next(pos);
        }
        const Pattern::Node& node = seq[i];
        auto rest_fn = [&](std::size_t p) { return sequence(seq, i + 1, p, next); };
        const Continuation rest(rest_fn);
        using Kind = Pattern::Node::Kind;
        switch (node.kind) {
        case Kind::Word:
            return in_sentence(pos) &&
                   (tokens_[pos].text == node.text || tokens_[pos].stem == node.stem) &&
                   rest(pos + 1);
        case Kind::Prefix:
            return in_sentence(pos) && tokens_[pos].text.rfind(node.text, 0) == 0 && rest(pos + 1);
        case Kind::Any:
            return in_sentence(pos) && rest(pos + 1);
        case Kind::Slot:
            if (!in_sentence(pos)) {
                return false;
            }
            for (const SlotHit& hit : hits_[pos]) {
                if ((node.slots >> hit.slot) & 1u) {
                    if (pos + hit.length <= tokens_.size() &&
                        tokens_[pos + hit.length - 1].sentence == sentence_ && rest(pos + hit.length)) {
                        return true;
                    }
                }
            }
            return false;
        case Kind::Gap: {
            // Greedy: the longest gap first, so a match covers all the words it judges.
            int longest = 0;
            while (longest < kGapMaxWords && in_sentence(pos + longest)) {
                ++longest;
            }
            for (int g = longest; g >= 0; --g) {
                if (rest(pos + g)) {
                    return true;
                }
            }
            return false;
        }
        case Kind::Optional:
            for (const auto& branch : node.branches) {
                if (sequence(branch, 0, pos, rest)) {
                    return true;
                }
            }
            return rest(pos);
        case Kind::Alternatives:
            for (const auto& branch : node.branches) {
                if (sequence(branch, 0, pos, rest)) {
                    return true;
                }
            }
            return false;
        case Kind::ClauseStart:
            return pos < tokens_.size() && (pos == 0 || tokens_[pos - 1].clause != tokens_[pos].clause) &&
                   rest(pos);
        case Kind::SentenceEnd: {
            if (pos < tokens_.size() && tokens_[pos].sentence == sentence_) {
                return false;
            }
            // Whatever follows "$" continues in the next sentence ("Nice. What's for dinner?").
            const std::uint16_t saved = sentence_;
            if (pos < tokens_.size()) {
                sentence_ = tokens_[pos].sentence;
            }
            const bool matched = rest(pos);
            sentence_ = saved;
            return matched;
        }
        case Kind::Not: {
            const auto accept_fn = [](std::size_t) { return true; };
            const Continuation accept(accept_fn);
            for (const auto& branch : node.branches) {
                if (sequence(branch, 0, pos, accept)) {
                    return false;
                }
            }
            return rest(pos);
        }
        }
        return false;
    }

private:
    bool in_sentence(std::size_t pos) const {
        return pos < tokens_.size() && tokens_[pos].sentence == sentence_;
    }

    const std::vector<Token>& tokens_;
    const std::vector<std::vector<SlotHit>>& hits_;
    mutable std::uint16_t sentence_; // the sentence being matched; "$" moves to the next
};

} // namespace

std::optional<Pattern> Pattern::compile(std::string_view source, const Normalisation& normalisation,
                                        const SlotResolver& resolve, CompileError& error) {
    Parser parser(source, normalisation, resolve);
    auto seq = parser.parse(error);
    if (!seq) {
        return std::nullopt;
    }
    Pattern p;
    p.source_ = std::string(source);
    p.sequence_.push_back(std::move(*seq));
    return p;
}

std::optional<TokenSpan> Pattern::find_first(const MatchInput& input, std::size_t from) const {
    const auto& tokens = *input.tokens;
    for (std::size_t start = from; start < tokens.size(); ++start) {
        Matcher matcher(input, start);
        std::size_t end = start;
        auto accept = [&](std::size_t e) {
            end = e;
            return e > start; // a match must consume at least one word
        };
        if (matcher.sequence(sequence_[0], 0, start, Continuation(accept))) {
            return TokenSpan{start, end};
        }
    }
    return std::nullopt;
}

std::vector<TokenSpan> Pattern::find_all(const MatchInput& input) const {
    std::vector<TokenSpan> spans;
    std::size_t from = 0;
    while (auto span = find_first(input, from)) {
        spans.push_back(*span);
        from = span->end;
    }
    return spans;
}

} // namespace et
