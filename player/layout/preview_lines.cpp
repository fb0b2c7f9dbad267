// Collecting a page's text lines and writing lines.json.
#include "player/layout/preview_lines.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace hallboard {

char const* text_role_name(TextRole role)
{
    switch (role) {
    case TextRole::Body:
        return "body";
    case TextRole::Title:
        return "title";
    case TextRole::TableHeader:
        return "table_header";
    case TextRole::TableCell:
        return "table_cell";
    case TextRole::TableSection:
        return "table_section";
    case TextRole::FlowStep:
        return "flow_step";
    case TextRole::Label:
        return "label";
    case TextRole::Number:
        return "number";
    case TextRole::Note:
        return "note";
    case TextRole::Footer:
        return "footer";
    case TextRole::Chrome:
        return "chrome";
    }
    return "body";
}

std::vector<PreviewLine> preview_lines(const DisplayList& page, float dx, float dy, TextMeasurer& measurer)
{
    std::vector<PreviewLine> lines;
    for (auto const& command : page.commands) {
        auto const* run = std::get_if<TextRun>(&command);
        if (!run || run->text.empty())
            continue;
        float const ascent = measurer.ascent(run->font);
        float const descent = measurer.descent(run->font);
        Rect box { run->x + dx, run->baseline - ascent + dy, measurer.width(run->text, run->font), ascent + descent };
        lines.push_back({ run->role, run->text, run->font, box, run->row });
    }
    return lines;
}

namespace {

// Boxes to a tenth of a pixel: enough to compare runs, short enough to read.
double tenth(float value)
{
    return std::round(static_cast<double>(value) * 10) / 10;
}

} // namespace

std::string preview_json(const PreviewRun& run)
{
    using Json = nlohmann::ordered_json;
    auto dump = [](const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); };
    int const short_side = std::min(run.width, run.height);
    Json head { { "width", run.width }, { "height", run.height }, { "short_side", short_side }, { "theme", run.theme },
        { "min_text_size", run.min_text_size },
        { "min_text_px", static_cast<int>(std::lround(run.min_text_size * short_side)) } };
    std::string out = dump(head);
    out.pop_back(); // reopen the object to append the pages one per line
    out += ",\"pages\":[\n";
    for (size_t index = 0; index < run.pages.size(); ++index) {
        auto const& page = run.pages[index];
        Json lines = Json::array();
        for (auto const& line : page.lines) {
            Json entry { { "role", text_role_name(line.role) }, { "text", line.text }, { "px", line.font.pixel_size },
                { "bold", line.font.weight == FontWeight::Bold },
                { "box", { tenth(line.box.x), tenth(line.box.y), tenth(line.box.w), tenth(line.box.h) } } };
            if (line.row >= 0)
                entry["row"] = line.row;
            lines.push_back(std::move(entry));
        }
        Json entry { { "file", page.file }, { "notice", page.notice }, { "page", page.page },
            { "page_count", page.page_count }, { "lines", std::move(lines) } };
        out += dump(entry);
        out += index + 1 < run.pages.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return out;
}

} // namespace hallboard
