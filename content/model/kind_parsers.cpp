// Readers for the seven kind blocks (tariff, flow, commitments, hotlines, notice, image, ticker).
#include "content/model/notice_parsing.h"

#include <algorithm>
#include <charconv>

namespace hallboard::parsing {

static std::string counted(size_t count, std::string_view singular, std::string_view plural)
{
    return std::to_string(count) + " " + std::string(count == 1 ? singular : plural);
}

static std::string kind_of_value(const YAML::Node& node)
{
    return node.IsMap() ? "a mapping" : node.IsSequence() ? "a list" : "empty";
}

static std::optional<int> read_row_number(YamlFile& file, const YAML::Node& section, size_t row_count)
{
    auto hint = "use a row number from 0 (before the first row) to " + std::to_string(row_count) + " (after the last)";
    auto node = value_of(section, "before");
    auto text = read_text(file, section, "before", Presence::Required, hint);
    if (!text)
        return std::nullopt;
    int value = 0;
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size()) {
        file.error(node, "'before: " + *text + "' is not a row number", hint);
        return std::nullopt;
    }
    if (value < 0 || static_cast<size_t>(value) > row_count) {
        file.error(
            node, "'before: " + *text + "' is outside the table, which has " + counted(row_count, "row", "rows"), hint);
        return std::nullopt;
    }
    return value;
}

TariffTable parse_tariff(YamlFile& file, const YAML::Node& block)
{
    TariffTable table;
    file.check_keys(block, { "unit", "columns", "rows", "sections", "notes", "effective" }, "the 'tariff' block");
    table.unit = read_text(file, block, "unit", Presence::Optional).value_or("");
    auto columns
        = read_text_list(file, block, "columns", Presence::Required, "list the column headings, like [档位, 电价]");
    if (columns)
        table.columns = *columns;

    bool wide_comma_reported = false;
    bool rows_ok = for_each_item(file, block, "rows", Presence::Required,
        "add the table's rows, one per line, like - [第一档, \"0.4883\"]", [&](const YAML::Node& item, int number) {
            auto row_name = "row " + std::to_string(number);
            if (!item.IsSequence()) {
                file.error(item,
                    row_name + " must be a list of cells, not " + (item.IsScalar() ? "one value" : kind_of_value(item)),
                    "write it like - [第一档, \"0.4883\"]");
                return;
            }
            std::vector<std::string> row;
            for (auto const& cell : item) {
                if (file.over_text_budget())
                    return;
                auto cell_name = "cell " + std::to_string(row.size() + 1) + " of " + row_name;
                if (cell.IsNull()) {
                    row.emplace_back(); // [a, ~, c] leaves a cell blank on purpose
                } else if (!cell.IsScalar()) {
                    file.error(cell, cell_name + " must be text, not " + kind_of_value(cell),
                        cell.IsMap() ? "put the cell in quotes when it contains ': '" : "remove the inner [ ]");
                    row.emplace_back();
                } else if (auto text = file.scalar(cell, cell_name)) {
                    row.push_back(tidy(*text));
                } else {
                    row.emplace_back();
                }
            }
            if (columns && row.size() != columns->size()) {
                // A Chinese typist's full-width comma '，' does not separate YAML items: the
                // cells on both sides became one, and the real mistake is on that line.
                auto has_wide_comma = [](const std::string& text) { return text.find("，") != std::string::npos; };
                if (std::any_of(columns->begin(), columns->end(), has_wide_comma)) {
                    if (!wide_comma_reported)
                        file.error(value_of(block, "columns"),
                            "the column headings hold a full-width comma '，', so the table has "
                                + counted(columns->size(), "column", "columns") + " and " + row_name + " has "
                                + counted(row.size(), "cell", "cells"),
                            "between the items of [ ] type an ASCII comma ',' (turn off full-width input, 全角)");
                    wide_comma_reported = true;
                    table.rows.push_back(std::move(row));
                    return;
                }
                if (std::any_of(row.begin(), row.end(), has_wide_comma)) {
                    file.error(item,
                        row_name + " has " + counted(row.size(), "cell", "cells") + ", the table has "
                            + counted(columns->size(), "column", "columns") + ": it holds a full-width comma '，'",
                        "between the cells of [ ] type an ASCII comma ',' (turn off full-width input, 全角)");
                    table.rows.push_back(std::move(row));
                    return;
                }
                file.error(item,
                    row_name + " has " + counted(row.size(), "cell", "cells") + ", the table has "
                        + counted(columns->size(), "column", "columns"),
                    row.size() < columns->size() ? "add the missing cells (\"\" leaves one blank)"
                                                 : "remove the extra cells or add a column");
            }
            table.rows.push_back(std::move(row));
        });

    for_each_item(file, block, "sections", Presence::Optional, {}, [&](const YAML::Node& item, int) {
        if (!file.expect_map(item, "a section")) {
            return;
        }
        file.check_keys(item, { "before", "text" }, "a section");
        TariffSection section;
        auto text = read_text(file, item, "text", Presence::Required, "write the heading that spans the table");
        if (text)
            section.text = *text;
        if (!rows_ok)
            return;
        if (auto before = read_row_number(file, item, table.rows.size()))
            section.before_row = *before;
        table.sections.push_back(std::move(section));
    });
    std::stable_sort(table.sections.begin(), table.sections.end(),
        [](auto const& a, auto const& b) { return a.before_row < b.before_row; });

    table.notes = read_text_list(file, block, "notes", Presence::Optional).value_or(std::vector<std::string> {});
    table.effective = read_date(file, block, "effective");
    return table;
}

Flow parse_flow(YamlFile& file, const YAML::Node& block)
{
    Flow flow;
    file.check_keys(block, { "steps", "materials", "total" }, "the 'flow' block");
    for_each_item(file, block, "steps", Presence::Required, "list the steps, like - {name: 申请受理, limit: 当日}",
        [&](const YAML::Node& item, int number) {
            auto step_name = "step " + std::to_string(number);
            if (item.IsScalar()) {
                // A bare name is a step without a time limit or detail.
                if (auto name = file.scalar(item, step_name))
                    flow.steps.push_back({ tidy(*name), {}, {} });
                return;
            }
            if (!item.IsMap()) {
                file.error(item,
                    step_name + " must be a mapping like {name: 申请受理, limit: 当日}, not " + kind_of_value(item));
                return;
            }
            file.check_keys(item, { "name", "limit", "detail" }, step_name);
            FlowStep step;
            step.name = read_text(file, item, "name", Presence::Required, "every step needs a name, like 申请受理")
                            .value_or("");
            step.limit = read_text(file, item, "limit", Presence::Optional).value_or("");
            step.detail = read_text(file, item, "detail", Presence::Optional).value_or("");
            flow.steps.push_back(std::move(step));
        });
    flow.materials = read_text_list(file, block, "materials", Presence::Optional).value_or(std::vector<std::string> {});
    flow.total = read_text(file, block, "total", Presence::Optional).value_or("");
    return flow;
}

Commitments parse_commitments(YamlFile& file, const YAML::Node& block)
{
    Commitments commitments;
    file.check_keys(block, { "items" }, "the 'commitments' block");
    for_each_item(file, block, "items", Presence::Required, "list the commitments, one per line starting with '- '",
        [&](const YAML::Node& item, int number) {
            auto item_name = "item " + std::to_string(number);
            if (item.IsScalar()) {
                if (auto text = file.scalar(item, item_name))
                    commitments.items.push_back({ {}, tidy(*text) });
                return;
            }
            if (!item.IsMap()) {
                file.error(
                    item, item_name + " must be text or {heading: ..., detail: ...}, not " + kind_of_value(item));
                return;
            }
            file.check_keys(item, { "heading", "detail" }, item_name);
            CommitmentItem commitment;
            commitment.heading = read_text(file, item, "heading", Presence::Optional).value_or("");
            commitment.detail
                = read_text(file, item, "detail", Presence::Required, "write the commitment itself under 'detail'")
                      .value_or("");
            commitments.items.push_back(std::move(commitment));
        });
    return commitments;
}

Hotlines parse_hotlines(YamlFile& file, const YAML::Node& block, std::vector<AssetReference>& assets)
{
    Hotlines hotlines;
    file.check_keys(block, { "entries" }, "the 'hotlines' block");
    for_each_item(file, block, "entries", Presence::Required,
        "list the numbers, like - {label: 供电服务热线, number: \"95598\"}", [&](const YAML::Node& item, int number) {
            auto entry_name = "entry " + std::to_string(number);
            if (!item.IsMap()) {
                file.error(item, entry_name + " must be a mapping with a label and a number",
                    "write it like {label: 供电服务热线, number: \"95598\"}");
                return;
            }
            file.check_keys(item, { "label", "number", "note", "qr" }, entry_name);
            Hotline hotline;
            hotline.label
                = read_text(file, item, "label", Presence::Required, "say whose number it is, like 供电服务热线")
                      .value_or("");
            hotline.number = read_text(
                file, item, "number", Presence::Required, "write the phone number in quotes, like \"95598\"")
                                 .value_or("");
            hotline.note = read_text(file, item, "note", Presence::Optional).value_or("");
            hotline.qr = read_asset_path(file, item, "qr", Presence::Optional, assets).value_or("");
            hotlines.entries.push_back(std::move(hotline));
        });
    return hotlines;
}

FreeText parse_free_text(YamlFile& file, const YAML::Node& block)
{
    FreeText text;
    file.check_keys(block, { "level", "body", "issuer", "date" }, "the 'notice' block");
    if (auto level = read_choice(file, block, "level", { "info", "warning" }))
        text.level = *level == 0 ? NoticeLevel::Info : NoticeLevel::Warning;
    text.body
        = read_text(file, block, "body", Presence::Required, "write the notice's text under 'body: |'").value_or("");
    text.issuer = read_text(file, block, "issuer", Presence::Optional).value_or("");
    text.date = read_date(file, block, "date");
    return text;
}

ImageSlide parse_image(YamlFile& file, const YAML::Node& block, std::vector<AssetReference>& assets)
{
    ImageSlide image;
    file.check_keys(block, { "src", "fit", "caption" }, "the 'image' block");
    image.src = read_asset_path(file, block, "src", Presence::Required, assets).value_or("");
    if (auto fit = read_choice(file, block, "fit", { "contain", "cover" }))
        image.fit = *fit == 0 ? ImageFit::Contain : ImageFit::Cover;
    image.caption = read_text(file, block, "caption", Presence::Optional).value_or("");
    return image;
}

TickerMessage parse_ticker(YamlFile& file, const YAML::Node& block)
{
    TickerMessage ticker;
    file.check_keys(block, { "text" }, "the 'ticker' block");
    ticker.text
        = read_text(file, block, "text", Presence::Required, "write the message for the scrolling bar").value_or("");
    return ticker;
}

} // namespace hallboard::parsing
