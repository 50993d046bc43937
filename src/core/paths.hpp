// Where files live: bundled assets and scenarios, and the user's XDG config and data dirs.
#pragma once

#include <filesystem>

namespace et {

// The bundled `assets/` folder: $EMPATHY_TRAINER_ASSETS, else next to the executable
// (`../share/empathy-trainer/assets` when installed), else the source tree it was built from.
std::filesystem::path assets_dir();
// The bundled `scenarios/` folder, found the same way ($EMPATHY_TRAINER_SCENARIOS).
std::filesystem::path bundled_scenarios_dir();
// $XDG_CONFIG_HOME/empathy-trainer (default ~/.config/empathy-trainer); not created here.
std::filesystem::path config_dir();
// $XDG_DATA_HOME/empathy-trainer (default ~/.local/share/empathy-trainer); not created here.
std::filesystem::path data_dir();

} // namespace et
