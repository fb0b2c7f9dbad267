// Choosing how frames reach the screen: the accelerated renderer where a real GPU exists, the
// software path everywhere else. Pure: the evidence is gathered by the caller (screen_output).
#pragma once

#include "player/config/screen_config.h"

#include <optional>
#include <string>
#include <string_view>

namespace hallboard {

enum class RenderPath {
    Gpu,      // SDL's accelerated renderer; the frame composed in a texture, presented whole
    Software, // SDL's software renderer on the window surface; only damaged rectangles presented
};

// What is known about the machine's graphics.
struct GpuEvidence {
    std::string video_driver; // SDL's video driver: x11, wayland, kmsdrm, dummy, offscreen
    // A device node of a GPU with a 3D driver: a DRM render node (/dev/dri/renderD*) or
    // /dev/nvidia0. Empty: none. Cheap to look for, and without one Mesa can only offer a CPU
    // rasteriser, so there is no need to load OpenGL (tens of MB) to find that out.
    std::string gpu_device;
    // Filled in once an accelerated renderer was tried: its OpenGL GL_RENDERER string
    // ("llvmpipe (LLVM 15.0.6, 256 bits)", "Mesa Intel(R) UHD Graphics 620"), or SDL's renderer
    // name when it has no OpenGL string. Empty with `accelerated_error` set: it failed.
    std::optional<std::string> accelerated_renderer;
    std::string accelerated_error;
};

struct RendererChoice {
    // Try the accelerated renderer, fill in GpuEvidence::accelerated_renderer, and ask again.
    bool probe_accelerated = false;
    RenderPath path = RenderPath::Software;
    // Why, for the log line "renderer: software (auto: no GPU — OpenGL is llvmpipe)".
    std::string reason;
};

// True for renderers that draw with the CPU: Mesa's llvmpipe, softpipe and swrast, and
// "Software Rasterizer" (Apple, Microsoft's GDI Generic is "GDI Generic").
bool is_cpu_rasteriser(std::string_view renderer_name);

RendererChoice choose_renderer(RendererSetting setting, const GpuEvidence& evidence);

// "renderer: software (auto: no GPU — no render node in /dev/dri)"
std::string describe_choice(const RendererChoice& choice);

} // namespace hallboard
