// Pattern compiler (a small recursive-descent parser) and backtracking matcher.
#include "core/pattern.hpp"

#include <algorithm>

namespace et {

namespace {

constexpr int kGapMaxWords = 8;

class Parser {
public:
    Parser(std::string_view source, const Normalisation& normalisation,
           const Pattern::SlotResolver& resolve, Vocabulary& vocabulary)
        : src_(source), normalisation_(normalisation), resolve_(resolve), vocabulary_(vocabulary) {}

    std::optional<Pattern::Sequence> parse(Pattern::CompileError& error) {
        Pattern::Sequence seq;
        seq.reserve(8);
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
            node.ids = std::move(inner.front().ids); // one-word alternatives: a set to avoid
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
            // Branches of one word each are kept as ids only (the common case, and the
            // cheapest to compile and to match); other branches keep their nodes.
            std::vector<std::pair<int, int>> words;
            bool single_words = true;
            Pattern::Sequence branch;
            while (true) {
                branch.clear();
                if (!parse_sequence(branch, closer)) {
                    return false;
                }
                if (branch.empty()) {
                    return fail(pos_, "empty alternative");
                }
                if (single_words && branch.size() == 1 && branch[0].kind == Pattern::Node::Kind::Word) {
                    words.emplace_back(branch[0].text_id, branch[0].stem_id);
                } else {
                    if (single_words) {
                        single_words = false;
                        for (const auto& [text_id, stem_id] : words) {
                            Pattern::Node word;
                            word.text_id = text_id;
                            word.stem_id = stem_id;
                            node.branches.push_back({std::move(word)});
                        }
                    }
                    node.branches.push_back(std::move(branch));
                    branch = {};
                }
                if (src_[pos_] == closer) {
                    ++pos_;
                    break;
                }
                ++pos_; // '|'
            }
            if (single_words) {
                for (const auto& [text_id, stem_id] : words) {
                    node.ids.push_back(text_id);
                    if (stem_id >= 0) {
                        node.ids.push_back(stem_id);
                    }
                }
                std::sort(node.ids.begin(), node.ids.end());
                node.ids.erase(std::unique(node.ids.begin(), node.ids.end()), node.ids.end());
                node.optional = node.kind == Pattern::Node::Kind::Optional;
                node.kind = Pattern::Node::Kind::WordSet;
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
        if (src_.substr(pos_, 3) == "..." || c == '~') {
            // "..." may run to the end of the sentence; "~" stops at the end of the clause.
            Pattern::Node node;
            node.kind = Pattern::Node::Kind::Gap;
            node.text = c == '~' ? "clause" : "";
            pos_ += c == '~' ? 1 : 3;
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
        while (end < src_.size() && std::string_view(" []()|{}*!$^~").find(src_[end]) ==
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
        const auto& words = vocabulary_.words_of(raw, normalisation_);
        if (words.empty()) {
            return fail(start, "expected a word");
        }
        for (const auto& [text_id, stem_id] : words) {
            Pattern::Node node;
            node.kind = Pattern::Node::Kind::Word;
            node.text_id = text_id;
            node.stem_id = exact ? -1 : stem_id;
            seq.push_back(std::move(node));
        }
        return true;
    }

    std::string_view src_;
    const Normalisation& normalisation_;
    const Pattern::SlotResolver& resolve_;
    Vocabulary& vocabulary_;
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
                   (tokens_[pos].text_id == node.text_id ||
                    (node.stem_id >= 0 && tokens_[pos].stem_id == node.stem_id)) &&
                   rest(pos + 1);
        case Kind::WordSet: {
            const bool here = in_sentence(pos) &&
                              ((tokens_[pos].text_id >= 0 &&
                                std::binary_search(node.ids.begin(), node.ids.end(), tokens_[pos].text_id)) ||
                               (tokens_[pos].stem_id >= 0 &&
                                std::binary_search(node.ids.begin(), node.ids.end(), tokens_[pos].stem_id)));
            return (here && rest(pos + 1)) || (node.optional && rest(pos));
        }
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
            const bool clause_only = !node.text.empty();
            while (longest < kGapMaxWords && in_sentence(pos + longest) &&
                   (!clause_only || (pos > 0 && tokens_[pos + longest].clause == tokens_[pos - 1].clause))) {
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
            if (!node.ids.empty()) {
                const bool listed = pos < tokens_.size() &&
                                    ((tokens_[pos].text_id >= 0 &&
                                      std::binary_search(node.ids.begin(), node.ids.end(), tokens_[pos].text_id)) ||
                                     (tokens_[pos].stem_id >= 0 &&
                                      std::binary_search(node.ids.begin(), node.ids.end(), tokens_[pos].stem_id)));
                return !listed && rest(pos);
            }
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

namespace {

// What a node demands of the token it starts at, if that can be said simply.
std::optional<Pattern::Requirement> requirement_of(const Pattern::Node& node) {
    using Kind = Pattern::Node::Kind;
    Pattern::Requirement r;
    if (node.kind == Kind::Word) {
        r.ids.push_back(node.text_id);
        if (node.stem_id >= 0) {
            r.ids.push_back(node.stem_id);
        }
        return r;
    }
    if (node.kind == Kind::Slot) {
        r.slots = node.slots;
        return r;
    }
    if (node.kind == Kind::WordSet && !node.optional) {
        r.ids = node.ids;
        return r;
    }
    if (node.kind == Kind::Alternatives) {
        for (const auto& branch : node.branches) {
            std::size_t i = 0;
            while (i < branch.size() && branch[i].kind == Kind::ClauseStart) {
                ++i;
            }
            if (i == branch.size()) {
                return std::nullopt;
            }
            const auto inner = requirement_of(branch[i]);
            if (!inner) {
                return std::nullopt;
            }
            r.ids.insert(r.ids.end(), inner->ids.begin(), inner->ids.end());
            r.slots |= inner->slots;
        }
        return r;
    }
    return std::nullopt;
}

// `r.ids` is sorted (see derive_requirements), so membership is a binary search.
// What the first token of a match of seq[i..] must meet, looking through optional groups,
// alternatives and anchors; nothing when any token could start it.
std::optional<Pattern::Requirement> first_of(const Pattern::Sequence& seq, std::size_t i) {
    using Kind = Pattern::Node::Kind;
    if (i >= seq.size()) {
        return std::nullopt;
    }
    const Pattern::Node& node = seq[i];
    auto merge = [](Pattern::Requirement& into, const Pattern::Requirement& from) {
        into.ids.insert(into.ids.end(), from.ids.begin(), from.ids.end());
        into.slots |= from.slots;
    };
    switch (node.kind) {
    case Kind::Word:
    case Kind::Slot:
        return requirement_of(node);
    case Kind::WordSet: {
        if (!node.optional) {
            return requirement_of(node);
        }
        auto rest = first_of(seq, i + 1);
        if (!rest) {
            return std::nullopt;
        }
        Pattern::Requirement r = *rest;
        r.ids.insert(r.ids.end(), node.ids.begin(), node.ids.end());
        return r;
    }
    case Kind::ClauseStart:
    case Kind::Not:
        return first_of(seq, i + 1);
    case Kind::Alternatives:
    case Kind::Optional: {
        Pattern::Requirement r;
        for (const auto& branch : node.branches) {
            const auto b = first_of(branch, 0);
            if (!b) {
                return std::nullopt;
            }
            merge(r, *b);
        }
        if (node.kind == Kind::Optional) {
            const auto rest = first_of(seq, i + 1);
            if (!rest) {
                return std::nullopt;
            }
            merge(r, *rest);
        }
        return r;
    }
    default:
        return std::nullopt;
    }
}

bool token_meets(const Pattern::Requirement& r, const Token& token, const std::vector<SlotHit>& hits) {
    for (const SlotHit& h : hits) {
        if ((r.slots >> h.slot) & 1u) {
            return true;
        }
    }
    return (token.text_id >= 0 && std::binary_search(r.ids.begin(), r.ids.end(), token.text_id)) ||
           (token.stem_id >= 0 && std::binary_search(r.ids.begin(), r.ids.end(), token.stem_id));
}

bool input_meets(const Pattern::Requirement& r, const MatchInput& input) {
    if ((r.slots & input.slots) != 0) {
        return true;
    }
    for (int id : r.ids) {
        if ((*input.present)[static_cast<std::size_t>(id)] != 0) {
            return true;
        }
    }
    return false;
}

} // namespace

namespace {

// "(a|b|c)" and "[a|b|c]" with one word per branch become one set lookup instead of a
// branch per word: the matcher's hottest case.
void collapse_word_sets(Pattern::Sequence& seq) {
    using Kind = Pattern::Node::Kind;
    for (Pattern::Node& node : seq) {
        for (auto& branch : node.branches) {
            collapse_word_sets(branch);
        }
        if ((node.kind != Kind::Alternatives && node.kind != Kind::Optional && node.kind != Kind::Not) ||
            node.branches.empty()) {
            continue; // not a group, or already a set
        }
        const bool single_words = std::all_of(node.branches.begin(), node.branches.end(), [](const auto& b) {
            return b.size() == 1 && b[0].kind == Kind::Word;
        });
        if (!single_words) {
            continue;
        }
        std::vector<int> ids;
        for (const auto& b : node.branches) {
            ids.push_back(b[0].text_id);
            if (b[0].stem_id >= 0) {
                ids.push_back(b[0].stem_id);
            }
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        node.ids = std::move(ids);
        node.branches.clear();
        if (node.kind != Kind::Not) { // a Not keeps its kind and checks the set
            node.optional = node.kind == Kind::Optional;
            node.kind = Kind::WordSet;
        }
    }
}

} // namespace

void Pattern::derive_requirements() {
    const Sequence& seq = sequence_[0];
    for (const Node& node : seq) {
        if (auto r = requirement_of(node)) {
            requirements_.push_back(std::move(*r));
        }
    }
    // Single words first: they fail fastest for a response that cannot match.
    std::stable_sort(requirements_.begin(), requirements_.end(), [](const Requirement& a, const Requirement& b) {
        return (a.slots != 0) < (b.slots != 0) || ((a.slots != 0) == (b.slots != 0) && a.ids.size() < b.ids.size());
    });
    first_ = first_of(seq, 0);
    if (first_) {
        std::sort(first_->ids.begin(), first_->ids.end());
        first_->ids.erase(std::unique(first_->ids.begin(), first_->ids.end()), first_->ids.end());
    }
}

int Vocabulary::intern(const std::string& key) {
    return ids_.emplace(key, static_cast<int>(ids_.size())).first->second;
}

const std::vector<std::pair<int, int>>& Vocabulary::words_of(std::string_view raw,
                                                             const Normalisation& normalisation) {
    std::string key(raw);
    if (auto it = words_.find(key); it != words_.end()) {
        return it->second;
    }
    std::vector<std::pair<int, int>> ids;
    for (const auto& w : normalise_words(raw, normalisation)) {
        ids.emplace_back(intern(w), intern(stem_key(stem_of(w, normalisation))));
    }
    return words_.emplace(std::move(key), std::move(ids)).first->second;
}

int Vocabulary::find(const std::string& key) const {
    const auto it = ids_.find(key);
    return it == ids_.end() ? -1 : it->second;
}

void Vocabulary::assign(std::vector<Token>& tokens) const {
    for (Token& t : tokens) {
        t.text_id = find(t.text);
        t.stem_id = find(stem_key(t.stem));
    }
}

int Vocabulary::add_pattern(const std::vector<int>& ids, std::uint64_t slots, bool always) {
    const int serial = patterns_++;
    if (always) {
        always_.push_back(serial);
        return serial;
    }
    for (int id : ids) {
        by_id_[id].push_back(serial);
    }
    for (int slot = 0; slot < 64; ++slot) {
        if ((slots >> slot) & 1u) {
            by_slot_[static_cast<std::size_t>(slot)].push_back(serial);
        }
    }
    return serial;
}

void Vocabulary::candidates(const std::vector<Token>& tokens, std::uint64_t slots_present,
                            std::vector<char>& out) const {
    out.assign(static_cast<std::size_t>(patterns_), 0);
    for (int serial : always_) {
        out[static_cast<std::size_t>(serial)] = 1;
    }
    for (const Token& t : tokens) {
        for (int id : {t.text_id, t.stem_id}) {
            if (id < 0) {
                continue;
            }
            if (auto it = by_id_.find(id); it != by_id_.end()) {
                for (int serial : it->second) {
                    out[static_cast<std::size_t>(serial)] = 1;
                }
            }
        }
    }
    for (int slot = 0; slot < 64; ++slot) {
        if ((slots_present >> slot) & 1u) {
            for (int serial : by_slot_[static_cast<std::size_t>(slot)]) {
                out[static_cast<std::size_t>(serial)] = 1;
            }
        }
    }
}

std::optional<Pattern> Pattern::compile(std::string_view source, const Normalisation& normalisation,
                                        const SlotResolver& resolve, Vocabulary& vocabulary,
                                        CompileError& error) {
    Parser parser(source, normalisation, resolve, vocabulary);
    auto seq = parser.parse(error);
    if (!seq) {
        return std::nullopt;
    }
    Pattern p;
    p.source_ = std::string(source);
    collapse_word_sets(*seq);
    p.sequence_.push_back(std::move(*seq));
    p.derive_requirements();
    p.serial_ = p.first_ ? vocabulary.add_pattern(p.first_->ids, p.first_->slots, false)
                         : vocabulary.add_pattern({}, 0, true);
    return p;
}

void Pattern::finalize(std::size_t vocabulary_size) {
    first_ids_.assign(vocabulary_size, false);
    if (first_) {
        for (int id : first_->ids) {
            first_ids_[static_cast<std::size_t>(id)] = true;
        }
    }
}

std::optional<TokenSpan> Pattern::scan(const MatchInput& input, std::size_t from) const {
    const auto& tokens = *input.tokens;
    for (std::size_t start = from; start < tokens.size(); ++start) {
        if (first_) {
            const Token& t = tokens[start];
            const bool by_word = !first_ids_.empty()
                                     ? ((t.text_id >= 0 && first_ids_[static_cast<std::size_t>(t.text_id)]) ||
                                        (t.stem_id >= 0 && first_ids_[static_cast<std::size_t>(t.stem_id)]))
                                     : token_meets(*first_, t, {});
            if (!by_word && !(first_->slots != 0 && token_meets(Requirement{{}, first_->slots}, t, (*input.hits)[start]))) {
                continue;
            }
        }
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

std::optional<TokenSpan> Pattern::find_first(const MatchInput& input, std::size_t from) const {
    if (input.present != nullptr) {
        for (const Requirement& r : requirements_) {
            if (!input_meets(r, input)) {
                return std::nullopt;
            }
        }
    }
    return scan(input, from);
}

std::vector<TokenSpan> Pattern::find_all(const MatchInput& input) const {
    std::vector<TokenSpan> spans;
    if (input.candidates != nullptr && serial_ >= 0 &&
        static_cast<std::size_t>(serial_) < input.candidates->size() &&
        (*input.candidates)[static_cast<std::size_t>(serial_)] == 0) {
        return spans;
    }
    if (input.present != nullptr) {
        for (const Requirement& r : requirements_) {
            if (!input_meets(r, input)) {
                return spans;
            }
        }
    }
    std::size_t from = 0;
    while (auto span = scan(input, from)) {
        spans.push_back(*span);
        from = span->end;
    }
    return spans;
}

} // namespace et
