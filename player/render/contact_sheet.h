// An index.png of rendered slides: thumbnails in a grid, each labelled, for reviewing a render run.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hallboard {

class FontSet;

struct ContactSheetEntry {
    std::filesystem::path png;
    std::string label; // e.g. "tariff-residential 1/2"
};

struct ContactSheetOptions {
    int columns = 4;
    int thumbnail_width = 480; // pixels; height keeps each image's aspect ratio
    std::string caption;       // one line above the grid, e.g. the moment shown; empty: none
};

// Unreadable PNGs get a placeholder cell (and a logged warning). Returns false only when the
// sheet itself cannot be made or written. Needs a live SdlSession.
bool write_contact_sheet(const std::vector<ContactSheetEntry>& entries, const std::filesystem::path& out,
    FontSet& fonts, ContactSheetOptions options = {});

} // namespace hallboard
