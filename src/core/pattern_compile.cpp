// The pattern notation's compiler: a small recursive-descent parser that turns a criteria
// phrase into nodes, folding one-word alternatives into sets.
#include <algorithm>
#include <deque>

#include "core/pattern.hpp"
#include "core/pattern_internal.hpp"

namespace et {

namespace {

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

    // A one-character item that matches a position, not a word ("^", "$").
    bool marker(Pattern::Sequence& seq, Pattern::Node::Kind kind) {
        ++pos_;
        Pattern::Node node;
        node.kind = kind;
        seq.push_back(std::move(node));
        return true;
    }

    static bool is_delimiter(char c) {
        switch (c) {
        case ' ': case '[': case ']': case '(': case ')': case '|': case '{': case '}':
        case '*': case '!': case '$': case '^': case '~':
            return true;
        default:
            return false;
        }
    }

    // Letters, digits, apostrophes and any non-ASCII byte (curly quotes, accented letters).
    static bool is_word_char(char c) {
        const auto ch = static_cast<unsigned char>(c);
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
               ch == '\'' || ch >= 0x80;
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
            return marker(seq, Pattern::Node::Kind::SentenceEnd);
        }
        if (c == '[' || c == '(') {
            // "(a|b c)" chooses one branch; "[a|b c]" chooses one branch or none.
            const char closer = c == '[' ? ']' : ')';
            ++pos_;
            Pattern::Node node;
            node.kind = c == '[' ? Pattern::Node::Kind::Optional : Pattern::Node::Kind::Alternatives;
            // Branches of one word each are kept as ids only (the common case, and the
            // cheapest to compile and to match); other branches keep their nodes.
            // One scratch list per nesting depth, kept between patterns: a fresh list per
            // group was the compiler's most frequent allocation.
            if (word_scratch_.size() <= depth_) {
                word_scratch_.emplace_back();
            }
            std::vector<std::pair<int, int>>& words = word_scratch_[depth_];
            words.clear();
            ++depth_;
            bool single_words = true;
            Pattern::Sequence branch;
            while (true) {
                // Most branches are one plain word ("(sad|upset|down)"): straight to its ids,
                // without building a node only to read them back.
                if (single_words) {
                    std::size_t end = pos_;
                    while (end < src_.size() && is_word_char(src_[end])) {
                        ++end;
                    }
                    if (end > pos_ && end < src_.size() &&
                        (src_[end] == '|' || src_[end] == closer)) {
                        const auto& plain =
                            vocabulary_.words_of(src_.substr(pos_, end - pos_), normalisation_);
                        if (plain.size() == 1) {
                            words.push_back(plain.front());
                            pos_ = end + 1;
                            if (src_[end] == closer) {
                                break;
                            }
                            continue;
                        }
                    }
                }
                branch.clear();
                // Room for a typical phrase: growing one node at a time moved every node
                // (a large struct) two or three times.
                branch.reserve(4);
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
                        node.branches.reserve(words.size() + 4);
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
            --depth_;
            if (single_words) {
                node.ids.reserve(words.size() * 2);
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
            node.clause_only = c == '~';
            pos_ += c == '~' ? 1 : 3;
            seq.push_back(std::move(node));
            return true;
        }
        if (c == '^') {
            return marker(seq, Pattern::Node::Kind::ClauseStart);
        }
        // A word: letters, digits, apostrophes (straight or curly), an optional '*';
        // "=word" matches that exact word only, not other forms of it.
        const bool exact = c == '=';
        if (exact) {
            ++pos_;
        }
        std::size_t end = pos_;
        while (end < src_.size() && !is_delimiter(src_[end])) {
            ++end;
        }
        const std::string_view raw = src_.substr(pos_, end - pos_);
        for (std::size_t k = 0; k < raw.size(); ++k) {
            if (!is_word_char(raw[k])) {
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
            Pattern::Node& node = seq.emplace_back();
            node.kind = Pattern::Node::Kind::Word;
            node.text_id = text_id;
            node.stem_id = exact ? -1 : stem_id;
        }
        return true;
    }

    std::string_view src_;
    const Normalisation& normalisation_;
    const Pattern::SlotResolver& resolve_;
    Vocabulary& vocabulary_;
    std::size_t pos_ = 0;
    Pattern::CompileError error_{0, ""};
    std::size_t depth_ = 0; // nesting of groups, for word_scratch_
    // A deque, so that a list stays in place while deeper groups add theirs. Per thread, as
    // criteria load on worker threads.
    static thread_local std::deque<std::vector<std::pair<int, int>>> word_scratch_;
};

thread_local std::deque<std::vector<std::pair<int, int>>> Parser::word_scratch_;

} // namespace

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
    p.sequence_ = std::move(*seq);
    p.derive_requirements();
    p.serial_ = p.first_ ? vocabulary.add_pattern(p.first_->ids, p.first_->slots, false)
                         : vocabulary.add_pattern({}, 0, true);
    return p;
}


} // namespace et
