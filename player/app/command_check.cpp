// `hallboard check PATH... [--size WxH]`: validates content sources, screen configs, themes and
// single notice files, printing every problem as file:line:col; with --size, also lays out
// every slide with the real fonts and reports any that cannot fit.
#include "player/app/command_line.h"
#include "player/app/commands.h"

#include "player/config/path_check.h"
#include "player/render/picture_check.h"
#include "player/render/real_font_fit_check.h"
#include "player/screen/local_clock.h"

#include <cstdio>

namespace hallboard {

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
            std::fprintf(stderr, "error: --size '%s' is not a size (write it like 1920x1080)\n",
                command_line->option("--size").c_str());
            return exit_invalid;
        }
    }

    ContentCheckOptions options;
    options.today = SystemClock().now().local.date;
    options.picture_problem = picture_problem;
    CheckRun run;
    for (auto const& argument : command_line->positional)
        check_path(argument, options, run);
    if (size && (!run.sources.empty() || !run.halls.empty()))
        check_fit_with_real_fonts(run, *size);
    if (size)
        warn_nothing_to_lay_out(run, *size);

    for (auto const& line : run.report.lines)
        std::printf("%s\n", line.c_str());
    auto const& diagnostics = run.report.diagnostics;
    report_diagnostics(diagnostics);
    if (diagnostics.has_errors()) {
        std::fprintf(stderr, "%d error(s), %d warning(s)\n", diagnostics.error_count(), diagnostics.warning_count());
        return exit_invalid;
    }
    return exit_ok;
}

} // namespace hallboard
