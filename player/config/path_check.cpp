// Dispatching `hallboard check`'s paths to the check of their kind.
#include "player/config/path_check.h"

#include "content/model/yaml_support.h"

namespace hallboard {

namespace {

void check_screen_config(const std::filesystem::path& path, const ContentCheckOptions& options, CheckRun& run)
{
    auto name = path.string();
    auto config = load_screen_config(path, run.report.diagnostics);
    if (!config)
        return;
    run.report.lines.push_back("ok: " + name + ": screen config for '" + config->id + "' (" + config->hall + ")");
    if (!run.theme)
        run.theme = config->theme;
    run.halls.push_back({ config->hall, { name, 0, 0 } });
    if (config->source.empty()) {
        run.server_configs.push_back(name);
        return;
    }
    if (auto source = check_content_source(config->source, options, run.report))
        run.sources.push_back(std::move(*source));
}

void check_theme(const std::filesystem::path& path, CheckRun& run)
{
    if (auto theme = load_theme(path, run.report.diagnostics)) {
        run.report.lines.push_back("ok: " + path.string() + ": theme '" + theme->name + "'");
        if (!run.theme)
            run.theme = *theme;
    }
}

void check_file(const std::filesystem::path& path, const ContentCheckOptions& options, CheckRun& run)
{
    switch (guess_file_kind(path)) {
    case FileKind::ScreenConfig:
        return check_screen_config(path, options, run);
    case FileKind::Theme:
        return check_theme(path, run);
    case FileKind::Channel:
        return check_channel_file(path, run.report);
    case FileKind::Notice:
        return check_notice_file(path, options, run.report);
    case FileKind::Unknown: {
        // A file that is not even readable YAML gets its real error (line, encoding), which
        // matters more than its kind.
        auto name = path.string();
        YamlFile file(name, run.report.diagnostics);
        if (!file.load(path))
            return;
        run.report.diagnostics.error({ name, 0, 0 }, "cannot tell what kind of Hallboard file this is",
            "a screen config has 'screen:', a theme 'colors:', a notice 'id:' and 'kind:'");
        return;
    }
    }
}

} // namespace

void check_path(const std::filesystem::path& path, const ContentCheckOptions& options, CheckRun& run)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        if (auto source = check_content_source(path, options, run.report))
            run.sources.push_back(std::move(*source));
    } else if (std::filesystem::is_regular_file(path, error)) {
        check_file(path, options, run);
    } else {
        run.report.diagnostics.error({ path.string(), 0, 0 }, "no such file or directory");
    }
}

void warn_nothing_to_lay_out(CheckRun& run, ScreenSize size)
{
    if (!run.sources.empty())
        return;
    for (auto const& name : run.server_configs)
        run.report.diagnostics.warning({ name, 0, 0 },
            "--size: no local content to lay out: this screen pulls its content from content.server",
            "lay out the content folder that is published to it: hallboard check --size " + std::to_string(size.width)
                + "x" + std::to_string(size.height) + " CONTENT_FOLDER");
}

} // namespace hallboard
