// EXIF orientation: the tag parser on hand-built (and damaged) JPEG headers, the eight pixel
// turns, and a phone-style JPEG probed and drawn upright by the player.
#include "render_test_support.h"

#include "player/render/display_list_player.h"
#include "player/render/exif_orientation.h"
#include "player/render/image_probe.h"

#include <SDL_image.h>

#include <array>
#include <cstring>
#include <fstream>
#include <iterator>
#include <numeric>
#include <set>
#include <vector>

namespace hallboard {

namespace {

// ---- Building JPEG headers byte by byte -------------------------------------------------

enum class Endian {
    Little,
    Big,
};

void put(std::string& out, std::uint32_t value, int count, Endian order)
{
    for (int i = 0; i < count; ++i) {
        int const shift = 8 * (order == Endian::Big ? count - 1 - i : i);
        out.push_back(static_cast<char>((value >> shift) & 0xFF));
    }
}

struct IfdEntry {
    std::uint32_t tag = 0x0112;
    std::uint32_t type = 3; // SHORT
    std::uint32_t count = 1;
    std::uint32_t value = 1; // a SHORT, left-aligned in the 4-byte value field as TIFF wants
};

// A TIFF structure with IFD0 holding `entries`, at `directory_offset` (8: right after the header).
std::string tiff(Endian order, const std::vector<IfdEntry>& entries, std::uint32_t directory_offset = 8,
    std::uint32_t claimed_entries = 0xFFFFFFFF)
{
    std::string out = order == Endian::Little ? "II" : "MM";
    put(out, 42, 2, order);
    put(out, directory_offset, 4, order);
    // A bogus offset (past the end, into the header) still gets its directory right here.
    if (directory_offset > 8 && directory_offset <= 64)
        out.resize(directory_offset, '\0');
    put(out, claimed_entries == 0xFFFFFFFF ? static_cast<std::uint32_t>(entries.size()) : claimed_entries, 2, order);
    for (IfdEntry const& entry : entries) {
        put(out, entry.tag, 2, order);
        put(out, entry.type, 2, order);
        put(out, entry.count, 4, order);
        if (entry.type == 3) {
            put(out, entry.value, 2, order);
            put(out, 0, 2, order);
        } else {
            put(out, entry.value, 4, order);
        }
    }
    put(out, 0, 4, order); // no IFD1
    return out;
}

std::string segment(unsigned char marker, const std::string& payload)
{
    std::string out { '\xFF', static_cast<char>(marker) };
    put(out, static_cast<std::uint32_t>(payload.size() + 2), 2, Endian::Big);
    return out + payload;
}

std::string exif_segment(const std::string& tiff_bytes)
{
    return segment(0xE1, std::string("Exif\0\0", 6) + tiff_bytes);
}

std::string const soi { '\xFF', '\xD8' };
std::string const jfif = segment(0xE0, std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14));
std::string const xmp = segment(0xE1, std::string("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>", 41));
// What follows the header segments: a quantisation table and the start of the picture data.
std::string const tables_and_scan
    = segment(0xDB, std::string(65, '\x10')) + segment(0xDA, std::string(10, '\0')) + "\x12\x34";

// A camera's usual IFD0: make and model before the orientation, resolution after it.
std::vector<IfdEntry> camera_entries(int orientation)
{
    return {
        { 0x010F, 2, 6, 0x100 }, // Make: ASCII, stored elsewhere
        { 0x0110, 2, 9, 0x106 }, // Model
        { 0x0112, 3, 1, static_cast<std::uint32_t>(orientation) }, { 0x011A, 5, 1, 0x110 }, // XResolution: RATIONAL
    };
}

std::string phone_header(int orientation, Endian order)
{
    return soi + exif_segment(tiff(order, camera_entries(orientation))) + tables_and_scan;
}

} // namespace

TEST_CASE("jpeg_orientation reads every value in both byte orders")
{
    for (Endian order : { Endian::Little, Endian::Big }) {
        for (int orientation = 1; orientation <= 8; ++orientation) {
            CAPTURE(order == Endian::Little);
            CAPTURE(orientation);
            CHECK(jpeg_orientation(phone_header(orientation, order)) == orientation);
            CHECK(
                jpeg_orientation(soi + jfif + exif_segment(tiff(order, camera_entries(orientation))) + tables_and_scan)
                == orientation);
        }
    }
}

TEST_CASE("jpeg_orientation: other segments, missing tags and bogus values")
{
    auto entries_with = [](IfdEntry orientation_entry) {
        return std::vector<IfdEntry> { { 0x010F, 2, 6, 0x100 }, orientation_entry };
    };
    std::string const tiff6 = tiff(Endian::Big, camera_entries(6));
    struct Row {
        char const* name;
        std::string bytes;
        int expected;
    };
    Row const rows[] = {
        { "JFIF APP0 before the EXIF APP1", soi + jfif + exif_segment(tiff6) + tables_and_scan, 6 },
        { "XMP in an APP1 of its own first", soi + xmp + exif_segment(tiff6) + tables_and_scan, 6 },
        { "fill bytes before a marker", soi + "\xFF\xFF" + jfif + "\xFF" + exif_segment(tiff6), 6 },
        { "orientation after a larger tag (unsorted)",
            soi + exif_segment(tiff(Endian::Little, { { 0x8769, 4, 1, 0x200 }, { 0x0112, 3, 1, 8 } })), 8 },
        { "the directory further on", soi + exif_segment(tiff(Endian::Little, camera_entries(3), 20)), 3 },
        { "no orientation tag",
            soi + exif_segment(tiff(Endian::Big, { { 0x010F, 2, 6, 0x100 }, { 0x011A, 5, 1, 0x110 } })), 1 },
        { "no directory entries", soi + exif_segment(tiff(Endian::Little, {})), 1 },
        { "no EXIF segment", soi + jfif + tables_and_scan, 1 },
        { "EXIF after the picture data", soi + segment(0xDA, "xx") + exif_segment(tiff6), 1 },
        { "EXIF after EOI", soi + "\xFF\xD9" + exif_segment(tiff6), 1 },
        { "a PNG", std::string("\x89PNG\r\n\x1A\n", 8) + exif_segment(tiff6), 1 },
        { "EXIF without SOI", exif_segment(tiff6), 1 },
        { "empty", "", 1 },
        { "SOI only", soi, 1 },
        { "value 0", soi + exif_segment(tiff(Endian::Little, entries_with({ 0x0112, 3, 1, 0 }))), 1 },
        { "value 9", soi + exif_segment(tiff(Endian::Little, entries_with({ 0x0112, 3, 1, 9 }))), 1 },
        { "value 0xFFFF", soi + exif_segment(tiff(Endian::Big, entries_with({ 0x0112, 3, 1, 0xFFFF }))), 1 },
        { "value 6 in the wrong byte order",
            soi + exif_segment(tiff(Endian::Big, entries_with({ 0x0112, 3, 1, 0x0600 }))), 1 },
        { "type LONG", soi + exif_segment(tiff(Endian::Little, entries_with({ 0x0112, 4, 1, 6 }))), 1 },
        { "count 2", soi + exif_segment(tiff(Endian::Little, entries_with({ 0x0112, 3, 2, 6 }))), 1 },
        { "'Exif' without its two zero bytes", soi + segment(0xE1, "Exif" + tiff6), 1 },
        { "EXIF in APP2", soi + segment(0xE2, std::string("Exif\0\0", 6) + tiff6), 1 },
        { "byte order 'IM'", soi + exif_segment("IM" + tiff6.substr(2)), 1 },
        { "TIFF magic 43 (BigTIFF)", soi + exif_segment(tiff6.substr(0, 3) + "\x2B" + tiff6.substr(4)), 1 },
        { "directory past the segment", soi + exif_segment(tiff(Endian::Little, camera_entries(6), 4000)), 1 },
        { "directory at 0xFFFFFFFF", soi + exif_segment(tiff(Endian::Big, camera_entries(6), 0xFFFFFFFF)), 1 },
        { "directory inside the header", soi + exif_segment(tiff(Endian::Little, camera_entries(6), 0)), 1 },
        { "more entries claimed than there are",
            soi + exif_segment(tiff(Endian::Little, { { 0x010F, 2, 6, 0x100 } }, 8, 0xFFFF)), 1 },
        { "segment length 0", soi + "\xFF\xE1" + std::string(2, '\0') + "Exif" + tiff6, 1 },
        { "segment length past the end", soi + "\xFF\xE1\xFF\xF0" + std::string("Exif\0\0", 6) + tiff6, 1 },
        { "garbage instead of a marker", soi + "ab" + exif_segment(tiff6), 1 },
    };
    for (Row const& row : rows) {
        CAPTURE(row.name);
        CHECK(jpeg_orientation(row.bytes) == row.expected);
    }
}

TEST_CASE("jpeg_orientation on a header cut short or damaged: 1 or a valid value, never a crash")
{
    for (Endian order : { Endian::Little, Endian::Big }) {
        std::string const header = soi + jfif + exif_segment(tiff(order, camera_entries(6)));
        CAPTURE(order == Endian::Little);
        REQUIRE(jpeg_orientation(header) == 6);
        SUBCASE("every truncation")
        {
            // Each cut is copied to a buffer of its own size, so reading past it is caught by ASan.
            for (std::size_t length = 0; length < header.size(); ++length) {
                CAPTURE(length);
                std::vector<char> const cut(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(length));
                CHECK(jpeg_orientation(std::string_view(cut.data(), cut.size())) == 1);
            }
        }
        SUBCASE("every single bit flipped")
        {
            std::set<int> seen;
            for (std::size_t index = 0; index < header.size(); ++index) {
                for (int bit = 0; bit < 8; ++bit) {
                    std::vector<char> damaged(header.begin(), header.end());
                    damaged[index] = static_cast<char>(damaged[index] ^ (1 << bit));
                    int const orientation = jpeg_orientation(std::string_view(damaged.data(), damaged.size()));
                    CHECK(orientation >= 1);
                    CHECK(orientation <= 8);
                    seen.insert(orientation);
                }
            }
            // Flips in the value itself give other valid orientations: the damage was really read.
            CHECK(seen.size() >= 4);
        }
        SUBCASE("random bytes over the TIFF part")
        {
            std::uint32_t state = 12345;
            auto next = [&] { return state = state * 1664525u + 1013904223u; };
            std::size_t const tiff_start = soi.size() + jfif.size() + 4 + 6;
            for (int round = 0; round < 2000; ++round) {
                std::vector<char> damaged(header.begin(), header.end());
                for (int n = 0; n < 4; ++n)
                    damaged[tiff_start + next() % (header.size() - tiff_start)] = static_cast<char>(next() >> 24);
                int const orientation = jpeg_orientation(std::string_view(damaged.data(), damaged.size()));
                CHECK((orientation >= 1 && orientation <= 8));
            }
        }
    }
}

// ---- Pixels ------------------------------------------------------------------------------

TEST_CASE("orient_pixels turns a 3x2 picture each of the eight ways")
{
    // 1 2 3
    // 4 5 6
    std::vector<std::uint32_t> const stored { 1, 2, 3, 4, 5, 6 };
    struct Row {
        int orientation;
        int width, height; // upright
        std::vector<std::uint32_t> upright;
    };
    Row const rows[] = {
        { 1, 3, 2, { 1, 2, 3, 4, 5, 6 } },
        { 2, 3, 2, { 3, 2, 1, 6, 5, 4 } }, // mirrored left-right
        { 3, 3, 2, { 6, 5, 4, 3, 2, 1 } }, // half a turn
        { 4, 3, 2, { 4, 5, 6, 1, 2, 3 } }, // mirrored top-bottom
        { 5, 2, 3, { 1, 4, 2, 5, 3, 6 } }, // transposed
        { 6, 2, 3, { 4, 1, 5, 2, 6, 3 } }, // a quarter turn clockwise
        { 7, 2, 3, { 6, 3, 5, 2, 4, 1 } }, // transverse
        { 8, 2, 3, { 3, 6, 2, 5, 1, 4 } }, // a quarter turn counter-clockwise
        { 0, 3, 2, { 1, 2, 3, 4, 5, 6 } }, // out of range: as stored
        { 9, 3, 2, { 1, 2, 3, 4, 5, 6 } },
    };
    for (Row const& row : rows) {
        CAPTURE(row.orientation);
        CHECK(orientation_swaps_sides(row.orientation) == (row.width == 2));
        std::vector<std::uint32_t> upright(6, 0);
        orient_pixels(stored.data(), 3, 2, 3, upright.data(), row.width, row.orientation);
        CHECK(upright == row.upright);
    }
}

TEST_CASE("orient_pixels honours strides and each turn has its inverse")
{
    int constexpr width = 5, height = 3, stored_stride = 7, upright_stride = 9;
    std::uint32_t constexpr padding = 0xDEADBEEF;
    std::vector<std::uint32_t> stored(stored_stride * height, padding);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            stored[static_cast<std::size_t>(y * stored_stride + x)] = static_cast<std::uint32_t>(100 + y * width + x);
    int const inverse[9] = { 0, 1, 2, 3, 4, 5, 8, 7, 6 };
    for (int orientation = 1; orientation <= 8; ++orientation) {
        CAPTURE(orientation);
        bool const swap = orientation_swaps_sides(orientation);
        int const upright_width = swap ? height : width;
        int const upright_height = swap ? width : height;
        std::vector<std::uint32_t> upright(static_cast<std::size_t>(upright_stride * upright_height), padding);
        orient_pixels(stored.data(), width, height, stored_stride, upright.data(), upright_stride, orientation);
        // Every pixel lands once, and the padding between rows stays untouched.
        std::multiset<std::uint32_t> values;
        for (int v = 0; v < upright_height; ++v) {
            for (int u = 0; u < upright_stride; ++u) {
                std::uint32_t const value = upright[static_cast<std::size_t>(v * upright_stride + u)];
                if (u < upright_width)
                    values.insert(value);
                else
                    CHECK(value == padding);
            }
        }
        std::multiset<std::uint32_t> expected;
        for (int i = 0; i < width * height; ++i)
            expected.insert(static_cast<std::uint32_t>(100 + i));
        CHECK(values == expected);
        // Turning the upright picture by the inverse orientation gives the stored one back.
        std::vector<std::uint32_t> back(stored.size(), padding);
        orient_pixels(upright.data(), upright_width, upright_height, upright_stride, back.data(), stored_stride,
            inverse[orientation]);
        CHECK(back == stored);
    }
}

TEST_CASE("stored_rect finds exactly the stored pixels of an upright rectangle")
{
    int constexpr width = 6, height = 4;
    std::vector<std::uint32_t> stored(width * height);
    std::iota(stored.begin(), stored.end(), 0u); // each pixel holds its own index
    SDL_Rect const rects[] = { { 0, 0, 1, 1 }, { 1, 0, 2, 3 }, { 0, 1, 4, 2 }, { 2, 2, 1, 2 } };
    for (int orientation = 1; orientation <= 8; ++orientation) {
        bool const swap = orientation_swaps_sides(orientation);
        int const upright_width = swap ? height : width;
        std::vector<std::uint32_t> upright(stored.size());
        orient_pixels(stored.data(), width, height, width, upright.data(), upright_width, orientation);
        for (SDL_Rect const& rect : rects) {
            CAPTURE(orientation);
            CAPTURE(rect.x);
            CAPTURE(rect.y);
            CAPTURE(rect.w);
            CAPTURE(rect.h);
            std::set<std::uint32_t> shown;
            for (int v = rect.y; v < rect.y + rect.h; ++v)
                for (int u = rect.x; u < rect.x + rect.w; ++u)
                    shown.insert(upright[static_cast<std::size_t>(v * upright_width + u)]);
            SDL_Rect const source = stored_rect(rect, width, height, orientation);
            std::set<std::uint32_t> covered;
            for (int y = source.y; y < source.y + source.h; ++y)
                for (int x = source.x; x < source.x + source.w; ++x)
                    covered.insert(static_cast<std::uint32_t>(y * width + x));
            CHECK(source.x >= 0);
            CHECK(source.y >= 0);
            CHECK(shown == covered);
        }
    }
}

TEST_CASE("upright_surface turns an SDL surface, converting 3-byte pixels")
{
    test::session();
    for (Uint32 format : { SDL_PIXELFORMAT_RGB24, SDL_PIXELFORMAT_ARGB8888, SDL_PIXELFORMAT_ABGR8888 }) {
        CAPTURE(SDL_GetPixelFormatName(format));
        // 3x2: red green blue / white black grey.
        UniqueSurface stored(SDL_CreateRGBSurfaceWithFormat(0, 3, 2, 32, format));
        REQUIRE(stored);
        Color const colors[6] = { { 255, 0, 0, 255 }, { 0, 255, 0, 255 }, { 0, 0, 255, 255 }, { 255, 255, 255, 255 },
            { 0, 0, 0, 255 }, { 128, 128, 128, 255 } };
        for (int i = 0; i < 6; ++i) {
            SDL_Rect const pixel { i % 3, i / 3, 1, 1 };
            SDL_FillRect(stored.get(), &pixel, SDL_MapRGB(stored->format, colors[i].r, colors[i].g, colors[i].b));
        }
        UniqueSurface upright = upright_surface(stored.get(), 6);
        REQUIRE(upright);
        CHECK(upright->w == 2);
        CHECK(upright->h == 3);
        CHECK(upright->format->BytesPerPixel == 4);
        if (stored->format->BytesPerPixel == 4)
            CHECK(upright->format->format == format);
        // A quarter turn clockwise: white red / black green / grey blue.
        int const expected[6] = { 3, 0, 4, 1, 5, 2 };
        for (int i = 0; i < 6; ++i) {
            CAPTURE(i);
            Uint32 value = 0;
            std::memcpy(&value, static_cast<Uint8*>(upright->pixels) + (i / 2) * upright->pitch + (i % 2) * 4, 4);
            Color got { 0, 0, 0, 255 };
            SDL_GetRGB(value, upright->format, &got.r, &got.g, &got.b);
            CHECK(got == colors[expected[i]]);
        }
    }
}

// ---- A phone photo, end to end ----------------------------------------------------------

namespace {

constexpr Color red { 230, 20, 20, 255 };
constexpr Color blue { 20, 40, 220, 255 };
constexpr Color green { 20, 170, 40, 255 };
constexpr Color yellow { 250, 210, 20, 255 };
constexpr Color white { 255, 255, 255, 255 };

// A JPEG of `width` x `height` filled by `paint`, with an EXIF APP1 carrying `orientation`
// spliced right after SOI as a phone writes it (0: no EXIF at all).
std::filesystem::path write_phone_jpeg(const test::ScratchDir& dir, const std::string& name, int width, int height,
    int orientation, Endian order, void (*paint)(SDL_Surface*))
{
    UniqueSurface surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    REQUIRE(surface);
    paint(surface.get());
    auto const plain = dir / ("plain-" + name);
    REQUIRE(IMG_SaveJPG(surface.get(), plain.c_str(), 95) == 0);
    std::ifstream in(plain, std::ios::binary);
    std::string bytes { std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>() };
    REQUIRE(bytes.size() > 2);
    REQUIRE(bytes.substr(0, 2) == soi);
    if (orientation != 0)
        bytes.insert(2, exif_segment(tiff(order, camera_entries(orientation))));
    auto const path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

void fill(SDL_Surface* surface, SDL_Rect rect, Color c)
{
    SDL_FillRect(surface, &rect, SDL_MapRGBA(surface->format, c.r, c.g, c.b, c.a));
}

// Quadrants on block boundaries (16 px), so JPEG keeps them flat: red blue / green yellow.
void paint_quadrants(SDL_Surface* s)
{
    int const w = s->w / 2, h = s->h / 2;
    fill(s, { 0, 0, w, h }, red);
    fill(s, { w, 0, w, h }, blue);
    fill(s, { 0, h, w, h }, green);
    fill(s, { w, h, w, h }, yellow);
}

// Three vertical bands: red, blue, green from left to right.
void paint_bands(SDL_Surface* s)
{
    int const w = s->w / 3;
    fill(s, { 0, 0, w, s->h }, red);
    fill(s, { w, 0, w, s->h }, blue);
    fill(s, { 2 * w, 0, w, s->h }, green);
}

bool jpeg_near(Color got, Color expected)
{
    return test::near_color(got, expected, 40);
}

} // namespace

TEST_CASE("A sideways phone photo is probed and drawn upright")
{
    test::session();
    test::ScratchDir dir;
    // Stored 64x32: red blue / green yellow. Each row: the upright quadrants, as a person
    // turning the printed photo by hand would see them.
    struct Row {
        int orientation; // 0: no EXIF
        Color top_left, top_right, bottom_left, bottom_right;
    };
    Row const rows[] = {
        { 0, red, blue, green, yellow },
        { 1, red, blue, green, yellow },
        { 2, blue, red, yellow, green },
        { 3, yellow, green, blue, red },
        { 4, green, yellow, red, blue },
        { 5, red, green, blue, yellow },
        { 6, green, red, yellow, blue },
        { 7, yellow, blue, green, red },
        { 8, blue, yellow, red, green },
    };
    for (Row const& row : rows) {
        CAPTURE(row.orientation);
        Endian const order = row.orientation % 2 ? Endian::Big : Endian::Little;
        auto const path = write_phone_jpeg(
            dir, "photo" + std::to_string(row.orientation) + ".jpg", 64, 32, row.orientation, order, paint_quadrants);

        bool const sideways = orientation_swaps_sides(row.orientation);
        auto const probe = probe_image(path);
        REQUIRE(probe);
        CHECK(probe->format == ImageFormat::Jpeg);
        CHECK(probe->orientation == std::max(row.orientation, 1));
        REQUIRE(probe->size);
        int const width = sideways ? 32 : 64;
        int const height = sideways ? 64 : 32;
        CHECK(probe->size->width == width);
        CHECK(probe->size->height == height);

        // Drawn three times larger into a box of the upright shape: contain fills it exactly.
        OffscreenCanvas canvas(220, 220);
        canvas.clear(white);
        DisplayListPlayer player(canvas.renderer(), test::fonts());
        DisplayList list;
        int const left = 10, top = 10;
        list.image(Rect { static_cast<float>(left), static_cast<float>(top), static_cast<float>(3 * width),
                       static_cast<float>(3 * height) },
            path.string(), ImageFit::Contain);
        player.play(list);
        int const x0 = left + 3 * width / 4, x1 = left + 9 * width / 4;
        int const y0 = top + 3 * height / 4, y1 = top + 9 * height / 4;
        CHECK(jpeg_near(canvas.pixel(x0, y0), row.top_left));
        CHECK(jpeg_near(canvas.pixel(x1, y0), row.top_right));
        CHECK(jpeg_near(canvas.pixel(x0, y1), row.bottom_left));
        CHECK(jpeg_near(canvas.pixel(x1, y1), row.bottom_right));
        // The picture ends where the upright shape says, not where the stored one would.
        CHECK(canvas.pixel(left + 3 * width - 2, top + 3 * height - 2) != white);
        CHECK(canvas.pixel(left + 3 * width + 1, top + 2) == white);
        CHECK(canvas.pixel(left + 2, top + 3 * height + 1) == white);
    }
}

TEST_CASE("Cover crops a sideways photo across its upright height")
{
    test::session();
    test::ScratchDir dir;
    // Stored 96x32 in bands red | blue | green; turned a quarter clockwise (6) it stands 32x96
    // with red at the top. Covering 100x150 scales it to 100x300 and keeps rows 75..225:
    // 25 px of red, 100 of blue, 25 of green.
    struct Row {
        int orientation;
        Color top, bottom;
    };
    Row const rows[] = {
        { 6, red, green }, { 8, green, red }, // a quarter counter-clockwise: the first band ends at the bottom
    };
    for (Row const& row : rows) {
        CAPTURE(row.orientation);
        auto const path = write_phone_jpeg(dir, "bands" + std::to_string(row.orientation) + ".jpg", 96, 32,
            row.orientation, Endian::Little, paint_bands);
        OffscreenCanvas canvas(120, 170);
        canvas.clear(white);
        DisplayListPlayer player(canvas.renderer(), test::fonts());
        DisplayList list;
        list.image(Rect { 10, 10, 100, 150 }, path.string(), ImageFit::Cover);
        player.play(list);
        for (int x : { 20, 60, 100 }) {
            CAPTURE(x);
            CHECK(jpeg_near(canvas.pixel(x, 10 + 8), row.top));
            CHECK(jpeg_near(canvas.pixel(x, 10 + 50), blue));
            CHECK(jpeg_near(canvas.pixel(x, 10 + 100), blue));
            CHECK(jpeg_near(canvas.pixel(x, 10 + 150 - 8), row.bottom));
        }
        CHECK(canvas.pixel(9, 80) == white);
        CHECK(canvas.pixel(110, 80) == white);
    }
}

} // namespace hallboard
