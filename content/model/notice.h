// The content model: what admins write, parsed and normalised. Pure data, no I/O.
#pragma once

#include "base/diagnostics.h"
#include "base/local_time.h"
#include "content/model/holiday_calendar.h"

#include <array>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hallboard {

enum class NoticeKind { Tariff, Flow, Commitments, Hotlines, Notice, Image, Ticker };
enum class Priority { Normal, High, Urgent };

// The one list of kinds and the words admins write for them (`kind: tariff`, and the block
// key `tariff:`), in the order of NoticeBody's alternatives. Everything that names a kind
// (the YAML parser, the manifest JSON, to_string) reads this table.
struct NoticeKindName {
    NoticeKind kind;
    std::string_view name;
};
inline constexpr std::array<NoticeKindName, 7> notice_kinds { {
    { NoticeKind::Tariff, "tariff" },
    { NoticeKind::Flow, "flow" },
    { NoticeKind::Commitments, "commitments" },
    { NoticeKind::Hotlines, "hotlines" },
    { NoticeKind::Notice, "notice" },
    { NoticeKind::Image, "image" },
    { NoticeKind::Ticker, "ticker" },
} };
std::optional<NoticeKind> notice_kind_named(std::string_view name);
std::vector<std::string_view> notice_kind_names(); // in table order

std::string_view to_string(NoticeKind kind); // "tariff", "flow", ...
std::string_view to_string(Priority priority);

struct TariffSection {
    int before_row = 0; // the section heading is drawn before rows[before_row]
    std::string text;
    bool operator==(const TariffSection&) const = default;
};

struct TariffTable {
    std::string unit;                           // e.g. 元/千瓦时; may be empty
    std::vector<std::string> columns;           // header cells
    std::vector<std::vector<std::string>> rows; // every row has columns.size() cells
    std::vector<TariffSection> sections;        // sorted by before_row
    std::vector<std::string> notes;
    std::optional<Date> effective;
    bool operator==(const TariffTable&) const = default;
};

struct FlowStep {
    std::string name;
    std::string limit;  // time limit, e.g. 1个工作日; may be empty
    std::string detail; // may be empty
    bool operator==(const FlowStep&) const = default;
};

struct Flow {
    std::vector<FlowStep> steps;
    std::vector<std::string> materials; // 一次性告知: every document needed, told at once
    std::string total;                  // e.g. 全程不超过 3 个工作日; may be empty
    bool operator==(const Flow&) const = default;
};

struct CommitmentItem {
    std::string heading; // may be empty (a plain-text item)
    std::string detail;
    bool operator==(const CommitmentItem&) const = default;
};

struct Commitments {
    std::vector<CommitmentItem> items;
    bool operator==(const Commitments&) const = default;
};

struct Hotline {
    std::string label;
    std::string number;
    std::string note; // may be empty
    std::string qr;   // asset path relative to the source root (assets/...); may be empty
    bool operator==(const Hotline&) const = default;
};

struct Hotlines {
    std::vector<Hotline> entries;
    bool operator==(const Hotlines&) const = default;
};

enum class NoticeLevel { Info, Warning };

struct FreeText {
    NoticeLevel level = NoticeLevel::Info;
    std::string body;
    std::string issuer; // may be empty
    std::optional<Date> date;
    bool operator==(const FreeText&) const = default;
};

enum class ImageFit { Contain, Cover };

struct ImageSlide {
    std::string src; // asset path relative to the source root (assets/...)
    ImageFit fit = ImageFit::Contain;
    std::string caption; // may be empty
    bool operator==(const ImageSlide&) const = default;
};

struct TickerMessage {
    std::string text;
    bool operator==(const TickerMessage&) const = default;
};

using NoticeBody = std::variant<TariffTable, Flow, Commitments, Hotlines, FreeText, ImageSlide, TickerMessage>;

struct Notice {
    std::string id;
    NoticeKind kind = NoticeKind::Notice;
    std::string title;                                 // empty only for ticker and image
    std::optional<std::chrono::milliseconds> duration; // nullopt: derived from the amount of text
    std::optional<LocalDateTime> valid_from;
    std::optional<LocalDateTime> valid_until; // inclusive: a bare date means until 23:59 of that day
    std::vector<Weekday> days;                // empty: every day
    std::vector<TimeOfDayRange> hours;        // empty: all day
    Priority priority = Priority::Normal;
    std::vector<std::string> tags; // empty: every screen
    std::string footer;
    NoticeBody body;
    SourceLocation defined_at; // the notice's file, for messages
    bool operator==(const Notice&) const = default;
};

// Defaults from channel.yaml, applied to every notice that does not set the field itself.
struct ChannelDefaults {
    std::optional<std::chrono::milliseconds> duration;
    std::vector<std::string> tags;
    std::string footer;
    std::optional<double> reading_speed; // characters per second; overrides the theme's
    std::optional<std::chrono::milliseconds> min_duration;
    std::optional<std::chrono::milliseconds> max_duration;
    bool operator==(const ChannelDefaults&) const = default;
};

struct ContentSource {
    std::filesystem::path root; // the source directory
    ChannelDefaults channel;
    HolidayCalendar calendar;    // calendar.yaml; empty when the source has none
    std::vector<Notice> notices; // sorted by file name, defaults applied
    // Every asset referenced by a notice, relative to root ("assets/poster.png").
    std::vector<std::string> referenced_assets;
};

// All text a reader has to read on the notice's slide, used for automatic durations.
std::string readable_text(const Notice& notice);

// The pictures a notice shows (an image slide's src, each hotline's QR code), relative to the
// source root, in the order they appear on the slide.
std::vector<std::string> pictures_of(const Notice& notice);

} // namespace hallboard
