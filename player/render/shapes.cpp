// Coverage masks and triangle meshes with fringes.
#include "player/render/shapes.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace hallboard {

UniqueSurface make_disc_mask(int radius)
{
    if (radius <= 0)
        return nullptr;
    int const size = 2 * radius;
    UniqueSurface surface(SDL_CreateRGBSurfaceWithFormat(0, size, size, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!surface)
        return nullptr;
    // 4x4 supersampling: exact enough at every radius, including the small ones where a
    // distance-based estimate visibly flattens the curve.
    constexpr int samples = 4;
    auto const r = static_cast<float>(radius);
    for (int y = 0; y < size; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(
            static_cast<std::uint8_t*>(surface->pixels) + static_cast<std::ptrdiff_t>(y) * surface->pitch);
        for (int x = 0; x < size; ++x) {
            int inside = 0;
            for (int sy = 0; sy < samples; ++sy) {
                for (int sx = 0; sx < samples; ++sx) {
                    float const px = static_cast<float>(x) + (static_cast<float>(sx) + 0.5f) / samples - r;
                    float const py = static_cast<float>(y) + (static_cast<float>(sy) + 0.5f) / samples - r;
                    if (px * px + py * py <= r * r)
                        ++inside;
                }
            }
            auto const alpha = static_cast<std::uint32_t>((inside * 255 + samples * samples / 2) / (samples * samples));
            row[x] = (alpha << 24) | 0x00FFFFFFu;
        }
    }
    return surface;
}

namespace {

struct Vec {
    float x = 0, y = 0;
};
Vec operator+(Vec a, Vec b)
{
    return { a.x + b.x, a.y + b.y };
}
Vec operator-(Vec a, Vec b)
{
    return { a.x - b.x, a.y - b.y };
}
Vec operator*(Vec a, float s)
{
    return { a.x * s, a.y * s };
}
float dot(Vec a, Vec b)
{
    return a.x * b.x + a.y * b.y;
}
Vec normalised(Vec v)
{
    float const length = std::hypot(v.x, v.y);
    return length > 0 ? Vec { v.x / length, v.y / length } : Vec {};
}

class MeshBuilder {
public:
    MeshBuilder(TriangleMesh& mesh, Color color, float alpha_scale)
        : m_mesh(mesh)
        , m_color(color)
        , m_alpha(static_cast<float>(color.a) * alpha_scale)
    {
    }

    int vertex(Vec at, float opacity)
    {
        auto const alpha = static_cast<std::uint8_t>(std::clamp(std::lround(m_alpha * opacity), 0l, 255l));
        m_mesh.vertices.push_back(SDL_Vertex {
            SDL_FPoint { at.x, at.y }, SDL_Color { m_color.r, m_color.g, m_color.b, alpha }, SDL_FPoint { 0, 0 } });
        return static_cast<int>(m_mesh.vertices.size()) - 1;
    }
    void triangle(int a, int b, int c) { m_mesh.indices.insert(m_mesh.indices.end(), { a, b, c }); }
    void quad(int a, int b, int c, int d)
    {
        triangle(a, b, c);
        triangle(a, c, d);
    }
    // A strip along edge p-q that fades from opaque on the edge to transparent `width` outward.
    void fringe(Vec p, Vec q, Vec outward, float width)
    {
        quad(vertex(p, 1), vertex(q, 1), vertex(q + outward * width, 0), vertex(p + outward * width, 0));
    }

private:
    TriangleMesh& m_mesh;
    Color m_color;
    float m_alpha;
};

constexpr float axis_epsilon = 1e-4f;

int snap(float value)
{
    return static_cast<int>(std::lround(value));
}

} // namespace

LineGeometry line_geometry(const LineDraw& line, float dx, float dy)
{
    LineGeometry geometry;
    Vec const start { line.x1 + dx, line.y1 + dy };
    Vec const tip { line.x2 + dx, line.y2 + dy };
    Vec const along = tip - start;
    float const length = std::hypot(along.x, along.y);
    if (length < 0.01f || line.thickness <= 0)
        return geometry;
    Vec const direction = normalised(along);
    Vec const normal { -direction.y, direction.x };
    // Hairlines keep a 1 px footprint and fade instead of vanishing.
    float const thickness = std::max(line.thickness, 1.f);
    float const alpha_scale = std::min(line.thickness, 1.f);
    MeshBuilder mesh(geometry.triangles, line.color, alpha_scale);
    geometry.shaft_color = line.color;
    geometry.shaft_color.a = static_cast<std::uint8_t>(std::lround(line.color.a * alpha_scale));

    Vec shaft_end = tip;
    if (line.arrow_head) {
        float const head_length = std::min(std::max(3.5f * thickness, 10.f), length);
        float const half_width = std::max(2.25f * thickness, 6.f);
        Vec const base = tip - direction * head_length;
        Vec const corner_a = base + normal * half_width;
        Vec const corner_b = base - normal * half_width;
        mesh.triangle(mesh.vertex(tip, 1), mesh.vertex(corner_a, 1), mesh.vertex(corner_b, 1));
        Vec const centre = (tip + corner_a + corner_b) * (1.f / 3.f);
        Vec const corners[3] = { tip, corner_a, corner_b };
        for (int i = 0; i < 3; ++i) {
            Vec const p = corners[i];
            Vec const q = corners[(i + 1) % 3];
            Vec outward = normalised(Vec { -(q - p).y, (q - p).x });
            if (dot(outward, centre - p) > 0)
                outward = outward * -1.f;
            mesh.fringe(p, q, outward, 1.f);
        }
        // Overlap the head by half a pixel so no seam shows between shaft and head.
        shaft_end = base + direction * 0.5f;
        if (head_length >= length)
            return geometry;
    }

    bool const horizontal = std::abs(direction.y) < axis_epsilon;
    bool const vertical = std::abs(direction.x) < axis_epsilon;
    if (horizontal || vertical) {
        float const half = thickness / 2;
        float const x0 = horizontal ? std::min(start.x, shaft_end.x) : start.x - half;
        float const x1 = horizontal ? std::max(start.x, shaft_end.x) : start.x + half;
        float const y0 = vertical ? std::min(start.y, shaft_end.y) : start.y - half;
        float const y1 = vertical ? std::max(start.y, shaft_end.y) : start.y + half;
        int const left = snap(x0);
        int const top = snap(y0);
        geometry.shaft_rect = SDL_Rect { left, top, std::max(snap(x1) - left, 1), std::max(snap(y1) - top, 1) };
        return geometry;
    }

    float const core = thickness / 2 - 0.5f;
    if (core > 0) {
        mesh.quad(mesh.vertex(start + normal * core, 1), mesh.vertex(shaft_end + normal * core, 1),
            mesh.vertex(shaft_end - normal * core, 1), mesh.vertex(start - normal * core, 1));
    }
    mesh.fringe(start + normal * core, shaft_end + normal * core, normal, 1.f);
    mesh.fringe(start - normal * core, shaft_end - normal * core, normal * -1.f, 1.f);
    return geometry;
}

} // namespace hallboard
