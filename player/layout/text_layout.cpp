// Greedy line filling over the break opportunities of line_breaking, shrink-to-fit, and
// placing the lines of a block as TextRuns.
#include "player/layout/text_layout.h"

#include "player/layout/break_costs.h"
#include "player/layout/line_breaking.h"
#include "base/utf8.h"

#include <algorithm>
#include <cmath>

namespace hallboard {

namespace {

// An unbreakable piece of a paragraph: [begin, end) in bytes, trailing spaces included.
struct Piece {
    size_t begin = 0;
    size_t end = 0;
    bool must_break_after = false;
    float full_width = 0;    // measured alone, trailing spaces included
    float trimmed_width = 0; // measured alone, trailing spaces dropped
    float penalty = 0;       // of ending a line after this piece (break_costs.h)
    int characters = 0;      // code points that are not spaces
};

std::string_view trim_end(std::string_view text)
{
    size_t end = text.size();
    while (end > 0) {
        size_t const start = previous_code_point_start(text, end);
        if (!is_whitespace(decode_utf8(text, start).code_point))
            break;
        end = start;
    }
    return text.substr(0, end);
}

bool is_blank(std::string_view text)
{
    return trim_end(text).empty();
}

// Beyond this many pieces a paragraph is filled greedily: the choice by cost is quadratic in
// the worst case (pieces of a line times pieces), and no notice paragraph comes near it.
constexpr size_t max_pieces_for_cost = 2000;

class ParagraphWrapper {
public:
    ParagraphWrapper(std::string_view paragraph, float max_width, FontSpec font, TextMeasurer& measurer, LineFill fill,
        WrappedText& out)
        : m_paragraph(paragraph)
        , m_max_width(max_width)
        , m_font(font)
        , m_measurer(measurer)
        , m_fill(fill)
        , m_out(out)
    {
    }

    void run()
    {
        if (is_blank(m_paragraph)) {
            m_out.lines.emplace_back();
            return;
        }
        split_into_pieces();
        // The choice by cost sums the pieces' widths; where shaping makes a whole line
        // narrower than its pieces, greedy filling (which measures whole lines) may need fewer
        // lines. Text never takes more lines for being broken by cost.
        bool const by_cost = fill_by_cost();
        std::vector<std::pair<std::string_view, float>> chosen = std::move(m_lines);
        m_lines.clear();
        size_t first = 0;
        while (first < m_pieces.size())
            first = fill_line(first);
        if (by_cost && chosen.size() <= m_lines.size())
            m_lines = std::move(chosen);
        for (auto const& [line, width] : m_lines) {
            m_out.lines.emplace_back(line);
            m_out.widest = std::max(m_out.widest, width);
        }
    }

private:
    void split_into_pieces()
    {
        size_t begin = 0;
        for (auto const& opportunity : break_opportunities(m_paragraph)) {
            std::string_view const piece = m_paragraph.substr(begin, opportunity.offset - begin);
            // Leading spaces (an indented paragraph) ride with the first word: a line of spaces
            // alone would be an empty line. A hard break keeps them separate.
            if (is_blank(piece) && opportunity.kind == BreakKind::Allowed)
                continue;
            add_piece(begin, opportunity.offset, opportunity.kind == BreakKind::Mandatory);
            begin = opportunity.offset;
        }
        add_piece(begin, m_paragraph.size(), true);
        std::vector<size_t> ends;
        for (size_t index = 0; index + 1 < m_pieces.size(); ++index)
            ends.push_back(m_pieces[index].end);
        auto penalties = break_penalties(m_paragraph, ends);
        for (size_t index = 0; index < penalties.size(); ++index)
            m_pieces[index].penalty = penalties[index];
    }

    // Chooses the breaks of the paragraph as a whole (as TeX does, over the legal break
    // opportunities): first the fewest lines, so text never takes more room than greedy
    // filling would; among those, the least cost, where a line ending short costs the square
    // of its empty ems, breaking inside a word, between a number and its unit or inside 《》
    // costs a penalty (break_costs.h), and a last line of one or two characters costs too.
    // Widths are the pieces' sums; each chosen line is measured whole, and when shaping makes
    // one too wide after all, returns false and the caller fills greedily.
    bool fill_by_cost()
    {
        size_t const count = m_pieces.size();
        if (count < 2 || count > max_pieces_for_cost)
            return false;
        float const em = static_cast<float>(std::max(1, m_font.pixel_size));
        bool const balanced = m_fill == LineFill::Balanced;
        // A title splits no word that any other set of breaks keeps whole.
        float const penalty_scale = balanced ? 100.0f : 1.0f;
        struct State {
            int lines = 0;
            float cost = 0;
            size_t from = 0; // the first piece of the line ending at this state
            bool reached = false;
        };
        // best[j]: the best way to set pieces [0, j) as whole lines.
        std::vector<State> best(count + 1);
        best[0].reached = true;
        auto better = [](const State& candidate, const State& current) {
            return !current.reached || candidate.lines < current.lines
                || (candidate.lines == current.lines && candidate.cost < current.cost - 1e-4f);
        };
        for (size_t first = 0; first < count; ++first) {
            if (!best[first].reached)
                continue;
            float width = 0;
            int characters = 0;
            for (size_t last = first; last < count; ++last) {
                float const line_width = width + m_pieces[last].trimmed_width;
                if (last > first && line_width > m_max_width)
                    break;
                characters += m_pieces[last].characters;
                // The paragraph's end or a hard break: a short line there is no ragged edge.
                bool const ends_paragraph = m_pieces[last].must_break_after;
                float cost = best[first].cost;
                if (line_width > m_max_width)
                    return false; // a piece wider than the box: the greedy filler cuts it
                float const empty = (m_max_width - line_width) / em;
                if (ends_paragraph) {
                    // 段末孤字: a stub of one or two characters under a full line.
                    if (first > 0 && characters <= 2)
                        cost += characters == 1 ? 30.0f : 15.0f;
                    // Balanced lines: the last is measured against the others like any line.
                    if (balanced && first > 0)
                        cost += empty * empty;
                } else {
                    cost += empty * empty + m_pieces[last].penalty * penalty_scale;
                }
                State candidate { best[first].lines + 1, cost, first, true };
                if (better(candidate, best[last + 1]))
                    best[last + 1] = candidate;
                width += m_pieces[last].full_width;
                if (m_pieces[last].must_break_after)
                    break;
            }
        }
        if (!best[count].reached)
            return false;
        std::vector<std::pair<size_t, size_t>> lines;
        for (size_t end = count; end > 0; end = best[end].from)
            lines.emplace_back(best[end].from, end - 1);
        std::reverse(lines.begin(), lines.end());
        std::vector<float> widths;
        for (auto [first, last] : lines) {
            float const width = measure_line(first, last);
            if (width > m_max_width)
                return false;
            widths.push_back(width);
        }
        for (size_t index = 0; index < lines.size(); ++index)
            emit(line_text(lines[index].first, lines[index].second), widths[index]);
        return true;
    }

    void add_piece(size_t begin, size_t end, bool must_break_after)
    {
        Piece piece { begin, end, must_break_after, 0, 0, 0, 0 };
        measure_piece(piece);
        std::string_view const text = m_paragraph.substr(begin, end - begin);
        for (size_t offset = 0; offset < text.size();) {
            auto decoded = decode_utf8(text, offset);
            offset += std::max<size_t>(1, decoded.length);
            if (!is_whitespace(decoded.code_point))
                ++piece.characters;
        }
        m_pieces.push_back(piece);
    }

    void measure_piece(Piece& piece)
    {
        std::string_view const text = m_paragraph.substr(piece.begin, piece.end - piece.begin);
        std::string_view const trimmed = trim_end(text);
        piece.trimmed_width = m_measurer.width(trimmed, m_font);
        piece.full_width = trimmed.size() == text.size() ? piece.trimmed_width : m_measurer.width(text, m_font);
    }

    std::string_view line_text(size_t first, size_t last) const
    {
        size_t const begin = m_pieces[first].begin;
        return trim_end(m_paragraph.substr(begin, m_pieces[last].end - begin));
    }

    float measure_line(size_t first, size_t last) { return m_measurer.width(line_text(first, last), m_font); }

    // Lays out one line starting at piece `first`; returns the first piece of the next line.
    size_t fill_line(size_t first)
    {
        // Shaping makes widths non-additive, so the sum of the pieces' widths only proposes
        // where the line ends; measuring the whole line then corrects the proposal by a piece
        // or two. This keeps wrapping linear in the text length.
        size_t last = first;
        float estimate = 0;
        for (size_t index = first; index < m_pieces.size(); ++index) {
            if (index > first && estimate + m_pieces[index].trimmed_width > m_max_width)
                break;
            last = index;
            estimate += m_pieces[index].full_width;
            if (m_pieces[index].must_break_after)
                break;
        }

        float width = measure_line(first, last);
        bool shrunk = false;
        while (width > m_max_width && last > first) {
            --last;
            width = measure_line(first, last);
            shrunk = true;
        }
        while (!shrunk && !m_pieces[last].must_break_after && last + 1 < m_pieces.size()) {
            float const wider = measure_line(first, last + 1);
            if (wider > m_max_width)
                break;
            ++last;
            width = wider;
        }

        if (width > m_max_width && last == first)
            return cut_piece(first);
        emit(line_text(first, last), width);
        return last + 1;
    }

    // The piece alone is wider than the box: puts as many of its code points as fit (at
    // least one) on this line and leaves the rest as a shorter piece.
    size_t cut_piece(size_t index)
    {
        m_out.overflow = true;
        Piece& piece = m_pieces[index];
        std::string_view const text = m_paragraph.substr(piece.begin, piece.end - piece.begin);
        // At least one visible code point, so an indented piece does not yield an empty line.
        size_t cut = 0;
        while (cut < text.size()) {
            auto decoded = decode_utf8(text, cut);
            cut += decoded.length;
            if (!is_whitespace(decoded.code_point))
                break;
        }
        float cut_width = m_measurer.width(trim_end(text.substr(0, cut)), m_font);
        while (cut < text.size()) {
            size_t const next = cut + decode_utf8(text, cut).length;
            float const wider = m_measurer.width(trim_end(text.substr(0, next)), m_font);
            if (wider > m_max_width)
                break;
            cut = next;
            cut_width = wider;
        }
        emit(trim_end(text.substr(0, cut)), cut_width);
        if (cut == text.size())
            return index + 1;
        piece.begin += cut;
        measure_piece(piece);
        return index;
    }

    void emit(std::string_view line, float width) { m_lines.emplace_back(line, width); }

    std::string_view m_paragraph;
    float m_max_width;
    FontSpec m_font;
    TextMeasurer& m_measurer;
    LineFill m_fill;
    WrappedText& m_out;
    std::vector<std::pair<std::string_view, float>> m_lines; // the paragraph's lines, until run() chooses
    std::vector<Piece> m_pieces;
};

} // namespace

WrappedText wrap_text(std::string_view text, float max_width, FontSpec font, TextMeasurer& measurer)
{
    return wrap_text(text, max_width, font, measurer, LineFill::Ragged);
}

WrappedText wrap_text(std::string_view text, float max_width, FontSpec font, TextMeasurer& measurer, LineFill fill)
{
    WrappedText result;
    std::string const valid = sanitize_utf8(text);
    std::string_view remaining = valid;
    // Text with nothing visible has no lines, so it takes no height.
    if (is_blank(remaining))
        return result;
    // One trailing newline (a YAML `|` block ends with one) does not start an empty line.
    if (remaining.ends_with('\n'))
        remaining.remove_suffix(1);

    while (true) {
        size_t const newline = remaining.find('\n');
        std::string_view paragraph = remaining.substr(0, newline);
        if (paragraph.ends_with('\r'))
            paragraph.remove_suffix(1);
        ParagraphWrapper(paragraph, max_width, font, measurer, fill, result).run();
        if (newline == std::string_view::npos)
            break;
        remaining.remove_prefix(newline + 1);
    }
    return result;
}

float text_block_height(int line_count, FontSpec font, double line_spacing)
{
    if (line_count <= 0)
        return 0;
    return static_cast<float>(line_count * font.pixel_size * line_spacing);
}

FittedText fit_text(std::string_view text, float max_width, float max_height, int preferred_px, int min_px,
    FontWeight weight, double line_spacing, TextMeasurer& measurer)
{
    min_px = std::max(1, std::min(min_px, preferred_px));
    preferred_px = std::max(preferred_px, min_px);

    auto attempt = [&](int px) {
        FittedText fitted;
        fitted.font = FontSpec { px, weight };
        fitted.wrapped = wrap_text(text, max_width, fitted.font, measurer);
        fitted.height = text_block_height(static_cast<int>(fitted.wrapped.lines.size()), fitted.font, line_spacing);
        // A hair of tolerance so float rounding of px * spacing does not reject an exact fit.
        fitted.fits = !fitted.wrapped.overflow && fitted.height <= max_height + 0.01f;
        return fitted;
    };

    // Most text fits at its preferred size: one wrap.
    FittedText best = attempt(preferred_px);
    if (best.fits)
        return best;

    // Wrapped height grows with the size (more lines, taller lines), so binary search for
    // the largest fitting size. Only sizes actually tried are returned, so `fits` is true
    // of the result even where shaping makes that growth not quite monotone.
    FittedText smallest = attempt(min_px);
    if (!smallest.fits || min_px == preferred_px)
        return smallest;
    best = std::move(smallest);
    int low = min_px;        // fits
    int high = preferred_px; // does not fit
    while (high - low > 1) {
        int const middle = low + (high - low) / 2;
        FittedText candidate = attempt(middle);
        if (candidate.fits) {
            low = middle;
            best = std::move(candidate);
        } else {
            high = middle;
        }
    }
    return best;
}

float emit_lines(DisplayList& list, const std::vector<std::string>& lines, float x, float top, float width,
    FontSpec font, Color color, double line_spacing, TextAlign align, TextMeasurer& measurer)
{
    float const line_height = static_cast<float>(font.pixel_size * line_spacing);
    float const ascent = measurer.ascent(font);
    float const glyph_height = ascent + measurer.descent(font);
    // Centre the glyphs (ascent + descent), not the em box, so the leading splits evenly.
    float const baseline_offset = (line_height - glyph_height) / 2 + ascent;

    float y = top;
    for (auto const& line : lines) {
        if (!line.empty()) {
            float left = x;
            if (align != TextAlign::Left) {
                float const slack = width - measurer.width(line, font);
                left += align == TextAlign::Center ? slack / 2 : slack;
            }
            list.text(left, y + baseline_offset, line, font, color);
        }
        y += line_height;
    }
    return y;
}

std::string add_cjk_latin_spacing(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    char32_t previous = 0;
    for (size_t offset = 0; offset < text.size();) {
        auto decoded = decode_utf8(text, offset);
        char32_t const current = decoded.code_point;
        bool const han_then_latin = is_han(previous) && is_ascii_alphanumeric(current);
        bool const latin_then_han = is_ascii_alphanumeric(previous) && is_han(current);
        if (han_then_latin || latin_then_han)
            append_utf8(out, 0x2009);
        out.append(text.substr(offset, decoded.length));
        previous = current;
        offset += decoded.length;
    }
    return out;
}

int count_characters(std::string_view utf8)
{
    int count = 0;
    for (size_t offset = 0; offset < utf8.size();) {
        auto decoded = decode_utf8(utf8, offset);
        if (!is_whitespace(decoded.code_point))
            ++count;
        offset += decoded.length;
    }
    return count;
}

} // namespace hallboard
