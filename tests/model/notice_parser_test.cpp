// Valid notices of every kind parse to exactly the values written; channel defaults apply.
#include "content/model/source_loader.h"

#include <doctest/doctest.h>

#include <string>

using namespace hallboard;
using namespace std::chrono_literals;

namespace {

Notice parse_valid(const std::string& yaml, const ChannelDefaults& defaults = {})
{
    Diagnostics diagnostics;
    auto notice = parse_notice(yaml, "notices/test.yaml", defaults, diagnostics);
    INFO(diagnostics.format_all());
    REQUIRE(notice.has_value());
    CHECK(diagnostics.all().empty());
    return *notice;
}

} // namespace

TEST_CASE("a tariff notice with every common field")
{
    auto notice = parse_valid(R"(
id: zj-residential_2026
kind: tariff
title: 居民阶梯电价
duration: 1500ms
valid_from: 2026-01-01 08:30
valid_until: 2026-12-31
days: [sat, mon, sun, mon]
hours: "08:30-12:00, 13:30-17:30，19:00-21:00"
priority: high
tags: [guangzhou, lobby]
footer: 依据 浙发改价格〔2026〕1号
tariff:
  unit: 元/千瓦时
  columns: [档位, 年用电量（千瓦时）, 电价]
  rows:
    - [第一档, 0–2160（含）, "0.4883"]
    - [第二档, 2161–4200（含）, 0.5383]
    - [第三档, ~, "  0.7883  "]
  sections:
    - {before: 3, text: 合表}
    - {before: 0, text: 一户一表居民用户}
  notes: [峰谷分时电价按有关规定执行。, 第二条]
  effective: 2026-01-01
)");
    CHECK(notice.id == "zj-residential_2026");
    CHECK(notice.kind == NoticeKind::Tariff);
    CHECK(notice.title == "居民阶梯电价");
    CHECK(notice.duration == 1500ms);
    CHECK(notice.valid_from == LocalDateTime { { 2026, 1, 1 }, 8 * 60 + 30 });
    CHECK(notice.valid_until == LocalDateTime { { 2026, 12, 31 }, 23 * 60 + 59 }); // a bare date includes the whole day
    CHECK(notice.days == std::vector { Weekday::Monday, Weekday::Saturday, Weekday::Sunday });
    CHECK(notice.hours == std::vector<TimeOfDayRange> { { 510, 720 }, { 810, 1050 }, { 1140, 1260 } });
    CHECK(notice.priority == Priority::High);
    CHECK(notice.tags == std::vector<std::string> { "guangzhou", "lobby" });
    CHECK(notice.footer == "依据 浙发改价格〔2026〕1号");
    CHECK(notice.defined_at.file == "notices/test.yaml");

    auto const& table = std::get<TariffTable>(notice.body);
    CHECK(table.unit == "元/千瓦时");
    CHECK(table.columns == std::vector<std::string> { "档位", "年用电量（千瓦时）", "电价" });
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0] == std::vector<std::string> { "第一档", "0–2160（含）", "0.4883" });
    CHECK(table.rows[1][2] == "0.5383"); // an unquoted number keeps its digits
    CHECK(table.rows[2] == std::vector<std::string> { "第三档", "", "0.7883" });
    REQUIRE(table.sections.size() == 2);
    CHECK(table.sections[0].before_row == 0); // sorted by position
    CHECK(table.sections[0].text == "一户一表居民用户");
    CHECK(table.sections[1].before_row == 3);
    CHECK(table.notes == std::vector<std::string> { "峰谷分时电价按有关规定执行。", "第二条" });
    CHECK(table.effective == Date { 2026, 1, 1 });
}

TEST_CASE("optional common fields have their defaults")
{
    auto notice = parse_valid("id: a\nkind: ticker\nticker: {text: 你好}\n");
    CHECK(notice.title.empty());
    CHECK_FALSE(notice.duration.has_value());
    CHECK_FALSE(notice.valid_from.has_value());
    CHECK_FALSE(notice.valid_until.has_value());
    CHECK(notice.days.empty());
    CHECK(notice.hours.empty());
    CHECK(notice.priority == Priority::Normal);
    CHECK(notice.tags.empty());
    CHECK(notice.footer.empty());
    CHECK(std::get<TickerMessage>(notice.body).text == "你好");
}

TEST_CASE("a flow notice")
{
    auto notice = parse_valid(R"(
id: new-connection
kind: flow
title: 低压居民新装
flow:
  steps:
    - {name: 申请受理, limit: 当日, detail: 营业厅、网上国网 App 均可申请}
    - name: 现场勘查
      limit: 1个工作日
    - 装表接电
  materials: [用电人有效身份证明, 房屋产权证明或租赁协议]
  total: 全程不超过 3 个工作日
)");
    CHECK(notice.kind == NoticeKind::Flow);
    auto const& flow = std::get<Flow>(notice.body);
    REQUIRE(flow.steps.size() == 3);
    CHECK(flow.steps[0].name == "申请受理");
    CHECK(flow.steps[0].limit == "当日");
    CHECK(flow.steps[0].detail == "营业厅、网上国网 App 均可申请");
    CHECK(flow.steps[1].name == "现场勘查");
    CHECK(flow.steps[1].limit == "1个工作日");
    CHECK(flow.steps[1].detail.empty());
    CHECK(flow.steps[2].name == "装表接电");
    CHECK(flow.steps[2].limit.empty());
    CHECK(flow.materials == std::vector<std::string> { "用电人有效身份证明", "房屋产权证明或租赁协议" });
    CHECK(flow.total == "全程不超过 3 个工作日");
}

TEST_CASE("a commitments notice mixes plain items and headed items")
{
    auto notice = parse_valid(R"(
id: commitments
kind: commitments
title: 服务承诺
commitments:
  items:
    - 城乡居民客户端电压合格率不低于规定标准。
    - {heading: 限时办理, detail: 居民客户新装用电，装表接电不超过 3 个工作日。}
    - detail: 只有细节
)");
    auto const& items = std::get<Commitments>(notice.body).items;
    REQUIRE(items.size() == 3);
    CHECK(items[0].heading.empty());
    CHECK(items[0].detail == "城乡居民客户端电压合格率不低于规定标准。");
    CHECK(items[1].heading == "限时办理");
    CHECK(items[1].detail == "居民客户新装用电，装表接电不超过 3 个工作日。");
    CHECK(items[2].heading.empty());
    CHECK(items[2].detail == "只有细节");
}

TEST_CASE("a hotlines notice keeps numbers as written")
{
    auto notice = parse_valid(R"(
id: hotlines
kind: hotlines
title: 监督电话
hotlines:
  entries:
    - {label: 供电服务热线, number: "95598", note: 24 小时服务}
    - {label: 能源监管热线, number: 12398}
    - {label: 营业厅监督电话, number: 020-12345678, qr: assets/feedback-qr.png}
    - {label: 区号, number: 0571}
)");
    auto const& entries = std::get<Hotlines>(notice.body).entries;
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].label == "供电服务热线");
    CHECK(entries[0].number == "95598");
    CHECK(entries[0].note == "24 小时服务");
    CHECK(entries[0].qr.empty());
    CHECK(entries[1].number == "12398");
    CHECK(entries[2].number == "020-12345678");
    CHECK(entries[2].qr == "assets/feedback-qr.png");
    CHECK(entries[3].number == "0571"); // the leading zero of an area code survives
}

TEST_CASE("a free-text notice")
{
    auto notice = parse_valid(R"(
id: outage
kind: notice
title: 停电通知
notice:
  level: warning
  body: |
    因线路检修，以下区域停电：
    天河路 1–99 号。
  issuer: 某某供电局
  date: 2026-11-22
)");
    auto const& text = std::get<FreeText>(notice.body);
    CHECK(text.level == NoticeLevel::Warning);
    CHECK(text.body == "因线路检修，以下区域停电：\n天河路 1–99 号。"); // the block's final newline is dropped
    CHECK(text.issuer == "某某供电局");
    CHECK(text.date == Date { 2026, 11, 22 });

    auto plain = parse_valid("id: info\nkind: notice\ntitle: 提示\nnotice: {body: 正文}\n");
    CHECK(std::get<FreeText>(plain.body).level == NoticeLevel::Info);
    CHECK_FALSE(std::get<FreeText>(plain.body).date.has_value());
}

TEST_CASE("an image notice needs no title")
{
    auto notice
        = parse_valid("id: poster\nkind: image\nimage: {src: assets/poster.png, fit: cover, caption: 节约用电}\n");
    CHECK(notice.kind == NoticeKind::Image);
    auto const& image = std::get<ImageSlide>(notice.body);
    CHECK(image.src == "assets/poster.png");
    CHECK(image.fit == ImageFit::Cover);
    CHECK(image.caption == "节约用电");

    auto contained = parse_valid("id: poster\nkind: image\nimage: {src: assets/sub/poster.jpg}\n");
    CHECK(std::get<ImageSlide>(contained.body).fit == ImageFit::Contain);
    CHECK(std::get<ImageSlide>(contained.body).src == "assets/sub/poster.jpg");
}

TEST_CASE("channel defaults fill only the fields a notice leaves out")
{
    ChannelDefaults defaults;
    defaults.duration = 12s;
    defaults.tags = { "lobby" };
    defaults.footer = "国网示例供电公司";

    auto inherits = parse_valid("id: a\nkind: ticker\nticker: {text: x}\n", defaults);
    CHECK(inherits.duration == 12s);
    CHECK(inherits.tags == std::vector<std::string> { "lobby" });
    CHECK(inherits.footer == "国网示例供电公司");

    auto overrides
        = parse_valid("id: a\nkind: ticker\nduration: 3s\ntags: [vip]\nfooter: 自己的\nticker: {text: x}\n", defaults);
    CHECK(overrides.duration == 3s);
    CHECK(overrides.tags == std::vector<std::string> { "vip" });
    CHECK(overrides.footer == "自己的");

    // Writing the key with no value (or []) switches the default off.
    auto clears = parse_valid("id: a\nkind: ticker\ntags: []\nfooter:\nticker: {text: x}\n", defaults);
    CHECK(clears.tags.empty());
    CHECK(clears.footer.empty());
}

TEST_CASE("readable_text holds the title and every piece of body text")
{
    auto tariff = parse_valid(R"(
id: t
kind: tariff
title: 电价
footer: 小字
tariff:
  unit: 元
  columns: [档位, 电价]
  rows: [[一档, "0.5"], [二档, "0.6"]]
  sections: [{before: 1, text: 分段}]
  notes: [注释]
)");
    CHECK(readable_text(tariff) == "电价\n元\n档位\n电价\n一档\n0.5\n二档\n0.6\n分段\n注释");

    auto flow = parse_valid("id: f\nkind: flow\ntitle: 流程\nflow:\n  steps: [{name: 受理, limit: 当日, detail: 细节}, "
                            "接电]\n  materials: [证件]\n  total: 三天\n");
    CHECK(readable_text(flow) == "流程\n受理\n当日\n细节\n接电\n证件\n三天");

    auto commitments = parse_valid(
        "id: c\nkind: commitments\ntitle: 承诺\ncommitments:\n  items: [一, {heading: 二, detail: 三}]\n");
    CHECK(readable_text(commitments) == "承诺\n一\n二\n三");

    auto hotlines = parse_valid(
        "id: h\nkind: hotlines\ntitle: 电话\nhotlines:\n  entries: [{label: 热线, number: \"95598\", note: 全天}]\n");
    CHECK(readable_text(hotlines) == "电话\n热线\n95598\n全天");

    auto notice
        = parse_valid("id: n\nkind: notice\ntitle: 通知\nnotice: {body: 正文, issuer: 供电局, date: 2026-01-01}\n");
    CHECK(readable_text(notice) == "通知\n正文\n供电局");

    auto image = parse_valid("id: i\nkind: image\nimage: {src: assets/a.png, caption: 标语}\n");
    CHECK(readable_text(image) == "标语");

    auto ticker = parse_valid("id: k\nkind: ticker\nticker: {text: 滚动}\n");
    CHECK(readable_text(ticker) == "滚动");
}

TEST_CASE("to_string names every kind and priority as written in files")
{
    struct KindCase {
        NoticeKind kind;
        const char* name;
    };
    for (auto c : { KindCase { NoticeKind::Tariff, "tariff" }, KindCase { NoticeKind::Flow, "flow" },
             KindCase { NoticeKind::Commitments, "commitments" }, KindCase { NoticeKind::Hotlines, "hotlines" },
             KindCase { NoticeKind::Notice, "notice" }, KindCase { NoticeKind::Image, "image" },
             KindCase { NoticeKind::Ticker, "ticker" } })
        CHECK(to_string(c.kind) == c.name);
    CHECK(to_string(Priority::Normal) == "normal");
    CHECK(to_string(Priority::High) == "high");
    CHECK(to_string(Priority::Urgent) == "urgent");
}

TEST_CASE("windows line endings and a byte-order mark are accepted")
{
    auto notice = parse_valid("\xEF\xBB\xBFid: bom\r\nkind: ticker\r\nticker:\r\n  text: 你好\r\n");
    CHECK(notice.id == "bom");
    CHECK(std::get<TickerMessage>(notice.body).text == "你好");
}
