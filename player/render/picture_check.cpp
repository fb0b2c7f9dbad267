// Full decoding of pictures for `check`, with the truncation libjpeg only warns about.
#include "player/render/picture_check.h"
#include "player/render/sdl_handles.h"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

namespace hallboard {

namespace {

bool is_jpeg(std::string_view bytes)
{
    return bytes.size() >= 3 && bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3);
}

bool is_png(std::string_view bytes)
{
    return bytes.rfind("\x89PNG\r\n\x1A\n", 0) == 0;
}

// libjpeg decodes a cut-short JPEG "successfully", padding the rest with grey and printing
// "premature end of data": the screen would show half a poster. A whole one has its end
// marker (FF D9) after the start of its last scan (FF DA); entropy-coded data never holds FF D9.
bool jpeg_is_cut_short(std::string_view bytes)
{
    auto last_scan = bytes.rfind(std::string_view("\xFF\xDA", 2));
    if (last_scan == std::string_view::npos)
        return true;
    return bytes.find(std::string_view("\xFF\xD9", 2), last_scan) == std::string_view::npos;
}

// A whole PNG ends with its IEND chunk; anything after it is ignored by decoders.
bool png_is_cut_short(std::string_view bytes)
{
    return bytes.find("IEND") == std::string_view::npos;
}

} // namespace

std::optional<std::string> picture_problem(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return "cannot be opened";
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string_view view(bytes);
    if (is_jpeg(view) && jpeg_is_cut_short(view))
        return "is cut short (a JPEG without its end marker): the screen would show part of it";
    if (is_png(view) && png_is_cut_short(view))
        return "is cut short (a PNG without its IEND end chunk)";
    SDL_RWops* stream = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
    if (!stream)
        return std::string("cannot be read: ") + SDL_GetError();
    UniqueSurface surface(IMG_Load_RW(stream, 1));
    if (!surface)
        return std::string("cannot be decoded: ") + IMG_GetError();
    return std::nullopt;
}

} // namespace hallboard
