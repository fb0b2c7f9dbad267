// Command-line parsing and the loading shared by the commands.
#include "player/app/command_line.h"

#include "content/model/source_loader.h"
#include "content/model/yaml_support.h"

#include <cstdio>

namespace hallboard {

std::string CommandLine::option(const std::string& name, const std::string& fallback) const
{
    auto found = options.find(name);
    return found == options.end() ? fallback : found->second;
}

std::optional<CommandLine> parse_command_line(const std::vector<std::string>& arguments, const OptionSpec& spec)
{
    CommandLine result;
    std::vector<std::string> known(spec.with_value.begin(), spec.with_value.end());
    known.insert(known.end(), spec.flags.begin(), spec.flags.end());
    for (size_t i = 0; i < arguments.size(); ++i) {
        auto const& argument = arguments[i];
        if (argument.rfind("--", 0) != 0 || argument == "--") {
            result.positional.push_back(argument);
            continue;
        }
        std::string name = argument;
        std::optional<std::string> value;
        if (auto equals = argument.find('='); equals != std::string::npos) {
            name = argument.substr(0, equals);
            value = argument.substr(equals + 1);
        }
        if (spec.flags.count(name)) {
            result.flags.insert(name);
            continue;
        }
        if (!spec.with_value.count(name)) {
            auto hint = did_you_mean(name, known);
            std::fprintf(stderr, "error: unknown option '%s'%s\n", name.c_str(),
                hint.empty() ? "" : (" (" + hint + ")").c_str());
            return std::nullopt;
        }
        if (!value) {
            if (i + 1 >= arguments.size()) {
                std::fprintf(stderr, "error: option '%s' needs a value\n", name.c_str());
                return std::nullopt;
            }
            value = arguments[++i];
        }
        result.options[name] = *value;
    }
    return result;
}

std::optional<LocalDateTime> parse_at_option(const CommandLine& command_line)
{
    auto text = command_line.option("--at");
    auto moment = parse_date_time(text);
    if (!moment)
        std::fprintf(
            stderr, "error: --at '%s' is not a date and time (write it like \"2026-11-22 10:00\")\n", text.c_str());
    return moment;
}

std::optional<LoadedScreen> load_screen(const CommandLine& command_line, ContentOrigin origin)
{
    // Previewing a content folder needs no screen: a default 1920x1080 one with the default theme.
    bool const default_screen
        = !command_line.has("--config") && command_line.has("--source") && origin == ContentOrigin::SourceOnly;
    if (!command_line.has("--config") && !default_screen) {
        std::fprintf(stderr, "error: --config FILE is required (for example --config config/demo.yaml)\n");
        return std::nullopt;
    }
    Diagnostics diagnostics;
    std::optional<ScreenConfig> config;
    if (default_screen) {
        config = ScreenConfig {};
        config->id = "preview";
        config->hall = "预览";
        config->fullscreen = false;
        config->theme = default_theme();
    } else {
        config = load_screen_config(command_line.option("--config"), diagnostics);
    }
    if (!config) {
        report_diagnostics(diagnostics);
        return std::nullopt;
    }
    if (command_line.has("--source"))
        config->source = std::filesystem::absolute(command_line.option("--source")).lexically_normal();
    if (config->source.empty() && !config->server.empty() && origin == ContentOrigin::SourceOrServer) {
        report_diagnostics(diagnostics);
        return LoadedScreen { std::move(*config), nullptr };
    }
    if (config->source.empty()) {
        report_diagnostics(diagnostics);
        std::fprintf(stderr,
            "error: %s: this command needs a local content source: set content.source, or pass --source DIR\n",
            config->file.string().c_str());
        return std::nullopt;
    }
    auto content = load_content_source_as_given(config->source, diagnostics);
    report_diagnostics(diagnostics);
    if (!content) {
        std::fprintf(stderr, "error: %s is not a content source (it needs a notices/ folder)\n",
            config->source.string().c_str());
        return std::nullopt;
    }
    // Invalid notices are left out; the valid ones still play, as they would on a screen.
    if (diagnostics.has_errors())
        std::fprintf(stderr, "warning: %d invalid notice(s) left out; run 'hallboard check %s' for details\n",
            diagnostics.error_count(), config->source.string().c_str());
    return LoadedScreen { std::move(*config), std::make_shared<const ContentSource>(std::move(*content)) };
}

} // namespace hallboard
