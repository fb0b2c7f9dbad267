// Names of the content model's enums, the text a reader has to read on a slide and the pictures it shows.
#include "content/model/notice.h"

namespace hallboard {

static_assert(std::variant_size_v<NoticeBody> == notice_kinds.size(), "one block per kind");

std::optional<NoticeKind> notice_kind_named(std::string_view name)
{
    for (auto const& entry : notice_kinds) {
        if (entry.name == name)
            return entry.kind;
    }
    return std::nullopt;
}

std::vector<std::string_view> notice_kind_names()
{
    std::vector<std::string_view> names;
    for (auto const& entry : notice_kinds)
        names.push_back(entry.name);
    return names;
}

std::string_view to_string(NoticeKind kind)
{
    for (auto const& entry : notice_kinds) {
        if (entry.kind == kind)
            return entry.name;
    }
    return "unknown";
}

std::string_view to_string(Priority priority)
{
    switch (priority) {
    case Priority::Normal:
        return "normal";
    case Priority::High:
        return "high";
    case Priority::Urgent:
        return "urgent";
    }
    return "unknown";
}

namespace {

// Joins pieces with newlines, skipping empty ones, so that counts are not padded by blanks.
class TextCollector {
public:
    void add(const std::string& piece)
    {
        if (piece.empty())
            return;
        if (!m_text.empty())
            m_text += '\n';
        m_text += piece;
    }
    void add(const std::vector<std::string>& pieces)
    {
        for (auto const& piece : pieces)
            add(piece);
    }
    std::string take() { return std::move(m_text); }

private:
    std::string m_text;
};

void collect(TextCollector& out, const TariffTable& table)
{
    out.add(table.unit);
    out.add(table.columns);
    for (auto const& row : table.rows)
        out.add(row);
    for (auto const& section : table.sections)
        out.add(section.text);
    out.add(table.notes);
}

void collect(TextCollector& out, const Flow& flow)
{
    for (auto const& step : flow.steps) {
        out.add(step.name);
        out.add(step.limit);
        out.add(step.detail);
    }
    out.add(flow.materials);
    out.add(flow.total);
}

void collect(TextCollector& out, const Commitments& commitments)
{
    for (auto const& item : commitments.items) {
        out.add(item.heading);
        out.add(item.detail);
    }
}

void collect(TextCollector& out, const Hotlines& hotlines)
{
    for (auto const& entry : hotlines.entries) {
        out.add(entry.label);
        out.add(entry.number);
        out.add(entry.note);
    }
}

void collect(TextCollector& out, const FreeText& text)
{
    out.add(text.body);
    out.add(text.issuer);
}

void collect(TextCollector& out, const ImageSlide& image)
{
    out.add(image.caption);
}

void collect(TextCollector& out, const TickerMessage& ticker)
{
    out.add(ticker.text);
}

} // namespace

// The footer and dates are left out on purpose: they are small print that readers skip,
// and counting them would keep every slide on screen longer than needed.
std::string readable_text(const Notice& notice)
{
    TextCollector out;
    out.add(notice.title);
    std::visit([&](auto const& body) { collect(out, body); }, notice.body);
    return out.take();
}

std::vector<std::string> pictures_of(const Notice& notice)
{
    std::vector<std::string> pictures;
    if (auto const* image = std::get_if<ImageSlide>(&notice.body))
        pictures.push_back(image->src);
    if (auto const* hotlines = std::get_if<Hotlines>(&notice.body)) {
        for (auto const& entry : hotlines->entries)
            if (!entry.qr.empty())
                pictures.push_back(entry.qr);
    }
    return pictures;
}

} // namespace hallboard
