// FontSet: one SDL_ttf font per weight, resized on demand, read from one open file per face.
#include "player/render/font_set.h"

#include "base/log.h"
#include "base/unique_fd.h"
#include "player/render/font_resolver.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hallboard {

// The font file, open once and read with pread(): SDL_ttf hands FreeType a read callback even
// for fonts in memory, so FreeType copies what it keeps (the face's tables, a glyph's outline
// while it loads it) either way. Reading the file rather than mapping it costs a system call
// per read and leaves out of this process the 10-15 MB of a CJK font's pages that the glyphs
// used touch, which a mapping would keep in its resident memory. The page cache, shared with
// every process, holds them in both cases.
struct FontSet::FontFile {
    UniqueFd fd;
    Sint64 size = 0;

    static std::shared_ptr<FontFile> open(const std::string& path)
    {
        auto file = std::make_shared<FontFile>();
        file->fd.reset(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (!file->fd)
            return nullptr;
        struct stat info { };
        if (::fstat(file->fd.get(), &info) != 0 || info.st_size <= 0)
            return nullptr;
        file->size = static_cast<Sint64>(info.st_size);
        return file;
    }

    // A stream over the file with a position of its own (SDL_ttf seeks before every read), for
    // one TTF_Font, which closes it. The file must outlive it.
    SDL_RWops* stream() const
    {
        SDL_RWops* ops = SDL_AllocRW();
        if (!ops)
            return nullptr;
        ops->type = SDL_RWOPS_UNKNOWN;
        ops->hidden.unknown.data1 = const_cast<FontFile*>(this);
        ops->hidden.unknown.data2 = new Sint64(0); // the position
        ops->size = [](SDL_RWops* self) { return file_of(self).size; };
        ops->seek = [](SDL_RWops* self, Sint64 offset, int whence) -> Sint64 {
            Sint64& position = position_of(self);
            Sint64 const base = whence == RW_SEEK_SET ? 0 : whence == RW_SEEK_CUR ? position : file_of(self).size;
            if (base + offset < 0)
                return SDL_SetError("font file: seek before the start");
            position = base + offset;
            return position;
        };
        ops->read = [](SDL_RWops* self, void* buffer, size_t item_size, size_t count) -> size_t {
            if (item_size == 0 || count == 0)
                return 0;
            Sint64& position = position_of(self);
            size_t const wanted = item_size * count;
            size_t done = 0;
            while (done < wanted) {
                ssize_t const got = ::pread(file_of(self).fd.get(), static_cast<char*>(buffer) + done, wanted - done,
                    static_cast<off_t>(position + static_cast<Sint64>(done)));
                if (got < 0 && errno == EINTR)
                    continue;
                if (got <= 0)
                    break;
                done += static_cast<size_t>(got);
            }
            position += static_cast<Sint64>(done);
            return done / item_size;
        };
        ops->write = [](SDL_RWops*, const void*, size_t, size_t) -> size_t { return 0; };
        ops->close = [](SDL_RWops* self) -> int {
            delete &position_of(self);
            SDL_FreeRW(self);
            return 0;
        };
        return ops;
    }

private:
    static FontFile const& file_of(SDL_RWops* ops) { return *static_cast<FontFile const*>(ops->hidden.unknown.data1); }
    static Sint64& position_of(SDL_RWops* ops) { return *static_cast<Sint64*>(ops->hidden.unknown.data2); }
};

namespace {

constexpr int max_pixel_size = 2000; // larger sizes are clamped: nothing on a screen needs more

std::string describe_face(const FontFace& face)
{
    return face.file + "#" + std::to_string(face.index) + " (" + face.family + ")";
}

int clamp_size(int pixel_size)
{
    return std::clamp(pixel_size, 1, max_pixel_size);
}

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

    auto regular_data = FontFile::open(resolved->regular.file);
    if (!regular_data) {
        log_error("cannot read font file " + resolved->regular.file);
        return nullptr;
    }
    auto bold_data = regular_data;
    if (resolved->real_bold && resolved->bold.file != resolved->regular.file) {
        bold_data = FontFile::open(resolved->bold.file);
        if (!bold_data) {
            log_warning("cannot read bold font file " + resolved->bold.file + "; synthesising bold");
            resolved->bold = resolved->regular;
            resolved->real_bold = false;
            bold_data = regular_data;
        }
    }

    std::unique_ptr<FontSet> set(new FontSet(
        resolved->regular, resolved->bold, resolved->real_bold, std::move(regular_data), std::move(bold_data)));
    // Open one size now so that a file SDL_ttf cannot read fails here, not mid-render.
    if (!set->font(FontSpec { 40, FontWeight::Regular })) {
        log_error("SDL_ttf cannot open font " + describe_face(set->m_regular) + ": " + TTF_GetError());
        return nullptr;
    }
    log_info("fonts: regular " + describe_face(set->m_regular) + ", bold "
        + (set->m_real_bold ? describe_face(set->m_bold) : std::string("synthesised from regular")));
    return set;
}

FontSet::FontSet(FontFace regular, FontFace bold, bool real_bold, std::shared_ptr<FontFile> regular_data,
    std::shared_ptr<FontFile> bold_data)
    : m_regular(std::move(regular))
    , m_bold(std::move(bold))
    , m_real_bold(real_bold)
    , m_regular_data(std::move(regular_data))
    , m_bold_data(std::move(bold_data))
{
}

// The fonts close before the files they read: the members are declared in that order.
FontSet::~FontSet() = default;

FontSet::SizedFont* FontSet::open_font(FontWeight weight)
{
    bool const bold = weight == FontWeight::Bold;
    SizedFont& sized = bold ? m_bold_font : m_regular_font;
    if (sized.font)
        return &sized;
    bool const bold_face = bold && m_real_bold;
    FontFile const& file = bold_face ? *m_bold_data : *m_regular_data;
    FontFace const& face = bold_face ? m_bold : m_regular;
    SDL_RWops* stream = file.stream();
    if (!stream)
        return nullptr;
    // SDL_ttf sizes are points at 72 dpi, which makes the point size the em size in pixels.
    int const initial_size = 40;
    UniqueFont font(TTF_OpenFontIndexRW(stream, 1, initial_size, face.index));
    if (!font)
        return nullptr;
    // Light hinting snaps to the pixel grid vertically only: the many horizontal strokes of Han
    // glyphs stay crisp (unhinted they blur at body sizes), while shapes and advance widths stay
    // as designed, so measured widths scale with the size.
    TTF_SetFontHinting(font.get(), TTF_HINTING_LIGHT);
    if (bold && !bold_face)
        TTF_SetFontStyle(font.get(), TTF_STYLE_BOLD);
    sized = SizedFont { std::move(font), initial_size };
    return &sized;
}

TTF_Font* FontSet::font(FontSpec spec)
{
    SizedFont* sized = open_font(spec.weight);
    if (!sized)
        return nullptr;
    int const size = clamp_size(spec.pixel_size);
    if (sized->pixel_size != size) {
        // The same FT_Set_Char_Size an open at this size does, so glyphs and advances are
        // identical; it empties SDL_ttf's glyph cache, which for Han text rarely hits anyway.
        if (TTF_SetFontSize(sized->font.get(), size) != 0) {
            sized->pixel_size = 0; // unknown: set it again next time
            return nullptr;
        }
        sized->pixel_size = size;
    }
    return sized->font.get();
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
    if (auto it = m_widths.find(key); it != m_widths.end())
        return it->second;
    if (auto it = m_older_widths.find(key); it != m_older_widths.end()) {
        float const known = it->second;
        remember_width(std::move(key), known); // still in use: keep it through the next turnover
        return known;
    }

    TTF_Font* font = this->font(spec);
    if (!font)
        return 0;
    std::string const text(utf8); // SDL_ttf wants a terminated string
    int w = 0;
    int h = 0;
    if (TTF_SizeUTF8(font, text.c_str(), &w, &h) != 0)
        return 0;
    remember_width(std::move(key), static_cast<float>(w));
    return static_cast<float>(w);
}

void FontSet::remember_width(std::string key, float width)
{
    // Two generations: when the recent one is full it becomes the older one and the oldest
    // widths go. Nearly what an LRU keeps, bounded in bytes, without per-lookup bookkeeping.
    std::size_t const bytes = key.size() + width_entry_overhead;
    if (m_widths_bytes + bytes > width_cache_budget / 2) {
        m_older_widths = std::move(m_widths);
        m_older_widths_bytes = m_widths_bytes;
        m_widths = {};
        m_widths_bytes = 0;
    }
    m_widths_bytes += bytes;
    m_widths.insert_or_assign(std::move(key), width);
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
