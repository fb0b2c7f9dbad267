// The render path decision, from the config setting and what the machine has.
#include "player/render/renderer_choice.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace hallboard {

namespace {

std::string lowercase(std::string_view text)
{
    std::string lower(text);
    std::transform(
        lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

// "llvmpipe (LLVM 15.0.6, 256 bits)" -> "llvmpipe": the version in brackets says nothing here.
std::string short_name(std::string_view renderer_name)
{
    auto bracket = renderer_name.find(" (");
    return std::string(renderer_name.substr(0, bracket));
}

std::string opengl_is(const GpuEvidence& evidence)
{
    return "OpenGL is " + short_name(*evidence.accelerated_renderer);
}

RendererChoice use(RenderPath path, std::string reason)
{
    return { false, path, std::move(reason) };
}

} // namespace

bool is_cpu_rasteriser(std::string_view renderer_name)
{
    static constexpr std::array<std::string_view, 6> cpu_names { "llvmpipe", "softpipe", "swrast",
        "software rasterizer", "gdi generic", "lavapipe" };
    auto const lower = lowercase(renderer_name);
    return std::any_of(cpu_names.begin(), cpu_names.end(),
        [&](std::string_view name) { return lower.find(name) != std::string::npos; });
}

RendererChoice choose_renderer(RendererSetting setting, const GpuEvidence& evidence)
{
    if (setting == RendererSetting::Software)
        return use(RenderPath::Software, "config: display.renderer is software");

    bool const probed = evidence.accelerated_renderer.has_value();
    bool const failed = probed && evidence.accelerated_renderer->empty();
    if (setting == RendererSetting::Gpu) {
        if (!probed)
            return { true, RenderPath::Gpu, "config: display.renderer is gpu" };
        if (failed)
            return use(RenderPath::Software,
                "config asks for gpu, but no accelerated renderer could be made: " + evidence.accelerated_error);
        if (is_cpu_rasteriser(*evidence.accelerated_renderer))
            return use(RenderPath::Gpu,
                "config: display.renderer is gpu; " + opengl_is(evidence)
                    + ", which draws with the CPU: expect high CPU use");
        return use(RenderPath::Gpu, "config: display.renderer is gpu; " + opengl_is(evidence));
    }

    // Auto.
    if (evidence.video_driver == "dummy" || evidence.video_driver == "offscreen")
        return use(RenderPath::Software, "auto: the '" + evidence.video_driver + "' video driver has no GPU");
    if (evidence.gpu_device.empty())
        return use(RenderPath::Software,
            "auto: no GPU — no render node in /dev/dri, so OpenGL could only be a CPU rasteriser");
    if (!probed)
        return { true, RenderPath::Gpu, "auto: " + evidence.gpu_device };
    if (failed)
        return use(RenderPath::Software,
            "auto: " + evidence.gpu_device
                + " exists, but no accelerated renderer could be made: " + evidence.accelerated_error);
    if (is_cpu_rasteriser(*evidence.accelerated_renderer))
        return use(RenderPath::Software, "auto: no GPU — " + opengl_is(evidence));
    return use(RenderPath::Gpu, "auto: " + opengl_is(evidence));
}

std::string describe_choice(const RendererChoice& choice)
{
    return std::string("renderer: ") + (choice.path == RenderPath::Gpu ? "gpu" : "software") + " (" + choice.reason
        + ")";
}

} // namespace hallboard
