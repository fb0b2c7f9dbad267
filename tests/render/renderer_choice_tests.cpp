// The render path decision: what the config asks, what the machine has, and the reason logged.
#include "player/render/renderer_choice.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace hallboard {

TEST_CASE("the render path follows the setting and the machine's GPU")
{
    struct Case {
        char const* name;
        RendererSetting setting;
        char const* video_driver;
        char const* gpu_device;
        std::optional<std::string> accelerated; // GL_RENDERER once probed; "" when it failed
        bool probe;
        RenderPath path;
        char const* reason_part;
    };
    Case const cases[] = {
        { "software asked for: never touches OpenGL", RendererSetting::Software, "x11", "/dev/dri/renderD128 (i915)",
            std::nullopt, false, RenderPath::Software, "config: display.renderer is software" },
        { "auto, no render node: software without loading OpenGL", RendererSetting::Auto, "x11", "", std::nullopt,
            false, RenderPath::Software, "auto: no GPU — no render node in /dev/dri" },
        { "auto, dummy driver (tests, headless)", RendererSetting::Auto, "dummy", "/dev/dri/renderD128 (i915)",
            std::nullopt, false, RenderPath::Software, "'dummy' video driver has no GPU" },
        { "auto, a render node: try the accelerated renderer first", RendererSetting::Auto, "x11",
            "/dev/dri/renderD128 (i915)", std::nullopt, true, RenderPath::Gpu, "renderD128" },
        { "auto, the render node's OpenGL is a real GPU", RendererSetting::Auto, "x11", "/dev/dri/renderD128 (i915)",
            "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", false, RenderPath::Gpu,
            "auto: OpenGL is Mesa Intel(R) UHD Graphics 620" },
        { "auto, a render node but OpenGL is llvmpipe (a VM's virtio without virgl)", RendererSetting::Auto, "x11",
            "/dev/dri/renderD128 (virtio_gpu)", "llvmpipe (LLVM 15.0.6, 256 bits)", false, RenderPath::Software,
            "auto: no GPU — OpenGL is llvmpipe" },
        { "auto, softpipe", RendererSetting::Auto, "x11", "/dev/dri/renderD128", "softpipe", false,
            RenderPath::Software, "softpipe" },
        { "auto, the accelerated renderer failed", RendererSetting::Auto, "wayland", "/dev/nvidia0", "", false,
            RenderPath::Software, "no accelerated renderer could be made: GLX is missing" },
        { "gpu asked for: tried even without a render node", RendererSetting::Gpu, "x11", "", std::nullopt, true,
            RenderPath::Gpu, "config: display.renderer is gpu" },
        { "gpu asked for, a real GPU", RendererSetting::Gpu, "x11", "/dev/dri/renderD128 (amdgpu)",
            "AMD Radeon Graphics (radeonsi)", false, RenderPath::Gpu, "OpenGL is AMD Radeon Graphics" },
        { "gpu asked for and llvmpipe is all there is: obeyed, with a warning", RendererSetting::Gpu, "x11", "",
            "llvmpipe (LLVM 15.0.6, 256 bits)", false, RenderPath::Gpu, "draws with the CPU: expect high CPU use" },
        { "gpu asked for and it failed: software rather than no picture", RendererSetting::Gpu, "x11", "", "", false,
            RenderPath::Software, "config asks for gpu, but no accelerated renderer could be made" },
    };
    for (auto const& c : cases) {
        SUBCASE(c.name)
        {
            GpuEvidence evidence;
            evidence.video_driver = c.video_driver;
            evidence.gpu_device = c.gpu_device;
            evidence.accelerated_renderer = c.accelerated;
            if (c.accelerated && c.accelerated->empty())
                evidence.accelerated_error = "GLX is missing";
            auto choice = choose_renderer(c.setting, evidence);
            CHECK(choice.probe_accelerated == c.probe);
            if (!c.probe)
                CHECK(choice.path == c.path);
            INFO("reason: " << choice.reason);
            CHECK(choice.reason.find(c.reason_part) != std::string::npos);
        }
    }
}

TEST_CASE("CPU rasterisers are told from GPUs by their OpenGL renderer string")
{
    struct Case {
        char const* name;
        bool cpu;
    };
    Case const cases[] = {
        { "llvmpipe (LLVM 15.0.6, 256 bits)", true },
        { "softpipe", true },
        { "Mesa DRI swrast", true },
        { "Apple Software Renderer", false }, // not a name we know: trusted
        { "Software Rasterizer", true },
        { "GDI Generic", true },
        { "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", false },
        { "V3D 4.2", false },
        { "virgl (Mesa Intel(R) Xe Graphics)", false },
        { "NVIDIA GeForce GT 1030/PCIe/SSE2", false },
    };
    for (auto const& c : cases) {
        CAPTURE(c.name);
        CHECK(is_cpu_rasteriser(c.name) == c.cpu);
    }
}

TEST_CASE("the log line says the path and why, on one line")
{
    RendererChoice choice { false, RenderPath::Software, "auto: no GPU — OpenGL is llvmpipe" };
    CHECK(describe_choice(choice) == "renderer: software (auto: no GPU — OpenGL is llvmpipe)");
    choice.path = RenderPath::Gpu;
    choice.reason = "auto: OpenGL is V3D 4.2";
    CHECK(describe_choice(choice) == "renderer: gpu (auto: OpenGL is V3D 4.2)");
}

} // namespace hallboard
