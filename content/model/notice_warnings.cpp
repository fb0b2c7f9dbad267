// The warnings `hallboard check` gives about notices that play but are probably not meant so.
#include "content/model/notice_warnings.h"

#include "base/utf8.h"

#include <sstream>

namespace hallboard {

std::vector<NoticeWarning> notice_warnings(const Notice& notice, const Date& today)
{
    std::vector<NoticeWarning> warnings;
    if (notice.valid_until) {
        auto days = days_from_civil(today) - days_from_civil(notice.valid_until->date);
        if (days > expired_warning_days)
            warnings.push_back({ "valid_until",
                "notice '" + notice.id + "' ended on " + format_date(notice.valid_until->date) + ", "
                    + std::to_string(days) + " days ago: it is never shown again",
                "delete the file, or change valid_until if it should still be shown" });
    }
    if (!notice.title.empty() && title_width(notice.title) > title_line_characters)
        warnings.push_back({ "title",
            "title of '" + notice.id + "' is longer than one line of the title bar (about "
                + std::to_string(static_cast<int>(title_line_characters))
                + " Chinese characters at 1920x1080 with the default theme)",
            "shorten the title and put the details in the body; a long title wraps and leaves less room for the "
            "slide" });
    return warnings;
}

double title_width(std::string_view title)
{
    double width = 0;
    for (size_t i = 0; i < title.size();) {
        auto decoded = decode_utf8(title, i);
        width += decoded.code_point < 0x2E80 ? 0.5 : 1.0;
        i += decoded.length;
    }
    return width;
}

SourceLocation location_of_key(std::string_view yaml_text, const std::string& display_name, std::string_view key)
{
    std::istringstream lines { std::string(yaml_text) };
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        auto start = line.find_first_not_of(' ');
        if (start == std::string::npos || line.compare(start, key.size(), key) != 0
            || line.compare(start + key.size(), 1, ":") != 0)
            continue;
        auto value = line.find_first_not_of(' ', start + key.size() + 1);
        auto at = value == std::string::npos ? start : value;
        int column = 1;
        for (size_t i = 0; i < at; ++i)
            column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
        return { display_name, number, column };
    }
    return { display_name, 0, 0 };
}

} // namespace hallboard
