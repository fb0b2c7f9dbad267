// Page packing of stacked blocks: greedy, and balanced (a small dynamic programme over the
// page breaks), with keep-with-next for headings.
#include "player/layout/pagination.h"

#include <algorithm>
#include <limits>

namespace hallboard {

namespace {

// Float sums of line heights drift by a hair: an exact fit must still fit.
constexpr float tolerance = 0.01f;

float stacked_height(const std::vector<PageBlock>& blocks, size_t begin, size_t end)
{
    float height = 0;
    for (size_t index = begin; index < end; ++index)
        height += (index > begin ? blocks[index].gap_before : 0) + blocks[index].height;
    return height;
}

} // namespace

Pagination paginate_blocks(const std::vector<PageBlock>& blocks, float page_height)
{
    return paginate_blocks(blocks, page_height, page_height);
}

Pagination paginate_blocks(const std::vector<PageBlock>& blocks, float first_page_height, float page_height)
{
    Pagination result;
    size_t begin = 0;
    while (begin < blocks.size()) {
        float const capacity = result.pages.empty() ? first_page_height : page_height;
        size_t end = begin + 1;
        float used = blocks[begin].height;
        if (used > capacity + tolerance) {
            result.oversized.push_back(begin);
        } else {
            while (end < blocks.size() && used + blocks[end].gap_before + blocks[end].height <= capacity + tolerance) {
                used += blocks[end].gap_before + blocks[end].height;
                ++end;
            }
            // A heading (or a chain of them) at the foot of a page goes over with what it heads.
            while (end < blocks.size() && end - 1 > begin && blocks[end - 1].keep_with_next == KeepWithNext::Yes)
                --end;
        }
        result.pages.push_back(PageSpan { begin, end, stacked_height(blocks, begin, end) });
        begin = end;
    }
    return result;
}

namespace {

// What a packing of the first blocks onto some pages costs: broken rules first, then how
// unevenly the pages are filled plus the price of discouraged breaks.
struct PackingCost {
    int violations = 0;
    float badness = 0;
    bool reachable = false;
    size_t previous_break = 0; // where the last page of this packing begins

    bool better_than(const PackingCost& other) const
    {
        if (!other.reachable)
            return reachable;
        if (!reachable)
            return false;
        if (violations != other.violations)
            return violations < other.violations;
        return badness < other.badness - 1e-6f;
    }
};

// An uneven page costs the square of its empty fraction, so two half-empty pages cost less than
// a full one and an empty one. A discouraged break costs about as much as a page a sixth empty.
constexpr float discouraged_break_cost = 0.03f;

} // namespace

Pagination paginate_balanced(
    const std::vector<PageBlock>& blocks, float first_page_height, float page_height, size_t min_pages)
{
    size_t const count = blocks.size();
    if (count == 0)
        return {};
    // More pages than the greedy packing needs only help when rules force them; bound the search.
    size_t const greedy_pages = paginate_blocks(blocks, first_page_height, page_height).pages.size();
    size_t const max_pages = std::min(count, std::max(greedy_pages * 2 + 2, min_pages));
    float const tallest_page = std::max(first_page_height, page_height);

    // cost[pages][end]: the best packing of blocks [0, end) onto `pages` pages.
    std::vector<std::vector<PackingCost>> cost(max_pages + 1, std::vector<PackingCost>(count + 1));
    cost[0][0].reachable = true;
    for (size_t end = 1; end <= count; ++end) {
        float stacked = 0; // blocks [begin, end) stacked, without the gap above the first
        for (size_t begin = end; begin-- > 0;) {
            if (begin + 1 < end)
                stacked += blocks[begin + 1].gap_before;
            stacked += blocks[begin].height;
            bool const single = begin + 1 == end;
            if (!single && stacked > tallest_page + tolerance)
                break;
            float const capacity = begin == 0 ? first_page_height : page_height;
            float const used = stacked + (begin == 0 ? 0 : blocks[begin].repeat_height);
            if (!single && used > capacity + tolerance)
                continue;
            int violations = 0;
            float page_badness = 0;
            if (begin > 0) {
                if (blocks[begin - 1].keep_with_next == KeepWithNext::Yes
                    || blocks[begin].break_before == BreakBefore::Avoided)
                    ++violations;
                else if (blocks[begin].break_before == BreakBefore::Discouraged)
                    page_badness += discouraged_break_cost;
            }
            if (capacity > 0) {
                float const empty = std::max(0.0f, capacity - used) / capacity;
                page_badness += empty * empty;
            }
            for (size_t pages = 1; pages <= max_pages; ++pages) {
                auto const& before = cost[pages - 1][begin];
                if (!before.reachable)
                    continue;
                PackingCost candidate { before.violations + violations, before.badness + page_badness, true, begin };
                if (candidate.better_than(cost[pages][end]))
                    cost[pages][end] = candidate;
            }
        }
    }

    // The fewest violations, then the fewest pages (but at least min_pages when that costs no
    // violation), then the evenest.
    size_t chosen = 0;
    for (size_t pages = 1; pages <= max_pages; ++pages) {
        auto const& candidate = cost[pages][count];
        if (!candidate.reachable)
            continue;
        if (chosen == 0 || candidate.violations < cost[chosen][count].violations)
            chosen = pages;
    }
    for (size_t pages = chosen + 1; pages <= std::min(max_pages, min_pages); ++pages) {
        auto const& candidate = cost[pages][count];
        if (candidate.reachable && candidate.violations <= cost[chosen][count].violations)
            chosen = pages;
    }

    Pagination result;
    std::vector<size_t> breaks;
    for (size_t pages = chosen, end = count; pages > 0; --pages) {
        breaks.push_back(end);
        end = cost[pages][end].previous_break;
    }
    size_t begin = 0;
    for (auto it = breaks.rbegin(); it != breaks.rend(); ++it) {
        size_t const end = *it;
        float const capacity = begin == 0 ? first_page_height : page_height;
        float const height = stacked_height(blocks, begin, end);
        if (end - begin == 1 && height + (begin == 0 ? 0 : blocks[begin].repeat_height) > capacity + tolerance)
            result.oversized.push_back(begin);
        result.pages.push_back(PageSpan { begin, end, height });
        begin = end;
    }
    return result;
}

} // namespace hallboard
