// `hallboard check PATH... [--size WxH]`: validates content sources, screen configs, themes and
// single notice files, printing every problem as file:line:col; with --size, also lays out
// every slide with the real fonts and reports any that cannot fit.
#include "player/app/command_line.h"
#include "player/app/commands.h"
#include "player/render/picture_check.h"

#include "content/model/source_loader.h"
#include "content/model/yaml_support.h"
#include "player/layout/frame_layout.h"
#include "player/layout/slide_layout.h"
#include "player/render/font_set.h"
#include "player/render/sdl_session.h"
#include "player/screen/local_clock.h"
#include "base/utf8.h"

#include <SDL.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace hallboard {

namespace {

struct CheckRun {
    Diagnostics diagnostics;
    std::vector<ContentSource> sources; // for the layout check
    std::optional<Theme> theme;         // of the first screen config checked
    std::vector<std::pair<std::string, SourceLocation>> halls; // screen.hall of each config, for the header check
    std::vector<std::string> server_configs; // configs whose content comes from a server: nothing local to lay out
};

// A notice that ended this many days ago is probably left over: the screen never shows it again.
constexpr long expired_warning_days = 30;
// One line of a slide's title bar at 1920x1080 with the default theme (title 0.06 of the short
// side, 65 px, across about 1830 px) holds about 26 Chinese characters; ASCII counts half.
constexpr double title_line_characters = 26;

// Where `key:` is written in `file` (its value's first character), for warnings about a value
// the notice model keeps without its place; line 0 when it cannot be found.
SourceLocation location_of_key(const std::string& file, const std::string& display_name, std::string_view key)
{
    std::ifstream lines(file, std::ios::binary);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        auto start = line.find_first_not_of(' ');
        if (start == std::string::npos || line.compare(start, key.size(), key) != 0 || line.compare(start + key.size(), 1, ":") != 0)
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

// Likely mistakes that do not stop a notice from playing: exit 0, each at its file and line.
void warn_about_notice(CheckRun& run, const Notice& notice, const std::string& file, const std::string& display_name)
{
    auto today = SystemClock().now().local.date;
    if (notice.valid_until) {
        auto days = days_from_civil(today) - days_from_civil(notice.valid_until->date);
        if (days > expired_warning_days)
            run.diagnostics.warning(location_of_key(file, display_name, "valid_until"),
                "notice '" + notice.id + "' ended on " + format_date(notice.valid_until->date) + ", " + std::to_string(days)
                    + " days ago: it is never shown again",
                "delete the file, or change valid_until if it should still be shown");
    }
    if (!notice.title.empty() && title_width(notice.title) > title_line_characters)
        run.diagnostics.warning(location_of_key(file, display_name, "title"),
            "title of '" + notice.id + "' is longer than one line of the title bar (about "
                + std::to_string(static_cast<int>(title_line_characters)) + " Chinese characters at 1920x1080 with the default theme)",
            "shorten the title and put the details in the body; a long title wraps and leaves less room for the slide");
}

std::string read_text(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

// The pictures of a notice (an image slide's src, each hotline's QR code), relative to the source.
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

// Decodes each picture whole: the content model only looked at its first bytes.
void check_pictures(CheckRun& run, const std::filesystem::path& root, const Notice& notice, const SourceLocation& where)
{
    for (auto const& picture : pictures_of(notice)) {
        auto path = root / picture;
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error))
            continue; // already reported by the content model
        if (auto problem = picture_problem(path))
            run.diagnostics.error(where, "picture '" + picture + "' " + *problem,
                "open it in an image editor and save it again as PNG or JPEG, then copy it into assets/ again");
    }
}

void check_content_source(CheckRun& run, const std::filesystem::path& path)
{
    int errors_before = run.diagnostics.error_count();
    auto source = load_content_source_as_given(path, run.diagnostics);
    if (!source) {
        run.diagnostics.error({ path.string(), 0, 0 }, "not a content source: it has no notices/ folder");
        return;
    }
    int slides = 0, tickers = 0;
    for (auto const& notice : source->notices) {
        (notice.kind == NoticeKind::Ticker ? tickers : slides)++;
        auto where = notice.defined_at;
        where.file = (source->root / where.file).lexically_normal().string();
        check_pictures(run, source->root, notice, where);
        warn_about_notice(run, notice, where.file, where.file);
    }
    if (run.diagnostics.error_count() == errors_before)
        std::printf("ok: %s: content source, %d slide(s), %d ticker message(s)\n", path.string().c_str(), slides, tickers);
    run.sources.push_back(std::move(*source));
}

void check_file(CheckRun& run, const std::filesystem::path& path)
{
    int errors_before = run.diagnostics.error_count();
    auto name = path.string();
    switch (guess_file_kind(path)) {
    case FileKind::ScreenConfig: {
        auto config = load_screen_config(path, run.diagnostics);
        if (!config)
            return;
        std::printf("ok: %s: screen config for '%s' (%s)\n", name.c_str(), config->id.c_str(), config->hall.c_str());
        if (!run.theme)
            run.theme = config->theme;
        run.halls.push_back({ config->hall, { name, 0, 0 } });
        if (!config->source.empty())
            check_content_source(run, config->source);
        else
            run.server_configs.push_back(name);
        return;
    }
    case FileKind::Theme:
        if (auto theme = load_theme(path, run.diagnostics)) {
            std::printf("ok: %s: theme '%s'\n", name.c_str(), theme->name.c_str());
            if (!run.theme)
                run.theme = *theme;
        }
        return;
    case FileKind::Channel:
        if (parse_channel(read_text(path), name, run.diagnostics) && run.diagnostics.error_count() == errors_before)
            std::printf("ok: %s: channel defaults\n", name.c_str());
        return;
    case FileKind::Notice: {
        YamlFile file(name, run.diagnostics);
        // Read through YamlFile first so that size and encoding bounds apply to a lone file too.
        if (!file.load(path))
            return;
        auto notice = parse_notice(read_text(path), name, ChannelDefaults {}, run.diagnostics);
        if (!notice)
            return;
        // A notice inside SOURCE/notices/ has its assets in SOURCE/assets/.
        auto folder = std::filesystem::absolute(path).parent_path();
        if (folder.filename() == "notices") {
            auto root = folder.parent_path();
            bool found = true;
            for (auto const& asset : pictures_of(*notice))
                found = check_asset(root, asset, notice->defined_at, run.diagnostics) && found;
            if (found)
                check_pictures(run, root, *notice, notice->defined_at);
        }
        warn_about_notice(run, *notice, path.string(), name);
        if (run.diagnostics.error_count() == errors_before)
            std::printf("ok: %s: %s notice '%s'\n", name.c_str(), std::string(to_string(notice->kind)).c_str(), notice->id.c_str());
        return;
    }
    case FileKind::Unknown: {
        // A file that is not even readable YAML gets its real error (line, encoding), which
        // matters more than its kind.
        YamlFile file(name, run.diagnostics);
        if (!file.load(path))
            return;
        run.diagnostics.error({ name, 0, 0 },
            "cannot tell what kind of Hallboard file this is",
            "a screen config has 'screen:', a theme 'colors:', a notice 'id:' and 'kind:'");
        return;
    }
    }
}

// Lays out every slide at `size` with the real fonts; a slide that cannot fit is an error.
void check_layouts(CheckRun& run, ScreenSize size)
{
    auto session = SdlSession::start(SdlVideo::NotNeeded);
    if (!session) {
        run.diagnostics.error({}, std::string("cannot start SDL to measure text: ") + SDL_GetError());
        return;
    }
    Theme theme = run.theme.value_or(default_theme());
    auto fonts = FontSet::open(theme.font_families);
    if (!fonts) {
        run.diagnostics.error({}, "no font with Chinese characters found; install fonts-noto-cjk");
        return;
    }
    auto geometry = compute_screen_geometry(static_cast<float>(size.width), static_cast<float>(size.height), theme);
    int slides = 0;
    for (auto const& source : run.sources) {
        SlideContext context;
        context.width = geometry.slide.w;
        context.height = geometry.slide.h;
        context.unit = geometry.unit;
        context.theme = &theme;
        context.measurer = fonts.get();
        context.asset_root = source.root.string();
        for (auto const& notice : source.notices) {
            if (notice.kind == NoticeKind::Ticker)
                continue;
            auto layout = layout_slide(notice, context);
            ++slides;
            auto where = notice.defined_at;
            where.file = (source.root / where.file).lexically_normal().string();
            for (auto const& problem : layout.problems)
                run.diagnostics.error(where,
                    "slide '" + notice.id + "' does not fit at " + std::to_string(size.width) + "x" + std::to_string(size.height) + ": " + problem);
        }
    }
    std::printf("laid out %d slide(s) at %dx%d\n", slides, size.width, size.height);
    // The header holds the hall's name in up to two lines beside the clock; a longer one is cut.
    for (auto const& [hall, where] : run.halls) {
        if (layout_header(geometry, theme, hall, { 2026, 12, 31 }, *fonts).hall_cut)
            run.diagnostics.warning(where,
                "screen.hall '" + hall + "' is too long for the header at " + std::to_string(size.width) + "x"
                    + std::to_string(size.height) + ": it is cut short with '…'",
                "write the hall's name as customers know it, e.g. 城西供电营业厅");
    }
}

} // namespace

int run_check(const std::vector<std::string>& arguments)
{
    auto command_line = parse_command_line(arguments, { { "--size" }, {} });
    if (!command_line)
        return exit_invalid;
    if (command_line->positional.empty()) {
        std::fprintf(stderr, "usage: hallboard check PATH... [--size WxH]\n");
        return exit_invalid;
    }
    std::optional<ScreenSize> size;
    if (command_line->has("--size")) {
        size = parse_screen_size(command_line->option("--size"));
        if (!size) {
            std::fprintf(stderr, "error: --size '%s' is not a size (write it like 1920x1080)\n", command_line->option("--size").c_str());
            return exit_invalid;
        }
    }

    CheckRun run;
    for (auto const& argument : command_line->positional) {
        std::filesystem::path path(argument);
        std::error_code error;
        if (std::filesystem::is_directory(path, error))
            check_content_source(run, path);
        else if (std::filesystem::is_regular_file(path, error))
            check_file(run, path);
        else
            run.diagnostics.error({ argument, 0, 0 }, "no such file or directory");
    }
    if (size && (!run.sources.empty() || !run.halls.empty()))
        check_layouts(run, *size);
    // "laid out 0 slide(s)" would read as a pass: a server's content is not here to lay out.
    if (size && run.sources.empty()) {
        for (auto const& name : run.server_configs)
            run.diagnostics.warning({ name, 0, 0 }, "--size: no local content to lay out: this screen pulls its content from content.server",
                "lay out the content folder that is published to it: hallboard check --size " + std::to_string(size->width) + "x"
                    + std::to_string(size->height) + " CONTENT_FOLDER");
    }

    report_diagnostics(run.diagnostics);
    if (run.diagnostics.has_errors()) {
        std::fprintf(stderr, "%d error(s), %d warning(s)\n", run.diagnostics.error_count(), run.diagnostics.warning_count());
        return exit_invalid;
    }
    return exit_ok;
}

} // namespace hallboard
