// Font atlas building. IM_ASSERT is compiled into Debian's libimgui, so a missing font file
// would abort the process: every file is checked before ImGui sees it.
#include "app/font_loader.hpp"

#include <filesystem>
#include <system_error>

#include <imgui.h>

namespace et {

namespace {

// Latin with accents, typographic punctuation (curly quotes, dashes, ellipsis) and a few
// symbols the screens use as markers. Kept small: the atlas is rebuilt at projector sizes.
const ImWchar kRanges[] = {
    0x0020, 0x00FF, // Basic Latin, Latin-1
    0x0100, 0x017F, // Latin Extended-A
    0x2010, 0x2027, // dashes, quotes, bullet, ellipsis
    0x2190, 0x2193, // arrows
    0x2713, 0x2717, // check and cross marks
    0x25CF, 0x25CF, // black circle
    0x26A0, 0x26A0, // warning sign
    0xFFFD, 0xFFFD, // replacement character for what the font lacks
    0,
};

bool usable(const char* path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > 0;
}

// Horizontal oversampling (glyphs rasterised at sub-pixel offsets) only pays at small sizes:
// from 16 px up, side-by-side screenshots of body text at 1 and 2 were indistinguishable,
// while 2 doubles the rasterising that the first frame waits for.
constexpr float kOversampleBelow = 16.0f;

ImFont* add(ImFontAtlas& atlas, const char* path, float size, bool body) {
    ImFontConfig config;
    config.OversampleH = body && size < kOversampleBelow ? 2 : 1;
    config.OversampleV = 1;
    return atlas.AddFontFromFileTTF(path, size, &config, kRanges);
}

} // namespace

ui::Fonts load_fonts(ImFontAtlas& atlas, float size, std::string* warning) {
    atlas.Clear();
    ui::Fonts fonts;
    if (usable(kDejaVuSans)) {
        fonts.regular = add(atlas, kDejaVuSans, size, true);
        const char* bold = usable(kDejaVuSansBold) ? kDejaVuSansBold : kDejaVuSans;
        // Bold and headings are short and large: never oversampled.
        fonts.bold = add(atlas, bold, size, false);
        fonts.heading = add(atlas, bold, size * 1.35f, false);
    } else {
        if (warning != nullptr) {
            *warning = std::string("font ") + kDejaVuSans +
                       " not found (install fonts-dejavu-core); using the built-in font";
        }
        ImFontConfig config;
        config.SizePixels = size; // the built-in font is a 13 px bitmap: scaled, but usable
        fonts.regular = atlas.AddFontDefault(&config);
        fonts.bold = fonts.regular;
        ImFontConfig heading = config;
        heading.SizePixels = size * 1.35f;
        fonts.heading = atlas.AddFontDefault(&heading);
    }
    atlas.Build();
    return fonts;
}

} // namespace et
