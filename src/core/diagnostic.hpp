// Problems found in input files, carried to the edge (CLI stderr, GUI Problems panel).
#pragma once

#include <string>
#include <vector>

namespace et {

enum class Severity { Error, Warning };

// One problem at a place in a file. Formats as `FILE:LINE:COL: PATH: message`, the format
// editors and the `validate` command use. Line and column are 1-based; 0 means unknown.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;
    int column = 0;
    std::string json_path; // e.g. `steps[1].partner_says`; empty for whole-file problems
    std::string message;

    std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);

} // namespace et
