// Internals shared by the pattern compiler and matcher.
#pragma once

namespace et {

// The longest gap "..." or "~" may span, in words.
inline constexpr int kGapMaxWords = 8;

// The one id that tells whether a token could be a pattern's word, in the id lists checked
// against tokens (word sets, requirements, first words): its stem's id, or the word's own
// for an "=exact" word (stem id -1). A token is stemmed as the pattern's words are, so a
// token with the word's id always has its stem's id too; listing both only doubled the
// lists and the checks of every response against them.
inline int stands_for(int text_id, int stem_id) {
    return stem_id >= 0 ? stem_id : text_id;
}

} // namespace et
