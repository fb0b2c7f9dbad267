// FontSet: lazily opened SDL_ttf sizes over one memory mapping per font file.
#include "player/render/font_set.h"

#include "player/log/log.h"
#include "player/render/font_resolver.h"

#include <algorithm>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hallboard {

// The font file mapped read-only: every open size reads from the same pages, and the kernel
// shares them with any other process using the font.
struct FontSet::MappedFile {
    void* data = MAP_FAILED;
    std::size_t size = 0;

    static std::shared_ptr<MappedFile> map(const std::string& path)
    {
        int const fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return nullptr;
        struct stat info { };
        auto file = std::make_shared<MappedFile>();
        if (::fstat(fd, &info) == 0 && info.st_size > 0) {
            file->size = static_cast<std::size_t>(info.st_size);
            file->data = ::mmap(nullptr, file->size, PROT_READ, MAP_PRIVATE, fd, 0);
        }
        ::close(fd);
        if (file->data == MAP_FAILED)
            return nullptr;
        return file;
    }
    ~MappedFile()
    {
        if (data != MAP_FAILED)
            ::munmap(data, size);
    }
};

namespace {

constexpr std::size_t max_cached_widths = 16384;
constexpr int max_pixel_size = 2000; // larger sizes are clamped: nothing on a screen needs more

std::string describe_face(const FontFace& face)
{
    return face.file + "#" + std::to_string(face.index) + " (" + face.family + ")";
}

int clamp_size(int pixel_size) { return std::clamp(pixel_size, 1, max_pixel_size); }

} // namespace

std::unique_ptr<FontSet> FontSet::open(const std::vector<std::string>& families)
{
    std::optional<ResolvedFonts> resolved = resolve_fonts(families);
    if (!resolved) {
        log_error("no installed font covers Chinese (U+4E2D); install fonts-noto-cjk or fonts-wqy-microhei");
        return nullptr;
    }
    for (std::string const& family : resolved->missing)
        log_warning("font family '" + family + "' is not installed or has no Chinese glyphs; using a fallback");

    auto regular_data = MappedFile::map(resolved->regular.file);
    if (!regular_data) {
        log_error("cannot read font file " + resolved->regular.file);
        return nullptr;
    }
    auto bold_data = regular_data;
    if (resolved->real_bold && resolved->bold.file != resolved->regular.file) {
        bold_data = MappedFile::map(resolved->bold.file);
        if (!bold_data) {
            log_warning("cannot read bold font file " + resolved->bold.file + "; synthesising bold");
            resolved->bold = resolved->regular;
            resolved->real_bold = false;
            bold_data = regular_data;
        }
    }

    std::unique_ptr<FontSet> set(new FontSet(resolved->regular, resolved->bold, resolved->real_bold,
        std::move(regular_data), std::move(bold_data)));
    // Open one size now so that a file SDL_ttf cannot read fails here, not mid-render.
    if (!set->font(FontSpec { 40, FontWeight::Regular })) {
        log_error("SDL_ttf cannot open font " + describe_face(set->m_regular) + ": " + TTF_GetError());
        return nullptr;
    }
    log_info("fonts: regular " + describe_face(set->m_regular) + ", bold "
        + (set->m_real_bold ? describe_face(set->m_bold) : std::string("synthesised from regular")));
    return set;
}

FontSet::FontSet(FontFace regular, FontFace bold, bool real_bold, std::shared_ptr<MappedFile> regular_data,
    std::shared_ptr<MappedFile> bold_data)
    : m_regular(std::move(regular))
    , m_bold(std::move(bold))
    , m_real_bold(real_bold)
    , m_regular_data(std::move(regular_data))
    , m_bold_data(std::move(bold_data))
{
}

FontSet::~FontSet()
{
    for (OpenFont& open_font : m_open)
        TTF_CloseFont(open_font.font);
}

TTF_Font* FontSet::font(FontSpec spec)
{
    spec.pixel_size = clamp_size(spec.pixel_size);
    auto it = std::find_if(m_open.begin(), m_open.end(), [&](const OpenFont& open_font) { return open_font.spec == spec; });
    if (it != m_open.end()) {
        m_open.splice(m_open.begin(), m_open, it);
        return it->font;
    }

    bool const bold = spec.weight == FontWeight::Bold;
    bool const bold_face = bold && m_real_bold;
    MappedFile const& file = bold_face ? *m_bold_data : *m_regular_data;
    FontFace const& face = bold_face ? m_bold : m_regular;
    SDL_RWops* stream = SDL_RWFromConstMem(file.data, static_cast<int>(file.size));
    if (!stream)
        return nullptr;
    // SDL_ttf sizes are points at 72 dpi, which makes the point size the em size in pixels.
    TTF_Font* font = TTF_OpenFontIndexRW(stream, 1, spec.pixel_size, face.index);
    if (!font)
        return nullptr;
    // Light hinting snaps to the pixel grid vertically only: the many horizontal strokes of Han
    // glyphs stay crisp (unhinted they blur at body sizes), while shapes and advance widths stay
    // as designed, so measured widths scale with the size.
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    if (bold && !bold_face)
        TTF_SetFontStyle(font, TTF_STYLE_BOLD);

    m_open.push_front(OpenFont { spec, font });
    while (m_open.size() > max_open_sizes) {
        TTF_CloseFont(m_open.back().font);
        m_open.pop_back();
    }
    return font;
}

float FontSet::width(std::string_view utf8, FontSpec spec)
{
    if (utf8.empty())
        return 0;
    spec.pixel_size = clamp_size(spec.pixel_size);
    std::string key;
    key.reserve(utf8.size() + 8);
    key += spec.weight == FontWeight::Bold ? 'b' : 'r';
    key += std::to_string(spec.pixel_size);
    key += '|';
    key += utf8;
    if (auto it = m_width_cache.find(key); it != m_width_cache.end())
        return it->second;

    TTF_Font* font = this->font(spec);
    if (!font)
        return 0;
    std::string const text(utf8); // SDL_ttf wants a terminated string
    int w = 0;
    int h = 0;
    if (TTF_SizeUTF8(font, text.c_str(), &w, &h) != 0)
        return 0;
    if (m_width_cache.size() >= max_cached_widths)
        m_width_cache.clear(); // cheaper than LRU bookkeeping; layout refills what it needs
    m_width_cache.emplace(std::move(key), static_cast<float>(w));
    return static_cast<float>(w);
}

// Layout centres text on ascent + descent. The font's own ascent and descent (1.175 and
// 0.275 em for Noto Sans CJK) leave room for accents Chinese text never has, which would sit
// Han glyphs visibly low in their boxes; the ideographic em box (0.88 up, 0.12 down) is where
// Han characters and digits actually are. The renderer places glyphs with the font's real
// metrics, so this only affects where layout puts baselines.
float FontSet::ascent(FontSpec spec)
{
    return 0.88f * static_cast<float>(spec.pixel_size);
}

float FontSet::descent(FontSpec spec)
{
    return 0.12f * static_cast<float>(spec.pixel_size);
}

float FontSet::surface_ascent(FontSpec spec)
{
    TTF_Font* font = this->font(spec);
    return font ? static_cast<float>(TTF_FontAscent(font)) : ascent(spec);
}

} // namespace hallboard
