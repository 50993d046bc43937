// Writing a whole file so that readers see the old file or the new one, never half of one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace et {

// Writes `text` to a temporary file next to `path`, then renames it over `path`. On failure
// nothing is left behind (the temporary file is removed, `path` is untouched) and the result
// is one line naming the file and the reason ("cannot write out/h.html: No such file or
// directory"); nothing on success.
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view text);

} // namespace et
