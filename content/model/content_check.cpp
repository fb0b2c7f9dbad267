// Checking content the way `hallboard check` does: the loader's validation, then the warnings
// and whole-picture decoding that would cost a playing screen time for nothing.
#include "content/model/content_check.h"

#include "content/model/notice_warnings.h"
#include "content/model/source_loader.h"
#include "content/model/yaml_support.h"

#include <fstream>
#include <sstream>

namespace hallboard {

namespace {

std::string read_text(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

// The model keeps no place for the values warned about, so each is found again in `file`.
void warn_about_notice(const Notice& notice, const Date& today, const std::filesystem::path& file,
    const std::string& display_name, Diagnostics& diagnostics)
{
    auto warnings = notice_warnings(notice, today);
    if (warnings.empty())
        return;
    auto text = read_text(file);
    for (auto& warning : warnings)
        diagnostics.warning(
            location_of_key(text, display_name, warning.key), std::move(warning.message), std::move(warning.hint));
}

void decode_pictures(const std::filesystem::path& root, const Notice& notice, const SourceLocation& where,
    const ContentCheckOptions& options, Diagnostics& diagnostics)
{
    if (!options.picture_problem)
        return;
    for (auto const& picture : pictures_of(notice)) {
        auto path = root / picture;
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error))
            continue; // already reported by the content model
        if (auto problem = options.picture_problem(path))
            diagnostics.error(where, "picture '" + picture + "' " + *problem,
                "open it in an image editor and save it again as PNG or JPEG, then copy it into assets/ again");
    }
}

} // namespace

std::optional<ContentSource> check_content_source(
    const std::filesystem::path& path, const ContentCheckOptions& options, CheckReport& report)
{
    auto& diagnostics = report.diagnostics;
    int errors_before = diagnostics.error_count();
    auto source = load_content_source_as_given(path, diagnostics);
    if (!source) {
        diagnostics.error({ path.string(), 0, 0 }, "not a content source: it has no notices/ folder");
        return std::nullopt;
    }
    int slides = 0, tickers = 0;
    for (auto const& notice : source->notices) {
        (notice.kind == NoticeKind::Ticker ? tickers : slides)++;
        auto where = notice.defined_at;
        where.file = (source->root / where.file).lexically_normal().string();
        decode_pictures(source->root, notice, where, options, diagnostics);
        warn_about_notice(notice, options.today, where.file, where.file, diagnostics);
    }
    if (diagnostics.error_count() == errors_before)
        report.lines.push_back("ok: " + path.string() + ": content source, " + std::to_string(slides) + " slide(s), "
            + std::to_string(tickers) + " ticker message(s)");
    return source;
}

void check_notice_file(const std::filesystem::path& path, const ContentCheckOptions& options, CheckReport& report)
{
    auto& diagnostics = report.diagnostics;
    int errors_before = diagnostics.error_count();
    auto name = path.string();
    YamlFile file(name, diagnostics);
    // Read through YamlFile first so that size and encoding bounds apply to a lone file too.
    if (!file.load(path))
        return;
    auto notice = parse_notice(read_text(path), name, ChannelDefaults {}, diagnostics);
    if (!notice)
        return;
    // A notice inside SOURCE/notices/ has its assets in SOURCE/assets/.
    auto folder = std::filesystem::absolute(path).parent_path();
    if (folder.filename() == "notices") {
        auto root = folder.parent_path();
        bool found = true;
        for (auto const& asset : pictures_of(*notice))
            found = check_asset(root, asset, notice->defined_at, diagnostics) && found;
        if (found)
            decode_pictures(root, *notice, notice->defined_at, options, diagnostics);
    }
    warn_about_notice(*notice, options.today, path, name, diagnostics);
    if (diagnostics.error_count() == errors_before)
        report.lines.push_back(
            "ok: " + name + ": " + std::string(to_string(notice->kind)) + " notice '" + notice->id + "'");
}

void check_channel_file(const std::filesystem::path& path, CheckReport& report)
{
    int errors_before = report.diagnostics.error_count();
    auto name = path.string();
    if (parse_channel(read_text(path), name, report.diagnostics) && report.diagnostics.error_count() == errors_before)
        report.lines.push_back("ok: " + name + ": channel defaults");
}

} // namespace hallboard
