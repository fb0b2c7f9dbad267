// Small screen configs around the lines a table-driven test is about.
#pragma once

#include <string>

namespace hallboard::test {

// Line 3 is "display:", so the first line under it is line 4.
inline std::string config_with_display(std::string const& display)
{
    return "screen: {id: t-01, hall: 测试营业厅}\n"
           "content: {source: content}\n"
           "display:\n"
        + display;
}

// Line 3 is "content:", so the first line under it is line 4.
inline std::string config_with_content(std::string const& content)
{
    return "screen: {id: t-01, hall: 测试营业厅}\n"
           "display: {fullscreen: false}\n"
           "content:\n"
        + content;
}

} // namespace hallboard::test
