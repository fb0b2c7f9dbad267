// Small content sources for the desk tests: ticker notices are the shortest valid notices.
#pragma once

#include "content/desk/source_snapshot.h"
#include "temp_folder.h"

#include <doctest/doctest.h>

#include <string>

namespace hallboard::desk::test {

// The error of a failed Result for a REQUIRE_MESSAGE; safe to evaluate on success too (doctest
// evaluates messages even for passing checks when run with -s).
template <typename T>
std::string why(const Result<T>& result)
{
    return result ? std::string() : result.error();
}

inline std::string ticker_yaml(const std::string& id, const std::string& text)
{
    return "id: " + id + "\nkind: ticker\nticker: {text: \"" + text + "\"}\n";
}

// `id` in notices/<id>.yaml saying `text`.
inline void add_ticker(SourceSnapshot& snapshot, const std::string& id, const std::string& text)
{
    snapshot.notices[id] = make_source_text("notices/" + id + ".yaml", ticker_yaml(id, text));
}

// Version 1 of a hall: three tickers and a channel.yaml.
inline SourceSnapshot hall_v1()
{
    SourceSnapshot snapshot;
    snapshot.channel = make_source_text("channel.yaml", "footer: 某某供电局\n");
    add_ticker(snapshot, "welcome", "欢迎光临");
    add_ticker(snapshot, "hours", "营业时间 8:30-17:30");
    add_ticker(snapshot, "safety", "注意用电安全");
    snapshot.assets["assets/logo.png"] = SourceAsset { std::string(64, 'a'), 100 };
    return snapshot;
}

// Writes the snapshot's text files into `folder` (assets as their path's text, for the tests
// that do not look at pictures).
inline void write_texts(const hallboard::test::TempFolder& folder, const SourceSnapshot& snapshot)
{
    if (snapshot.channel)
        folder.write(snapshot.channel->file, snapshot.channel->bytes);
    std::filesystem::create_directories(folder / "notices");
    for (auto const& [id, text] : snapshot.notices)
        folder.write(text.file, text.bytes);
}

} // namespace hallboard::desk::test
