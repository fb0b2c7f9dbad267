// Writing `hallboard render`'s pages and naming them.
#include "player/render/page_previews.h"

namespace hallboard {

std::string page_preview_name(std::size_t position, const std::string& id, int page)
{
    // Two digits so that the files list in show order.
    auto number = position < 10 ? "0" + std::to_string(position) : std::to_string(position);
    return number + "-" + id + "-" + std::to_string(page) + ".png";
}

Result<WrittenPages> write_page_previews(OffscreenCanvas& canvas, const std::vector<const Notice*>& notices,
    const PageDrawer& draw_page, const std::filesystem::path& out)
{
    WrittenPages written;
    for (std::size_t index = 0; index < notices.size(); ++index) {
        auto const& notice = *notices[index];
        // The page count is known once the first page is laid out.
        int page_count = 1;
        for (int page = 0; page < page_count; ++page) {
            page_count = draw_page(notice, page);
            if (page_count == 0)
                break;
            auto path = out / page_preview_name(index + 1, notice.id, page + 1);
            if (!canvas.save_png(path))
                return fail("cannot write " + path.string());
            ++written.count;
            written.sheet.push_back(
                { path, notice.id + "  " + std::to_string(page + 1) + "/" + std::to_string(page_count) });
        }
    }
    return written;
}

std::string preview_caption(
    const std::optional<LocalDateTime>& at, const LocalDateTime& now, const std::string& timezone)
{
    auto zone = timezone.empty() ? std::string("the system's time zone") : timezone;
    return (at ? "at " + format_date_time(*at) : "every slide notice, as at " + format_date_time(now)) + " (" + zone
        + ")";
}

double seconds_until_ticker_in_view(const ScreenGeometry& geometry, const Theme& theme)
{
    double ticker_speed = theme.ticker_speed * geometry.unit;
    return (geometry.width - geometry.unit * theme.margin) / ticker_speed;
}

} // namespace hallboard
