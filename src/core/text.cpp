// Tokenizer and normaliser: the single place where spelling variants are folded, so the
// pattern matcher and the card-reference finder compare like with like.
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <memory>

#include <libstemmer.h>

#include "core/text_index.hpp"

namespace et {

namespace {

struct StemmerDeleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '\'' || c >= 0x80;
}

bool is_sentence_end(char c) { return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n'; }

bool is_clause_end(char c) {
    return c == ',' || c == ':' || c == '(' || c == ')' || c == '-' || c == '"' || c == '/';
}

void split_words(std::string_view phrase, std::vector<std::string>& out) {
    std::size_t i = 0;
    while (i < phrase.size()) {
        while (i < phrase.size() && phrase[i] == ' ') {
            ++i;
        }
        std::size_t j = i;
        while (j < phrase.size() && phrase[j] != ' ') {
            ++j;
        }
        if (j > i) {
            out.emplace_back(phrase.substr(i, j - i));
        }
        i = j;
    }
}

// Expands one folded raw word into normalised words.
void expand_word(std::string word, const Normalisation& n, std::vector<std::string>& out) {
    // Leading and trailing apostrophes are quotes, not contractions.
    while (!word.empty() && word.front() == '\'') {
        word.erase(word.begin());
    }
    while (!word.empty() && word.back() == '\'') {
        word.pop_back();
    }
    if (word.empty()) {
        return;
    }
    if (auto it = n.spellings.find(word); it != n.spellings.end()) {
        word = it->second;
        if (word.find(' ') != std::string::npos) {
            split_words(word, out);
            return;
        }
    }
    if (auto it = n.contractions.find(word); it != n.contractions.end()) {
        split_words(it->second, out);
        return;
    }
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
        std::string base = word.substr(0, word.size() - 2);
        out.push_back(base);
        if (std::find(n.is_contractions.begin(), n.is_contractions.end(), base) !=
            n.is_contractions.end()) {
            out.emplace_back("is");
        }
        return;
    }
    for (const auto& [suffix, replacement] : n.suffixes) {
        if (word.size() > suffix.size() &&
            word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
            out.push_back(word.substr(0, word.size() - suffix.size()));
            split_words(replacement, out);
            return;
        }
    }
    out.push_back(std::move(word));
}

// How a word whose spelling depends on the next one ("ur") is read before `next`: the first
// spelling before a noun ("your"), the second otherwise ("you are").
const std::string& spelling_before(const std::pair<std::string, std::string>& spellings,
                                   const std::string& next, const Normalisation& n) {
    return n.nouns.count(next) > 0 ? spellings.first : spellings.second;
}

// What a plain phrase is written with (lower-case letters, digits and spaces), one lookup a
// character: criteria files give thousands of phrases.
constexpr std::array<bool, 256> kPlainChars = [] {
    std::array<bool, 256> plain{};
    for (int c = 'a'; c <= 'z'; ++c) {
        plain[static_cast<std::size_t>(c)] = true;
    }
    for (int c = '0'; c <= '9'; ++c) {
        plain[static_cast<std::size_t>(c)] = true;
    }
    plain[' '] = true;
    return plain;
}();

} // namespace

std::string stem_word(std::string_view word) {
    thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
        sb_stemmer_new("english", "UTF_8"));
    // Criteria and responses repeat the same few thousand words; stemming each once
    // makes loading and scoring several times faster. The words are numbered in a
    // TextIndex, which looks a word up without copying it into a string first.
    thread_local TextIndex cached_words;
    thread_local std::vector<std::string> cached_stems; // by the word's number
    if (!stemmer || word.empty()) {
        return std::string(word);
    }
    if (const auto number = cached_words.find(word); number != TextIndex::kNone) {
        return cached_stems[number];
    }
    if (cached_words.size() > 100000) {
        cached_words.clear();
        cached_stems.clear();
    }
    const sb_symbol* stemmed = sb_stemmer_stem(
        stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (stemmed == nullptr) {
        return std::string(word);
    }
    std::string result(reinterpret_cast<const char*>(stemmed),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
    cached_words.add(word);
    cached_stems.push_back(result);
    return result;
}

std::string stem_of(const std::string& word, const Normalisation& normalisation) {
    if (auto it = normalisation.lemmas.find(word); it != normalisation.lemmas.end()) {
        return stem_word(it->second);
    }
    return stem_word(word);
}

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        // U+2018 and U+2019 (curly single quotes) and U+02BC become a plain apostrophe.
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
             static_cast<unsigned char>(text[i + 2]) == 0x99)) {
            out += '\'';
            i += 2;
        } else if (c == 0xCA && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) == 0xBC) {
            out += '\'';
            i += 1;
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

namespace {

enum class CharKind { Word, SentenceEnd, ClauseEnd, Space };

// Classifies the character at `i` and reports its length in bytes.
CharKind classify(std::string_view text, std::size_t i, std::size_t& length) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    length = 1;
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
        const unsigned char third = static_cast<unsigned char>(text[i + 2]);
        length = 3;
        if (third == 0x98 || third == 0x99) {
            return CharKind::Word; // curly apostrophe
        }
        if (third == 0xA6) {
            return CharKind::SentenceEnd; // ellipsis
        }
        if (third >= 0x93 && third <= 0x9D) {
            return CharKind::ClauseEnd; // dashes and curly double quotes
        }
        return CharKind::Space;
    }
    if (is_word_byte(c)) {
        return CharKind::Word;
    }
    if (is_sentence_end(static_cast<char>(c))) {
        return CharKind::SentenceEnd;
    }
    // A hyphen inside a word ("fed-up", "quit-your-day-job money") joins words; only a
    // free-standing dash ("sorry - that's awful") ends a clause.
    if (c == '-' && i > 0 && i + 1 < text.size() && is_word_byte(static_cast<unsigned char>(text[i - 1])) &&
        is_word_byte(static_cast<unsigned char>(text[i + 1]))) {
        return CharKind::Space;
    }
    if (is_clause_end(static_cast<char>(c))) {
        return CharKind::ClauseEnd;
    }
    return CharKind::Space;
}

} // namespace

namespace {

// Gives a token its vocabulary ids through the memo, when there is one.
void identify(Token& t, WordMemo* memo) {
    if (memo == nullptr) {
        return;
    }
    WordMemo::Word word{t.text, t.stem};
    memo->identify(word);
    t.text_id = word.text_id;
    t.stem_id = word.stem_id;
}

// "'s" and "'d" are read as "is" and "would" word by word; before a past participle they
// are "has" and "had" ("it's been so lonely", "I'd already paid"), which the patterns need.
void resolve_contractions(std::vector<Token>& tokens, const Normalisation& normalisation, WordMemo* memo) {
    static const std::vector<std::string_view> kParticiples = {
        "been", "got", "gotten", "had", "gone", "done", "seen", "paid", "booked", "told",
        "said", "known", "left", "forgotten", "made", "taken", "given", "spent", "bought"};
    // Between the contraction and the participle ("I'd already paid", "she's just left").
    static const std::vector<std::string_view> kAdverbs = {"already", "never", "just", "only"};
    const auto listed = [](const std::vector<std::string_view>& list, const std::string& word) {
        return std::find(list.begin(), list.end(), word) != list.end();
    };
    for (std::size_t k = 1; k + 1 < tokens.size(); ++k) {
        Token& t = tokens[k];
        const bool split = t.begin == tokens[k - 1].begin; // the second word of one written word
        if (!split || (t.text != "is" && t.text != "would")) {
            continue;
        }
        std::size_t verb = k + 1;
        if (verb + 1 < tokens.size() && listed(kAdverbs, tokens[verb].text)) {
            ++verb;
        }
        if (tokens[verb].sentence != t.sentence || !listed(kParticiples, tokens[verb].text)) {
            continue; // "it's just a dent", "I'd love to"
        }
        t.text = t.text == "is" ? "has" : "had";
        t.stem = stem_of(t.text, normalisation);
        identify(t, memo);
    }
}

} // namespace

std::vector<Token> tokenize(std::string_view text, const Normalisation& normalisation, WordMemo* memo) {
    std::vector<Token> tokens;
    std::uint16_t sentence = 0;
    std::uint16_t clause = 0;
    std::size_t sentence_first_token = 0;
    bool sentence_is_question = false;
    bool in_double_quote = false;
    bool in_single_quote = false;
    std::vector<std::string> words;

    auto close_sentence = [&] {
        if (tokens.size() == sentence_first_token) {
            return;
        }
        for (std::size_t k = sentence_first_token; k < tokens.size(); ++k) {
            tokens[k].question = sentence_is_question;
        }
        sentence_first_token = tokens.size();
        sentence_is_question = false;
        if (sentence < UINT16_MAX) {
            ++sentence;
        }
        if (clause < UINT16_MAX) {
            ++clause;
        }
    };

    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = 1;
        const CharKind kind = classify(text, i, length);
        if (kind != CharKind::Word) {
            if (kind == CharKind::SentenceEnd) {
                sentence_is_question = sentence_is_question || text[i] == '?';
                // A sentence closes at the first non-boundary character, so "?!" and
                // "..." count once and a trailing "?" marks the whole sentence.
                std::size_t next = i + length;
                std::size_t next_length = 1;
                while (next < text.size() &&
                       classify(text, next, next_length) == CharKind::SentenceEnd) {
                    sentence_is_question = sentence_is_question || text[next] == '?';
                    next += next_length;
                }
                close_sentence();
                in_single_quote = false;
                i = next;
                continue;
            }
            if (kind == CharKind::ClauseEnd && clause < UINT16_MAX) {
                ++clause;
            }
            if (text[i] == '"') {
                in_double_quote = !in_double_quote;
            } else if (length == 3 && static_cast<unsigned char>(text[i + 2]) == 0x9C) {
                in_double_quote = true; // "
            } else if (length == 3 && static_cast<unsigned char>(text[i + 2]) == 0x9D) {
                in_double_quote = false; // "
            }
            i += length;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && classify(text, j, length) == CharKind::Word) {
            j += length;
        }
        j = std::min(j, text.size());
        words.clear();
        // Quotation marks: straight or curly double quotes toggle; a curly or straight single
        // quote opening a word starts a quote, one closing a word (after letters) ends it.
        const std::string_view piece = text.substr(i, j - i);
        const bool opens = piece.rfind("\xE2\x80\x98", 0) == 0 || (piece.size() > 1 && piece[0] == '\'');
        const bool closes = (piece.size() > 3 && piece.compare(piece.size() - 3, 3, "\xE2\x80\x99") == 0 &&
                             in_single_quote) ||
                            (piece.size() > 1 && piece.back() == '\'' && in_single_quote);
        if (opens) {
            in_single_quote = true;
        }
        std::string raw = fold_case(piece);
        const auto add_token = [&](std::string word_text, std::string word_stem, int text_id, int stem_id) {
            Token t;
            t.text = std::move(word_text);
            t.stem = std::move(word_stem);
            t.text_id = text_id;
            t.stem_id = stem_id;
            t.begin = static_cast<std::uint32_t>(i);
            t.end = static_cast<std::uint32_t>(j);
            t.sentence = sentence;
            t.clause = clause;
            t.question = false;
            t.quoted = in_double_quote || in_single_quote;
            tokens.push_back(std::move(t));
        };
        // A word whose spelling depends on the next one ("ur") is never remembered.
        const auto contextual = normalisation.context_spellings.find(raw);
        if (memo != nullptr && contextual == normalisation.context_spellings.end()) {
            auto it = memo->words.find(raw);
            if (it == memo->words.end()) {
                if (memo->words.size() >= WordMemo::kMaxWords) {
                    memo->words.clear();
                }
                std::vector<WordMemo::Word> expanded;
                words.clear();
                expand_word(raw, normalisation, words);
                for (auto& w : words) {
                    WordMemo::Word word;
                    word.stem = stem_of(w, normalisation);
                    word.text = std::move(w);
                    memo->identify(word);
                    expanded.push_back(std::move(word));
                }
                it = memo->words.emplace(std::move(raw), std::move(expanded)).first;
            }
            for (const WordMemo::Word& w : it->second) {
                add_token(w.text, w.stem, w.text_id, w.stem_id);
            }
        } else {
            if (contextual != normalisation.context_spellings.end()) {
                // Look at the next word (same clause, only spaces between) to decide.
                std::size_t k = j;
                while (k < text.size() && text[k] == ' ') {
                    ++k;
                }
                std::size_t e = k;
                std::size_t len = 1;
                while (e < text.size() && classify(text, e, len) == CharKind::Word) {
                    e += len;
                }
                const std::string next = fold_case(text.substr(k, std::min(e, text.size()) - k));
                raw = spelling_before(contextual->second, next, normalisation);
            }
            expand_word(std::move(raw), normalisation, words);
            for (auto& w : words) {
                std::string stem = stem_of(w, normalisation);
                add_token(std::move(w), std::move(stem), -1, -1);
                identify(tokens.back(), memo);
            }
        }
        if (closes) {
            in_single_quote = false;
        }
        i = j;
    }
    close_sentence();
    resolve_contractions(tokens, normalisation, memo);
    return tokens;
}

std::vector<std::string> normalise_words(std::string_view phrase, const Normalisation& normalisation) {
    std::vector<std::string> out;
    normalise_words(phrase, normalisation, out);
    return out;
}

void normalise_words(std::string_view phrase, const Normalisation& normalisation, std::vector<std::string>& out) {
    // Fast path for the common case in criteria files: plain lower-case words that no spelling
    // rule touches, which tokenize() would return as written (a lexicon has hundreds of
    // phrases such as "fed up"). A lone word is taken as written without looking at the
    // suffix rules, as it always was; a word of a phrase that one would split goes the slow way.
    const bool plain = !phrase.empty() && std::all_of(phrase.begin(), phrase.end(), [](char ch) {
        return kPlainChars[static_cast<unsigned char>(ch)];
    });
    if (plain) {
        const std::size_t first = out.size();
        const bool phrase_of_words = phrase.find(' ') != std::string_view::npos;
        const auto untouched = [&](std::string_view word) {
            if (normalisation.spellings.find(word) != normalisation.spellings.end() ||
                normalisation.contractions.find(word) != normalisation.contractions.end() ||
                normalisation.context_spellings.find(word) !=
                    normalisation.context_spellings.end()) {
                return false;
            }
            return !phrase_of_words ||
                   std::none_of(normalisation.suffixes.begin(), normalisation.suffixes.end(), [&](const auto& rule) {
                       const std::string& suffix = rule.first;
                       return word.size() > suffix.size() &&
                              word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0;
                   });
        };
        bool all_untouched = true;
        for (std::size_t i = 0; i < phrase.size() && all_untouched;) {
            const std::size_t end = std::min(phrase.find(' ', i), phrase.size());
            if (end > i) {
                const std::string_view word = phrase.substr(i, end - i);
                all_untouched = untouched(word);
                out.emplace_back(word);
            }
            i = end + 1;
        }
        if (all_untouched && out.size() > first) {
            return;
        }
        out.resize(first);
    }
    // One written word (an author's "you're" or "Don't"): what tokenize() would do with it,
    // without the sentence and quotation bookkeeping that a lone word never needs. Three or
    // more words from it are left to tokenize(), which may read "'s" or "'d" among them
    // as "has" or "had".
    const bool one_word = !phrase.empty() && std::all_of(phrase.begin(), phrase.end(), [](char ch) {
        return is_word_byte(static_cast<unsigned char>(ch)) &&
               static_cast<unsigned char>(ch) < 0x80;
    });
    if (one_word) {
        const std::size_t first = out.size();
        std::string raw = fold_case(phrase);
        if (const auto contextual = normalisation.context_spellings.find(raw);
            contextual != normalisation.context_spellings.end()) {
            // No next word: as tokenize() reads it at the end of a text.
            raw = spelling_before(contextual->second, std::string(), normalisation);
        }
        expand_word(std::move(raw), normalisation, out);
        if (out.size() - first < 3) {
            return;
        }
        out.resize(first);
    }
    for (Token& t : tokenize(phrase, normalisation)) {
        out.push_back(std::move(t.text));
    }
}

} // namespace et
