// The pattern notation's compiler: a small recursive-descent parser that turns a criteria
// phrase into nodes, folding one-word alternatives into sets.
#include "core/pattern.hpp"
#include "core/pattern_internal.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <type_traits>
#include <utility>

namespace et {

namespace {

// What the parser builds, kept between patterns (per thread, as criteria load on worker
// threads) so that compiling a pattern allocates only its own lists, at their final size.
struct CompileScratch {
    std::vector<Pattern::Node> nodes;
    std::vector<int> set_ids;
    std::string prefixes;
    // The pattern's text, copied so that a NUL always follows it: the scans over words stop
    // there without testing the length at every byte.
    std::string source;
    // The one-word alternatives of the groups being parsed, one list per nesting depth: a
    // deque, so that a list stays in place while deeper groups add theirs.
    std::deque<std::vector<std::pair<int, int>>> group_words;
    std::vector<Pattern::RequirementSpan> requirements;
};

class Parser {
public:
    Parser(std::string_view source, const Normalisation& normalisation,
           const Pattern::SlotResolver& resolve, Vocabulary& vocabulary, CompileScratch& scratch)
        : normalisation_(normalisation), resolve_(resolve), vocabulary_(vocabulary),
          nodes_(scratch.nodes), set_ids_(scratch.set_ids), prefixes_(scratch.prefixes),
          group_words_(scratch.group_words) {
        scratch.source.assign(source);
        src_ = scratch.source;
        nodes_.clear();
        set_ids_.clear();
        prefixes_.clear();
    }

    // Fills the scratch lists with the pattern's nodes (see Pattern::Node).
    bool parse(Pattern::CompileError& error) {
        if (!parse_sequence('\0')) {
            error = error_;
            return false;
        }
        if (nodes_.empty()) {
            error = {0, "empty pattern"};
            return false;
        }
        return true;
    }

private:
    bool fail(std::size_t at, std::string message) {
        error_ = {at, std::move(message)};
        return false;
    }

    // Appends a node that holds no others; returns its index.
    std::uint32_t add(Pattern::Node node) {
        const auto index = static_cast<std::uint32_t>(nodes_.size());
        node.end = index + 1;
        nodes_.push_back(node);
        return index;
    }

    // A one-character item that matches a position, not a word ("^", "$").
    bool marker(Pattern::Node::Kind kind) {
        ++pos_;
        Pattern::Node node;
        node.kind = kind;
        add(node);
        return true;
    }

    // What each byte is to the parser, looked up rather than tested case by case: the scans
    // over words are most of the parser's own work.
    enum CharClass : std::uint8_t { kOther = 0, kWordChar = 1, kDelimiter = 2 };
    static constexpr std::array<std::uint8_t, 256> kCharClasses = [] {
        std::array<std::uint8_t, 256> classes{};
        for (int c = 0; c < 256; ++c) {
            // Letters, digits, apostrophes and any non-ASCII byte (curly quotes, accented letters).
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
                c >= 0x80) {
                classes[static_cast<std::size_t>(c)] = kWordChar;
            }
        }
        for (const char c : std::string_view(" []()|{}*!$^~")) {
            classes[static_cast<unsigned char>(c)] = kDelimiter;
        }
        return classes;
    }();

    static bool is_delimiter(char c) { return kCharClasses[static_cast<unsigned char>(c)] == kDelimiter; }
    static bool is_word_char(char c) { return kCharClasses[static_cast<unsigned char>(c)] == kWordChar; }

    // The NUL after the text (see CompileScratch::source) ends these scans, as it is neither a
    // space nor a word character; so does a NUL inside the text, as a length test would not.
    void skip_spaces() {
        while (src_.data()[pos_] == ' ') {
            ++pos_;
        }
    }

    // Where the word characters from `from` end.
    std::size_t word_end(std::size_t from) const {
        while (is_word_char(src_.data()[from])) {
            ++from;
        }
        return from;
    }

    // Parses items until `closer` (or '|' inside a group) or the end.
    bool parse_sequence(char closer) {
        while (true) {
            skip_spaces();
            if (pos_ >= src_.size()) {
                if (closer != '\0') {
                    return fail(pos_, std::string("missing '") + closer + "'");
                }
                return true;
            }
            const char c = src_[pos_];
            if (is_word_char(c)) {
                // A plain word, most items: none of the tests below.
                if (!parse_word(false)) {
                    return false;
                }
                continue;
            }
            if (c == closer || (c == '|' && closer != '\0')) {
                return true;
            }
            if (c == ']' || c == ')' || c == '}' || c == '|') {
                return fail(pos_, std::string("unexpected '") + c + "'");
            }
            if (!parse_item()) {
                return false;
            }
        }
    }

    bool parse_item() {
        const char c = src_[pos_];
        if (c == '!' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '(') {
            ++pos_;
            // The group that follows becomes the set (or the branches) to avoid.
            const auto group = static_cast<std::uint32_t>(nodes_.size());
            if (!parse_item()) {
                return false;
            }
            nodes_[group].kind = Pattern::Node::Kind::Not;
            return true;
        }
        if (c == '$') {
            return marker(Pattern::Node::Kind::SentenceEnd);
        }
        if (c == '[' || c == '(') {
            return parse_group(c);
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
            add(node);
            return true;
        }
        if (src_.substr(pos_, 3) == "..." || c == '~') {
            // "..." may run to the end of the sentence; "~" stops at the end of the clause.
            Pattern::Node node;
            node.kind = Pattern::Node::Kind::Gap;
            node.clause_only = c == '~';
            pos_ += c == '~' ? 1 : 3;
            add(node);
            return true;
        }
        if (c == '^') {
            return marker(Pattern::Node::Kind::ClauseStart);
        }
        // "=word" matches that exact word only, not other forms of it.
        const bool exact = c == '=';
        if (exact) {
            ++pos_;
        }
        return parse_word(exact);
    }

    // A word at pos_ (after any '='): letters, digits, apostrophes (straight or curly), an
    // optional '*'.
    bool parse_word(bool exact) {
        const std::size_t start = exact ? pos_ - 1 : pos_;
        // Word characters up to a delimiter; anything else before one is an error there.
        const std::size_t end = word_end(pos_);
        if (end < src_.size() && !is_delimiter(src_[end])) {
            return fail(end, std::string("unexpected '") + src_[end] + "'");
        }
        const std::string_view raw = src_.substr(pos_, end - pos_);
        const bool prefix = end < src_.size() && src_[end] == '*';
        pos_ = prefix ? end + 1 : end;
        if (prefix) {
            Pattern::Node node;
            node.kind = Pattern::Node::Kind::Prefix;
            node.span_begin = static_cast<std::uint32_t>(prefixes_.size());
            prefixes_ += fold_case(raw);
            node.span_end = static_cast<std::uint32_t>(prefixes_.size());
            add(node);
            return true;
        }
        // "you're" compiles to the two words "you are", as responses are normalised.
        const auto words = vocabulary_.words_of(raw, normalisation_);
        if (words.empty()) {
            return fail(start, "expected a word");
        }
        for (const auto& [text_id, stem_id] : words) {
            Pattern::Node node;
            node.text_id = text_id;
            node.stem_id = exact ? -1 : stem_id;
            add(node);
        }
        return true;
    }

    // "(a|b c)" chooses one branch; "[a|b c]" chooses one branch or none. Branches of one
    // word each are kept as ids only (the common case, and the cheapest to compile and to
    // match); if any branch is more, every branch follows the group node as Branch nodes.
    bool parse_group(char opener) {
        const char closer = opener == '[' ? ']' : ')';
        ++pos_;
        Pattern::Node group_node;
        group_node.kind = opener == '[' ? Pattern::Node::Kind::Optional : Pattern::Node::Kind::Alternatives;
        const std::uint32_t group = add(group_node);
        if (group_words_.size() <= depth_) {
            group_words_.emplace_back();
        }
        std::vector<std::pair<int, int>>& words = group_words_[depth_];
        words.clear();
        ++depth_;
        bool single_words = true;
        while (true) {
            // Most branches are one plain word ("(sad|upset|down)"): straight to its ids,
            // without building a node only to read them back.
            if (single_words) {
                const std::size_t end = word_end(pos_);
                if (end > pos_ && end < src_.size() && (src_[end] == '|' || src_[end] == closer)) {
                    const auto plain = vocabulary_.words_of(src_.substr(pos_, end - pos_), normalisation_);
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
            Pattern::Node branch_node;
            branch_node.kind = Pattern::Node::Kind::Branch;
            auto branch = add(branch_node);
            if (!parse_sequence(closer)) {
                return false;
            }
            if (nodes_.size() == branch + 1) {
                return fail(pos_, "empty alternative");
            }
            if (single_words && nodes_.size() == branch + 2 && nodes_[branch + 1].kind == Pattern::Node::Kind::Word) {
                words.emplace_back(nodes_[branch + 1].text_id, nodes_[branch + 1].stem_id);
                nodes_.resize(branch);
            } else {
                if (single_words) {
                    single_words = false;
                    branch = put_words_before(branch, words);
                }
                nodes_[branch].end = static_cast<std::uint32_t>(nodes_.size());
            }
            if (src_[pos_] == closer) {
                ++pos_;
                break;
            }
            ++pos_; // '|'
        }
        --depth_;
        Pattern::Node& node = nodes_[group];
        if (single_words) {
            // A word is listed by its stem alone (see stands_for): the set is half the size
            // for every token it is checked against.
            node.span_begin = static_cast<std::uint32_t>(set_ids_.size());
            for (const auto& [text_id, stem_id] : words) {
                set_ids_.push_back(stands_for(text_id, stem_id));
            }
            const auto first = set_ids_.begin() + node.span_begin;
            std::sort(first, set_ids_.end());
            set_ids_.erase(std::unique(first, set_ids_.end()), set_ids_.end());
            node.span_end = static_cast<std::uint32_t>(set_ids_.size());
            node.optional = node.kind == Pattern::Node::Kind::Optional;
            node.kind = Pattern::Node::Kind::WordSet;
        }
        node.end = static_cast<std::uint32_t>(nodes_.size());
        return true;
    }

    // The group's one-word branches so far, as a Branch and a Word node each, inserted before
    // the branch at `branch` (the first that is more than one word); returns where that
    // branch now is.
    std::uint32_t put_words_before(std::uint32_t branch, const std::vector<std::pair<int, int>>& words) {
        const auto shift = static_cast<std::uint32_t>(2 * words.size());
        nodes_.insert(nodes_.begin() + branch, shift, Pattern::Node{});
        for (std::size_t i = branch + shift; i < nodes_.size(); ++i) {
            nodes_[i].end += shift;
        }
        for (std::size_t k = 0; k < words.size(); ++k) {
            const auto at = static_cast<std::uint32_t>(branch + 2 * k);
            Pattern::Node& opener = nodes_[at];
            opener.kind = Pattern::Node::Kind::Branch;
            opener.end = at + 2;
            Pattern::Node& word = nodes_[at + 1];
            word.text_id = words[k].first;
            word.stem_id = words[k].second;
            word.end = at + 2;
        }
        return branch + shift;
    }

    std::string_view src_;
    const Normalisation& normalisation_;
    const Pattern::SlotResolver& resolve_;
    Vocabulary& vocabulary_;
    std::vector<Pattern::Node>& nodes_;
    std::vector<int>& set_ids_;
    std::string& prefixes_;
    std::deque<std::vector<std::pair<int, int>>>& group_words_;
    std::size_t pos_ = 0;
    Pattern::CompileError error_{0, ""};
    std::size_t depth_ = 0; // nesting of groups, for group_words_
};

} // namespace

std::optional<Pattern> Pattern::compile(std::string_view source, const Normalisation& normalisation,
                                        const SlotResolver& resolve, Vocabulary& vocabulary,
                                        CompileError& error) {
    auto p = compile_unnumbered(source, normalisation, resolve, vocabulary, error);
    if (p) {
        p->register_in(vocabulary);
    }
    return p;
}

void Pattern::register_in(Vocabulary& vocabulary) {
    const int* ids = this->ids();
    serial_ = first_ ? vocabulary.add_pattern({ids + first_->begin, ids + first_->end},
                                              first_->slots, false)
                     : vocabulary.add_pattern({}, 0, true);
}

void Pattern::renumber(std::span<const int> to) {
    const auto moved = [&](int id) { return id < 0 ? id : to[static_cast<std::size_t>(id)]; };
    int* ids = reinterpret_cast<int*>(block_.get() + layout_.ids_at);
    const std::size_t id_count = (layout_.prefixes_at - layout_.ids_at) / sizeof(int);
    std::transform(ids, ids + id_count, ids, moved);
    // The new ids need not keep the old ones' order: sorted again where lookups rely on it
    // (word sets are searched by halving; the first word's list is kept sorted). The lists
    // are a few ids each, which an insertion sort orders without std::sort's set-up.
    const auto sort_ids = [](int* first, int* last) {
        for (int* next = first + 1; next < last; ++next) {
            const int id = *next;
            int* at = next;
            for (; at > first && *(at - 1) > id; --at) {
                *at = *(at - 1);
            }
            *at = id;
        }
    };
    auto* nodes = reinterpret_cast<Node*>(block_.get());
    for (std::uint32_t i = 0; i < layout_.node_count; ++i) {
        Node& node = nodes[i];
        node.text_id = moved(node.text_id);
        node.stem_id = moved(node.stem_id);
        if (node.kind == Node::Kind::WordSet || node.kind == Node::Kind::Not) {
            sort_ids(ids + node.span_begin, ids + node.span_end);
        }
    }
    if (first_) {
        sort_ids(ids + first_->begin, ids + first_->end);
    }
}

std::optional<Pattern> Pattern::compile_unnumbered(std::string_view source,
                                                   const Normalisation& normalisation,
                                                   const SlotResolver& resolve,
                                                   Vocabulary& vocabulary, CompileError& error) {
    thread_local CompileScratch scratch;
    Parser parser(source, normalisation, resolve, vocabulary, scratch);
    if (!parser.parse(error)) {
        return std::nullopt;
    }
    Pattern p;
    p.derive_requirements(scratch.nodes, scratch.set_ids, scratch.requirements);
    Layout& layout = p.layout_;
    layout.node_count = static_cast<std::uint32_t>(scratch.nodes.size());
    layout.requirement_count = static_cast<std::uint32_t>(scratch.requirements.size());
    const std::size_t node_bytes = scratch.nodes.size() * sizeof(Node);
    const std::size_t requirement_bytes = scratch.requirements.size() * sizeof(RequirementSpan);
    const std::size_t id_bytes = scratch.set_ids.size() * sizeof(int);
    layout.requirements_at = static_cast<std::uint32_t>(node_bytes);
    layout.ids_at = static_cast<std::uint32_t>(layout.requirements_at + requirement_bytes);
    layout.prefixes_at = static_cast<std::uint32_t>(layout.ids_at + id_bytes);
    layout.source_at = static_cast<std::uint32_t>(layout.prefixes_at + scratch.prefixes.size());
    layout.end = static_cast<std::uint32_t>(layout.source_at + source.size());
    // The lists are copied byte for byte, each aligned by the wider lists before it.
    static_assert(std::is_trivially_copyable_v<Node> &&
                  std::is_trivially_copyable_v<RequirementSpan>);
    static_assert(alignof(Node) >= alignof(RequirementSpan) &&
                  alignof(RequirementSpan) >= alignof(int));
    p.block_ = std::make_unique_for_overwrite<std::byte[]>(layout.end);
    std::byte* block = p.block_.get();
    std::memcpy(block, scratch.nodes.data(), node_bytes);
    std::memcpy(block + layout.requirements_at, scratch.requirements.data(), requirement_bytes);
    std::memcpy(block + layout.ids_at, scratch.set_ids.data(), id_bytes);
    std::memcpy(block + layout.prefixes_at, scratch.prefixes.data(), scratch.prefixes.size());
    std::memcpy(block + layout.source_at, source.data(), source.size());
    return p;
}

Pattern::Pattern(const Pattern& other)
    : layout_(other.layout_), first_(other.first_), first_offset_(other.first_offset_),
      serial_(other.serial_) {
    if (other.block_) {
        block_ = std::make_unique_for_overwrite<std::byte[]>(layout_.end);
        std::memcpy(block_.get(), other.block_.get(), layout_.end);
    }
}

// A moved-from pattern is left empty, as a default-constructed one, not holding the layout
// of a block it no longer has.
Pattern::Pattern(Pattern&& other) noexcept
    : block_(std::move(other.block_)), layout_(std::exchange(other.layout_, {})),
      first_(std::exchange(other.first_, std::nullopt)),
      first_offset_(std::exchange(other.first_offset_, 0)),
      serial_(std::exchange(other.serial_, -1)) {}

Pattern& Pattern::operator=(const Pattern& other) {
    if (this != &other) {
        *this = Pattern(other);
    }
    return *this;
}

Pattern& Pattern::operator=(Pattern&& other) noexcept {
    if (this != &other) {
        block_ = std::move(other.block_);
        layout_ = std::exchange(other.layout_, {});
        first_ = std::exchange(other.first_, std::nullopt);
        first_offset_ = std::exchange(other.first_offset_, 0);
        serial_ = std::exchange(other.serial_, -1);
    }
    return *this;
}

} // namespace et
