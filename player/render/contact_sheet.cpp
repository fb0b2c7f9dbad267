// The contact sheet: a grid of labelled thumbnails drawn with the ordinary display-list player.
#include "player/render/contact_sheet.h"

#include "base/utf8.h"

#include "base/log.h"
#include "player/render/display_list_player.h"
#include "player/render/font_set.h"
#include "player/render/image_probe.h"
#include "player/render/offscreen.h"

#include <algorithm>
#include <cmath>

namespace hallboard {

namespace {

constexpr int padding = 24;
constexpr int label_gap = 8;
constexpr int label_max_px = 24;
constexpr int label_min_px = 12;
constexpr Color sheet_background { 0xEC, 0xEE, 0xF1, 0xFF };
constexpr Color frame_color { 0xB4, 0xBA, 0xC2, 0xFF };
constexpr Color label_color { 0x22, 0x26, 0x2B, 0xFF };

struct Cell {
    int x = 0, y = 0, width = 0, height = 0;
};

// The largest label size that fits the thumbnail's width; past the minimum, an ellipsis.
std::pair<std::string, FontSpec> fit_label(const std::string& label, int width, FontSet& fonts)
{
    FontSpec font { label_max_px, FontWeight::Regular };
    while (font.pixel_size > label_min_px && fonts.width(label, font) > static_cast<float>(width))
        --font.pixel_size;
    if (fonts.width(label, font) <= static_cast<float>(width))
        return { label, font };
    std::string shortened = label;
    while (!shortened.empty() && fonts.width(shortened + "…", font) > static_cast<float>(width))
        shortened.resize(previous_code_point_start(shortened, shortened.size())); // one whole code point less
    return { shortened + "…", font };
}

} // namespace

bool write_contact_sheet(const std::vector<ContactSheetEntry>& entries, const std::filesystem::path& out,
    FontSet& fonts, ContactSheetOptions options)
{
    int const thumbnail_width = std::max(options.thumbnail_width, 16);
    int const columns = std::clamp(options.columns, 1, std::max(1, static_cast<int>(entries.size())));
    int const label_height = static_cast<int>(std::ceil(
        fonts.ascent({ label_max_px, FontWeight::Regular }) + fonts.descent({ label_max_px, FontWeight::Regular })));

    // Thumbnail heights follow each picture's aspect ratio; an unreadable one gets 16:9.
    std::vector<Cell> cells(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        int height = thumbnail_width * 9 / 16;
        std::optional<ImageProbe> probe = probe_image(entries[i].png);
        if (probe && probe->size && probe->size->width > 0 && probe->size->height > 0) {
            double const aspect = static_cast<double>(probe->size->height) / probe->size->width;
            height = std::clamp(static_cast<int>(std::lround(thumbnail_width * aspect)), 1, thumbnail_width * 4);
        }
        cells[i].width = thumbnail_width;
        cells[i].height = height;
    }
    // The caption says which moment the sheet shows, so a preview is not taken for another day's.
    int const caption_height = options.caption.empty() ? 0 : label_height + label_gap;
    int y = padding + caption_height;
    for (std::size_t row_start = 0; row_start < cells.size(); row_start += static_cast<std::size_t>(columns)) {
        std::size_t const row_end = std::min(cells.size(), row_start + static_cast<std::size_t>(columns));
        int row_height = 0;
        for (std::size_t i = row_start; i < row_end; ++i) {
            cells[i].x = padding + static_cast<int>(i - row_start) * (thumbnail_width + padding);
            cells[i].y = y;
            row_height = std::max(row_height, cells[i].height);
        }
        y += row_height + label_gap + label_height + padding;
    }
    int const sheet_width = padding + columns * (thumbnail_width + padding);
    int const sheet_height = std::max(y, 2 * padding);

    OffscreenCanvas canvas(sheet_width, sheet_height);
    if (!canvas.is_valid())
        return false;
    canvas.clear(sheet_background);

    DisplayList list;
    if (!options.caption.empty()) {
        auto [caption, font] = fit_label(options.caption, sheet_width - 2 * padding, fonts);
        list.text(static_cast<float>(padding), static_cast<float>(padding) + fonts.ascent(font), std::move(caption),
            font, label_color);
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        Cell const& cell = cells[i];
        auto const x = static_cast<float>(cell.x);
        auto const top = static_cast<float>(cell.y);
        auto const w = static_cast<float>(cell.width);
        auto const h = static_cast<float>(cell.height);
        list.fill(Rect { x - 1, top - 1, w + 2, h + 2 }, frame_color);
        list.image(Rect { x, top, w, h }, entries[i].png.string(), ImageFit::Contain);
        auto [label, font] = fit_label(entries[i].label, cell.width, fonts);
        float const label_width = fonts.width(label, font);
        float const baseline = top + h + static_cast<float>(label_gap) + fonts.ascent(font);
        list.text(x + (w - label_width) / 2, baseline, std::move(label), font, label_color);
    }
    DisplayListPlayer player(canvas.renderer(), fonts);
    player.play(list);
    if (!canvas.save_png(out))
        return false;
    log_info("contact sheet: " + std::to_string(entries.size()) + " slides in " + out.string());
    return true;
}

} // namespace hallboard
