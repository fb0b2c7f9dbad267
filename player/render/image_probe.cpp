// PNG IHDR and JPEG SOFn parsing, enough to refuse huge images before decoding them, and the
// EXIF orientation that says which way up a phone photo goes.
#include "player/render/image_probe.h"
#include "player/render/exif_orientation.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <string>
#include <utility>

namespace hallboard {

namespace {

std::uint32_t big_endian(const unsigned char* bytes, int count)
{
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8) | bytes[i];
    return value;
}

std::optional<ImageSize> jpeg_size(std::ifstream& in)
{
    // Walk the marker segments after SOI until a start-of-frame, which carries the size.
    in.seekg(2);
    for (int segments = 0; segments < 4096; ++segments) {
        int byte = in.get();
        while (byte != EOF && byte != 0xFF)
            byte = in.get();
        while (byte == 0xFF)
            byte = in.get();
        if (byte == EOF)
            return std::nullopt;
        int const marker = byte;
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
            continue; // markers without a length
        if (marker == 0xD9 || marker == 0xDA)
            return std::nullopt; // end of image or start of scan before any frame header
        std::array<unsigned char, 2> length_bytes {};
        if (!in.read(reinterpret_cast<char*>(length_bytes.data()), 2))
            return std::nullopt;
        auto const length = static_cast<std::streamoff>(big_endian(length_bytes.data(), 2));
        if (length < 2)
            return std::nullopt;
        bool const start_of_frame
            = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (start_of_frame) {
            std::array<unsigned char, 5> frame {};
            if (length < 7 || !in.read(reinterpret_cast<char*>(frame.data()), 5))
                return std::nullopt;
            return ImageSize { static_cast<int>(big_endian(&frame[3], 2)), static_cast<int>(big_endian(&frame[1], 2)) };
        }
        in.seekg(length - 2, std::ios::cur);
        if (!in)
            return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

std::optional<ImageProbe> probe_image(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::array<unsigned char, 24> header {};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    auto const got = in.gcount();
    in.clear();

    ImageProbe probe;
    static constexpr std::array<unsigned char, 8> png_signature { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    if (got >= 8 && std::equal(png_signature.begin(), png_signature.end(), header.begin())) {
        probe.format = ImageFormat::Png;
        if (got >= 24 && std::equal(header.begin() + 12, header.begin() + 16, "IHDR"))
            probe.size = ImageSize { static_cast<int>(big_endian(&header[16], 4)),
                static_cast<int>(big_endian(&header[20], 4)) };
        return probe;
    }
    if (got >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF) {
        probe.format = ImageFormat::Jpeg;
        std::string prefix(exif_prefix_bytes, '\0');
        in.seekg(0);
        in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
        prefix.resize(static_cast<std::size_t>(in.gcount()));
        in.clear(); // a file shorter than the prefix stops at its end
        probe.orientation = jpeg_orientation(prefix);
        probe.size = jpeg_size(in);
        // Layout and fitting work on the picture as it is shown.
        if (probe.size && orientation_swaps_sides(probe.orientation))
            std::swap(probe.size->width, probe.size->height);
        return probe;
    }
    return probe;
}

} // namespace hallboard
