// Packing a sequence of blocks of known heights (table rows, list items, text lines) onto
// pages of a fixed height, in order. Shared by the slide layouts that paginate.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace hallboard {

enum class KeepWithNext {
    No,
    Yes, // a heading: never the last block of a page when another block follows it
};

// How welcome a page break just before a block is (paginate_balanced only; paginate_blocks
// ignores it).
enum class BreakBefore {
    Allowed,     // a natural break, e.g. before a section heading
    Discouraged, // allowed, but a break elsewhere is better when it costs little balance (inside a section)
    Avoided,     // only when nothing else fits (it would leave a row alone, or a heading with one row)
};

struct PageBlock {
    float height = 0;
    float gap_before = 0; // space above the block, dropped when the block starts a page
    KeepWithNext keep_with_next = KeepWithNext::No;
    BreakBefore break_before = BreakBefore::Allowed;
    // Drawn above this block when it starts a page other than the first (a repeated table
    // header, a continued section heading): paginate_balanced counts it against the page.
    float repeat_height = 0;
};

// Blocks [begin, end) go on one page; `height` is their stacked height with the gaps between them.
struct PageSpan {
    size_t begin = 0;
    size_t end = 0;
    float height = 0;
};

struct Pagination {
    std::vector<PageSpan> pages; // in order, covering every block exactly once; empty when there are no blocks
    // Indices of blocks taller than a page by themselves: each got a page of its own and
    // overflows it. Callers report these as problems (they must not be drawn clipped silently).
    std::vector<size_t> oversized;
};

// Greedy packing: a page takes blocks while they fit. A block with KeepWithNext::Yes moves to
// the next page together with its follower when the follower does not fit (unless it would
// leave its page empty). `first_page_height` lets the first page hold less (or more) than
// the others, e.g. when something is drawn above the blocks on page 1 only.
Pagination paginate_blocks(const std::vector<PageBlock>& blocks, float page_height);
Pagination paginate_blocks(const std::vector<PageBlock>& blocks, float first_page_height, float page_height);

// Balanced packing: the fewest pages that keep headings with what follows them and honour
// BreakBefore::Avoided (when any packing can), with the blocks spread evenly over the pages and
// breaks put where BreakBefore allows them, e.g. 9 + 8 + 8 rows rather than 12 + 12 + 1.
// Returns at least `min_pages` pages when the blocks can fill that many (commitments fill
// both columns of their page). Blocks taller than a page get a page of their own, as above.
Pagination paginate_balanced(
    const std::vector<PageBlock>& blocks, float first_page_height, float page_height, size_t min_pages = 0);

// Picks the font size of content that may paginate: the largest size in [min_px, preferred_px]
// among those that need the fewest pages any size in the range needs. So content that fits
// one page at some size gets the largest size that fits one page, and content that needs
// three pages even at the minimum gets the largest size that still needs only three.
// `make_plan(int px)` lays the content out at px and returns a plan with `bool feasible`
// (false: it cannot be laid out at that size at all, e.g. a table too wide) and
// `size_t page_count`. Returns the chosen plan; when no size is feasible, the plan at min_px.
// Assumes fewer pages and more feasibility as the size goes down, so it needs only a few plans.
template <typename MakePlan>
auto choose_font_size(int preferred_px, int min_px, MakePlan make_plan) -> decltype(make_plan(0))
{
    if (preferred_px < min_px)
        preferred_px = min_px;
    auto largest = make_plan(preferred_px);
    if ((largest.feasible && largest.page_count <= 1) || preferred_px == min_px)
        return largest;
    auto smallest = make_plan(min_px);
    if (!smallest.feasible)
        return smallest;
    size_t const target = smallest.page_count;
    if (largest.feasible && largest.page_count <= target)
        return largest;
    auto best = std::move(smallest);
    int low = min_px;        // reaches the target
    int high = preferred_px; // does not
    while (high - low > 1) {
        int const middle = low + (high - low) / 2;
        auto candidate = make_plan(middle);
        if (candidate.feasible && candidate.page_count <= target) {
            low = middle;
            best = std::move(candidate);
        } else {
            high = middle;
        }
    }
    return best;
}

} // namespace hallboard
