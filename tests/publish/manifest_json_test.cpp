// manifest.json: every notice field round-trips, the bytes are canonical, and malformed manifests
// are refused with a message naming the place.
#include "publish_test_support.h"

#include "content/publish/manifest.h"
#include "content/publish/publisher.h"
#include "content/publish/signing.h"

#include <nlohmann/json.hpp>

#include <functional>

namespace hallboard {

namespace {

using Json = nlohmann::json;

// Field by field, so that a failure names the field; then the whole, so that nothing is missed.
void check_same_notice(const Notice& a, const Notice& b)
{
    CAPTURE(a.id);
    CHECK(a.id == b.id);
    CHECK(a.kind == b.kind);
    CHECK(a.title == b.title);
    CHECK(a.duration == b.duration);
    CHECK(a.valid_from == b.valid_from);
    CHECK(a.valid_until == b.valid_until);
    CHECK(a.days == b.days);
    CHECK(a.hours == b.hours);
    CHECK(a.priority == b.priority);
    CHECK(a.tags == b.tags);
    CHECK(a.footer == b.footer);
    CHECK(a.body.index() == b.body.index());
    CHECK(a.body == b.body);
    CHECK(a.defined_at == b.defined_at);
    CHECK(a == b);
}

void check_same_manifest(const Manifest& a, const Manifest& b)
{
    CHECK(a.format == b.format);
    CHECK(a.version == b.version);
    CHECK(a.published_at == b.published_at);
    CHECK(a.channel == b.channel);
    CHECK(a.calendar == b.calendar);
    REQUIRE(a.notices.size() == b.notices.size());
    for (size_t i = 0; i < a.notices.size(); ++i)
        check_same_notice(a.notices[i], b.notices[i]);
    CHECK(a.blobs == b.blobs);
    CHECK(a == b);
}

Manifest manifest_of(const ContentSource& source, std::uint64_t version = 1)
{
    Diagnostics diagnostics;
    auto blobs = hash_source_assets(source, diagnostics);
    REQUIRE_MESSAGE(blobs.has_value(), diagnostics.format_all());
    return make_manifest(source, *blobs, version, "2026-11-23T10:00:00Z");
}

std::optional<Manifest> parse(std::string_view text, Diagnostics& diagnostics)
{
    return manifest_from_json(text, "manifest.json", diagnostics);
}

// Notices of every kind with every optional field set, including the edge values of the model
// (a range past midnight, one ending at 24:00, a blank cell, a section after the last row).
std::vector<Notice> every_field_notices()
{
    std::vector<Notice> notices;
    Notice base;
    base.title = "标题";
    base.duration = std::chrono::milliseconds(1500);
    base.valid_from = LocalDateTime { { 2026, 12, 1 }, 9 * 60 };
    base.valid_until = LocalDateTime { { 2026, 12, 31 }, 1439 };
    base.days = { Weekday::Monday, Weekday::Sunday, Weekday::Wednesday };
    base.hours = { { 8 * 60 + 30, 17 * 60 + 30 }, { 22 * 60, 6 * 60 }, { 18 * 60, 1440 } };
    base.priority = Priority::Urgent;
    base.tags = { "lobby", "杭州" };
    base.footer = "依据 浙发改价格〔2026〕1号";

    auto add = [&](std::string id, NoticeKind kind, NoticeBody body) {
        Notice notice = base;
        notice.id = std::move(id);
        notice.kind = kind;
        notice.body = std::move(body);
        notice.defined_at = { "notices/" + notice.id + ".yaml", 0, 0 };
        notices.push_back(std::move(notice));
    };
    add("tariff-all", NoticeKind::Tariff,
        TariffTable { "元/千瓦时", { "档位", "电价" }, { { "第一档", "0.4883" }, { "合表", "" } },
            { { 0, "一户一表" }, { 2, "表后" } }, { "注一", "" }, Date { 2026, 1, 1 } });
    add("flow-all", NoticeKind::Flow,
        Flow { { { "申请受理", "当日", "营业厅" }, { "装表接电", "", "" } }, { "身份证明" }, "不超过 3 个工作日" });
    add("commitments-all", NoticeKind::Commitments,
        Commitments { { { "限时办理", "3 个工作日" }, { "", "电压合格" } } });
    add("hotlines-all", NoticeKind::Hotlines,
        Hotlines { { { "热线", "95598", "24 小时", "assets/qr.png" }, { "监管", "12398", "", "" } } });
    add("notice-all", NoticeKind::Notice,
        FreeText { NoticeLevel::Warning, "停电\n\"引号\" \\ 反斜杠\t制表", "某某供电局", Date { 2026, 11, 22 } });
    add("image-all", NoticeKind::Image, ImageSlide { "assets/sub/poster.png", ImageFit::Cover, "节约用电" });
    add("ticker_all", NoticeKind::Ticker, TickerMessage { "欢迎光临 😀" });
    // And the defaults: nothing optional set.
    Notice plain;
    plain.id = "0-plain";
    plain.kind = NoticeKind::Ticker;
    plain.body = TickerMessage { "text" };
    notices.push_back(plain);
    return notices;
}

Manifest every_field_manifest()
{
    Manifest manifest;
    manifest.version = 42;
    manifest.published_at = "2026-11-23T10:00:00Z";
    manifest.channel.duration = std::chrono::milliseconds(12000);
    manifest.channel.tags = { "lobby" };
    manifest.channel.footer = "国网示例供电公司";
    manifest.channel.reading_speed = 5.5;
    manifest.channel.min_duration = std::chrono::milliseconds(6000);
    manifest.channel.max_duration = std::chrono::milliseconds(30000);
    manifest.notices = every_field_notices();
    manifest.blobs = { { "assets/qr.png", std::string(64, 'a'), 10 },
        { "assets/sub/poster.png", std::string(64, 'b'), 20 * 1024 * 1024 } };
    return manifest;
}

} // namespace

TEST_CASE("manifests round-trip exactly, field by field")
{
    SUBCASE("the demo hall")
    {
        auto manifest = manifest_of(test::load_valid(test::demo_source()));
        REQUIRE(manifest.notices.size() >= 10);
        Diagnostics diagnostics;
        auto back = parse(manifest_to_json(manifest), diagnostics);
        REQUIRE_MESSAGE(back.has_value(), diagnostics.format_all());
        check_same_manifest(manifest, *back);
    }
    SUBCASE("the valid test source (channel defaults, sections, .yml, JPEG)")
    {
        auto manifest = manifest_of(test::load_valid(test::valid_test_source()), 7);
        Diagnostics diagnostics;
        auto back = parse(manifest_to_json(manifest), diagnostics);
        REQUIRE_MESSAGE(back.has_value(), diagnostics.format_all());
        check_same_manifest(manifest, *back);
    }
    SUBCASE("the valid notices of the broken test source")
    {
        Diagnostics load_problems;
        auto source = load_content_source(test::broken_test_source(), load_problems);
        REQUIRE(source.has_value());
        REQUIRE(!source->notices.empty());
        auto manifest = manifest_of(*source);
        Diagnostics diagnostics;
        auto back = parse(manifest_to_json(manifest), diagnostics);
        REQUIRE_MESSAGE(back.has_value(), diagnostics.format_all());
        check_same_manifest(manifest, *back);
    }
    SUBCASE("a holiday calendar")
    {
        auto manifest = every_field_manifest();
        manifest.calendar.holidays = { { "国庆节", { 2026, 10, 1 }, { 2026, 10, 7 } } };
        manifest.calendar.workdays = { { "国庆节调休", { 2026, 9, 27 }, Weekday::Friday } };
        auto bytes = manifest_to_json(manifest);
        CHECK(bytes.find("\"calendar\": {") != std::string::npos);
        Diagnostics diagnostics;
        auto back = parse(bytes, diagnostics);
        REQUIRE_MESSAGE(back.has_value(), diagnostics.format_all());
        check_same_manifest(manifest, *back);
    }
    SUBCASE("every field of every kind set, and none")
    {
        auto manifest = every_field_manifest();
        Diagnostics diagnostics;
        auto back = parse(manifest_to_json(manifest), diagnostics);
        REQUIRE_MESSAGE(back.has_value(), diagnostics.format_all());
        check_same_manifest(manifest, *back);
    }
}

TEST_CASE("manifest bytes are canonical")
{
    auto manifest = manifest_of(test::load_valid(test::demo_source()));
    auto bytes = manifest_to_json(manifest);
    Diagnostics diagnostics;
    auto back = parse(bytes, diagnostics);
    REQUIRE(back.has_value());
    // Reading and writing again gives the very bytes that were signed.
    CHECK(manifest_to_json(*back) == bytes);
    CHECK(manifest_to_json(every_field_manifest()) == manifest_to_json(every_field_manifest()));

    // UTF-8 as is (a person reading the file sees 电价, not \u7535), two-space indent, a final newline,
    // keys in the documented order.
    CHECK(bytes.find("电价") != std::string::npos);
    CHECK(bytes.find("\\u") == std::string::npos);
    CHECK(bytes.rfind(
              "{\n  \"format\": 1,\n  \"version\": 1,\n  \"published_at\": \"2026-11-23T10:00:00Z\",\n  \"channel\": {",
              0)
        == 0);
    CHECK(bytes.back() == '\n');
    CHECK(bytes.find("\n    {\n      \"id\": ") != std::string::npos);
    CHECK(bytes.find('\t') == std::string::npos);
    CHECK(bytes.find("\"blobs\": [") > bytes.find("\"notices\": ["));
    // No calendar, no key: a tree without calendar.yaml has the bytes screens of before it read.
    CHECK(manifest_to_json(every_field_manifest()).find("calendar") == std::string::npos);
}

TEST_CASE("manifest blobs: sha256 and size of every asset used, sorted, each once")
{
    auto source = test::load_valid(test::demo_source());
    auto manifest = manifest_of(source);
    REQUIRE(manifest.blobs.size() == 2);
    CHECK(manifest.blobs[0].path == "assets/feedback-qr.png");
    CHECK(manifest.blobs[1].path == "assets/poster.png");
    for (auto const& blob : manifest.blobs) {
        auto bytes = test::read_bytes(source.root / blob.path);
        CHECK(blob.size == bytes.size());
        CHECK(blob.sha256 == sha256_hex_of(bytes));
    }
    CHECK(manifest.blob_for("assets/poster.png") == &manifest.blobs[1]);
    CHECK(manifest.blob_for("assets/none.png") == nullptr);
}

TEST_CASE("UTC timestamps")
{
    CHECK(format_utc_timestamp(test::test_time()) == "2026-11-23T10:00:00Z");
    CHECK(format_utc_timestamp(test::test_time(61)) == "2026-11-23T11:01:00Z");
    CHECK(is_utc_timestamp("2026-11-23T10:00:00Z"));
    for (std::string_view bad :
        { "2026-11-23 10:00:00Z", "2026-11-23T10:00:00", "2026-11-23T10:00:00+08:00", "2026-02-30T10:00:00Z",
            "2026-11-23T24:00:00Z", "2026-11-23T10:60:00Z", "2026-11-23T10:00:60Z", "2026-11-23t10:00:00z", "" })
        CHECK_MESSAGE(!is_utc_timestamp(bad), bad);
}

TEST_CASE("malformed manifests are refused with the place named")
{
    auto valid = manifest_to_json(every_field_manifest());
    {
        Diagnostics diagnostics;
        REQUIRE_MESSAGE(
            parse(valid, diagnostics).has_value(), diagnostics.format_all()); // the cases below start from a good one
    }
    auto index_of = [](const Json& document, std::string_view id) -> size_t {
        for (size_t i = 0; i < document["notices"].size(); ++i) {
            if (document["notices"][i]["id"] == id)
                return i;
        }
        FAIL("no notice " << id);
        return 0;
    };

    struct Edit {
        std::string name;
        std::function<void(Json&)> edit;
        std::string fragment; // expected in one of the messages
    };
    auto notice = [&](std::string_view id) {
        return [id, &index_of](Json& document) -> Json& { return document["notices"][index_of(document, id)]; };
    };
    auto tariff = notice("tariff-all");
    auto image = notice("image-all");
    auto hotlines = notice("hotlines-all");
    const Edit edits[] = {
        { "unknown format", [](Json& d) { d["format"] = 2; }, "reads manifests of format 1, not 2" },
        { "calendar not an object", [](Json& d) { d["calendar"] = "国庆节"; }, "calendar: expected an object" },
        { "calendar date impossible",
            [](Json& d) {
                d["calendar"]
                    = { { "holidays", { { { "name", "x" }, { "first", "2026-02-30" }, { "last", "2026-03-01" } } } },
                          { "workdays", Json::array() } };
            },
            "calendar.holidays[0].first: '2026-02-30' is not a date" },
        { "calendar days reversed",
            [](Json& d) {
                d["calendar"]
                    = { { "holidays", { { { "name", "x" }, { "first", "2026-10-07" }, { "last", "2026-10-01" } } } },
                          { "workdays", Json::array() } };
            },
            "calendar.holidays[0].last: is before first" },
        { "calendar weekday unknown",
            [](Json& d) {
                d["calendar"] = { { "holidays", Json::array() },
                    { "workdays", { { { "name", "x" }, { "date", "2026-09-27" }, { "follows", "fri-day" } } } } };
            },
            "calendar.workdays[0].follows" },
        { "calendar unknown key",
            [](Json& d) {
                d["calendar"] = { { "holidays", Json::array() }, { "workdays", Json::array() }, { "x", 1 } };
            },
            "calendar.x" },
        { "format as text", [](Json& d) { d["format"] = "1"; }, "format: this Hallboard reads manifests of format 1" },
        { "no format", [](Json& d) { d.erase("format"); }, "format: missing" },
        { "version zero", [](Json& d) { d["version"] = 0; }, "version: must be a whole number from 1" },
        { "version negative", [](Json& d) { d["version"] = -3; }, "version: must be a whole number from 1" },
        { "version fractional", [](Json& d) { d["version"] = 1.5; },
            "version: expected a whole number, found a fractional number" },
        { "version as text", [](Json& d) { d["version"] = "3"; }, "version: expected a whole number, found text" },
        { "version huge", [](Json& d) { d["version"] = 1ull << 60; }, "version: must be a whole number" },
        { "publish time not UTC", [](Json& d) { d["published_at"] = "2026-11-23 10:00"; },
            "published_at: '2026-11-23 10:00' is not a UTC time" },
        { "unknown top-level field", [](Json& d) { d["expires"] = "never"; }, "expires: unknown field" },
        { "notices not a list", [](Json& d) { d["notices"] = Json::object(); },
            "notices: expected a list, found an object" },
        { "notice not an object", [](Json& d) { d["notices"][0] = "tariff"; },
            "notices[0]: expected an object, found text" },
        { "bad id", [&](Json& d) { tariff(d)["id"] = "Tariff 2026"; }, "'Tariff 2026' is not an id" },
        { "unknown kind", [&](Json& d) { tariff(d)["kind"] = "poster"; }, "must be one of tariff, flow" },
        { "kind and block disagree", [&](Json& d) { tariff(d)["kind"] = "flow"; }, ".flow: missing" },
        { "missing title", [&](Json& d) { tariff(d).erase("title"); }, ".title: missing" },
        { "empty title of a slide", [&](Json& d) { tariff(d)["title"] = ""; }, "must not be empty for a slide" },
        { "duration zero", [&](Json& d) { tariff(d)["duration_ms"] = 0; },
            "duration_ms: must be a whole number from 1" },
        { "duration as text", [&](Json& d) { tariff(d)["duration_ms"] = "8s"; },
            "duration_ms: expected a whole number, found text" },
        { "impossible date", [&](Json& d) { tariff(d)["valid_from"] = "2026-13-01 00:00"; }, "is not a date and time" },
        { "date without time", [&](Json& d) { tariff(d)["valid_from"] = "2026-12-01"; }, "is not a date and time" },
        { "window backwards", [&](Json& d) { tariff(d)["valid_until"] = "2026-11-01 00:00"; },
            "valid_until: is before valid_from" },
        { "weekday spelled out", [&](Json& d) { tariff(d)["days"] = { "monday" }; }, "'monday' is not one of mon" },
        { "weekday twice",
            [&](Json& d) {
                tariff(d)["days"] = { "mon", "mon" };
            },
            "listed twice" },
        { "hours not canonical", [&](Json& d) { tariff(d)["hours"] = { "8:30-17:30" }; }, "is not a time range" },
        { "hours as one text", [&](Json& d) { tariff(d)["hours"] = "08:30-17:30"; },
            "hours: expected a list, found text" },
        { "priority unknown", [&](Json& d) { tariff(d)["priority"] = "highest"; },
            "must be one of normal, high, urgent" },
        { "tag of two words", [&](Json& d) { tariff(d)["tags"] = { "two words" }; }, "is more than one word" },
        { "tags as numbers", [&](Json& d) { tariff(d)["tags"] = { 1 }; },
            "tags[0]: expected text, found a whole number" },
        { "a second kind block", [&](Json& d) { tariff(d)["flow"] = Json::object(); }, ".flow: unknown field" },
        { "ragged row", [&](Json& d) { tariff(d)["tariff"]["rows"][1] = { "合表" }; },
            "rows[1]: has 1 cell(s), the table has 2 column(s)" },
        { "cell a number", [&](Json& d) { tariff(d)["tariff"]["rows"][0][1] = 0.4883; },
            "rows[0][1]: expected text, found a fractional number" },
        { "no rows", [&](Json& d) { tariff(d)["tariff"]["rows"] = Json::array(); }, "rows: must not be an empty list" },
        { "section outside the table", [&](Json& d) { tariff(d)["tariff"]["sections"][0]["before"] = 3; },
            "sections[0].before: must be a whole number from 0 to 2" },
        { "sections out of order",
            [&](Json& d) { std::swap(tariff(d)["tariff"]["sections"][0], tariff(d)["tariff"]["sections"][1]); },
            "sections must be in row order" },
        { "image path escapes", [&](Json& d) { image(d)["image"]["src"] = "assets/../../etc/passwd"; },
            "leaves its folder" },
        { "image path absolute", [&](Json& d) { image(d)["image"]["src"] = "/etc/passwd"; }, "is an absolute path" },
        { "image path outside assets", [&](Json& d) { image(d)["image"]["src"] = "notices/x.png"; },
            "is not inside assets/" },
        { "image fit unknown", [&](Json& d) { image(d)["image"]["fit"] = "stretch"; },
            "must be one of contain, cover" },
        { "hotline without number", [&](Json& d) { hotlines(d)["hotlines"]["entries"][0]["number"] = ""; },
            "number: must not be empty" },
        { "null where text is needed", [&](Json& d) { hotlines(d)["hotlines"]["entries"][0]["label"] = nullptr; },
            "label: expected text, found null" },
        { "duplicate id", [&](Json& d) { image(d)["id"] = "tariff-all"; },
            "id 'tariff-all' is already used by notices[" },
        { "asset used but not listed", [](Json& d) { d["blobs"].erase(0); },
            "uses 'assets/qr.png', which is not listed in blobs" },
        { "blob listed but unused",
            [](Json& d) {
                d["blobs"].push_back(
                    { { "path", "assets/extra.png" }, { "sha256", std::string(64, 'c') }, { "size", 1 } });
            },
            "'assets/extra.png' is not used by any notice" },
        { "blob listed twice", [](Json& d) { d["blobs"].push_back(d["blobs"][0]); }, "is listed twice" },
        { "blob hash upper case", [](Json& d) { d["blobs"][0]["sha256"] = std::string(64, 'A'); },
            "is not 64 lowercase hexadecimal digits" },
        { "blob hash short", [](Json& d) { d["blobs"][0]["sha256"] = std::string(63, 'a'); },
            "is not 64 lowercase hexadecimal digits" },
        { "blob hash a path", [](Json& d) { d["blobs"][0]["sha256"] = "../../../../etc/passwd"; },
            "is not 64 lowercase hexadecimal digits" },
        { "blob huge", [](Json& d) { d["blobs"][0]["size"] = max_asset_bytes + 1; },
            "size: must be a whole number from 1 to 20971520" },
        { "blob size negative", [](Json& d) { d["blobs"][0]["size"] = -1; }, "size: must be a whole number" },
        { "blob size as text", [](Json& d) { d["blobs"][0]["size"] = "10"; },
            "size: expected a whole number, found text" },
        { "blob path escapes", [](Json& d) { d["blobs"][0]["path"] = "assets/../secret.png"; }, "leaves its folder" },
        { "channel reading speed zero", [](Json& d) { d["channel"]["reading_speed"] = 0; },
            "reading_speed: must be a number above 0" },
        { "channel reading speed text", [](Json& d) { d["channel"]["reading_speed"] = "fast"; },
            "reading_speed: expected a number or null, found text" },
        { "channel bounds crossed", [](Json& d) { d["channel"]["max_duration_ms"] = 1000; },
            "is shorter than min_duration_ms" },
    };
    for (auto const& item : edits) {
        SUBCASE(item.name.c_str())
        {
            auto document = Json::parse(valid);
            item.edit(document);
            Diagnostics diagnostics;
            CHECK_FALSE(parse(document.dump(2), diagnostics).has_value());
            CHECK(diagnostics.has_errors());
            CHECK_MESSAGE(test::mentions(diagnostics, item.fragment), diagnostics.format_all());
            // Every message is about manifest.json, like a compiler's.
            for (auto const& diagnostic : diagnostics.all())
                CHECK(format_diagnostic(diagnostic).rfind("manifest.json", 0) == 0);
        }
    }
}

TEST_CASE("text that is not a manifest is refused without throwing")
{
    auto valid = manifest_to_json(every_field_manifest());
    std::string duplicated = valid;
    duplicated.replace(duplicated.find("\"version\""), 0, "\"version\": 9,\n  ");
    struct Case {
        std::string name;
        std::string text;
        std::string fragment;
    };
    const Case cases[] = {
        { "empty", "", "not valid JSON" },
        { "not JSON", "format = 1\n", "manifest.json:1:" },
        { "truncated", valid.substr(0, valid.size() / 2), "not valid JSON" },
        { "trailing comma", "{\"format\": 1,}", "not valid JSON" },
        { "comment", "// manifest\n" + valid, "not valid JSON" },
        { "second document", valid + valid, "not valid JSON" },
        { "invalid UTF-8", "{\"format\": 1, \"version\": 1, \"x\": \"\xff\xfe\"}", "not valid JSON" },
        { "a list", "[1, 2]", "expected an object, found a list" },
        { "a number", "1", "expected an object" },
        { "deep nesting", std::string(100000, '[') + std::string(100000, ']'), "nests deeper than 16 levels" },
        { "too large", std::string(max_manifest_bytes, ' ') + valid, "more than the limit of 4194304" },
        { "duplicate key", duplicated, "the field 'version' appears twice in one object" },
        { "error on line 3", "{\n  \"format\": 1,\n  \"version\": ,\n}", "manifest.json:3:" },
    };
    for (auto const& item : cases) {
        SUBCASE(item.name.c_str())
        {
            Diagnostics diagnostics;
            CHECK_FALSE(parse(item.text, diagnostics).has_value());
            CHECK_MESSAGE(test::mentions(diagnostics, item.fragment), diagnostics.format_all());
        }
    }
}

TEST_CASE("a flood of errors is cut short")
{
    auto document = Json::parse(manifest_to_json(every_field_manifest()));
    for (int i = 0; i < 200; ++i)
        document["unknown" + std::to_string(i)] = i;
    Diagnostics diagnostics;
    CHECK_FALSE(parse(document.dump(), diagnostics).has_value());
    CHECK(diagnostics.error_count() <= 51);
    CHECK(test::mentions(diagnostics, "150 more error(s) not shown"));
}

} // namespace hallboard
