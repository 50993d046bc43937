// Formatting of diagnostics.
#include "core/diagnostic.hpp"

#include <algorithm>

namespace et {

std::string Diagnostic::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line) + ':' + std::to_string(column);
    }
    out += ": ";
    if (severity == Severity::Warning) {
        out += "warning: ";
    }
    if (!json_path.empty()) {
        out += json_path + ": ";
    }
    out += message;
    return out;
}

bool has_errors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

} // namespace et
