// Internals shared by the pattern compiler and matcher.
#pragma once

namespace et {

// The longest gap "..." or "~" may span, in words.
inline constexpr int kGapMaxWords = 8;

} // namespace et
