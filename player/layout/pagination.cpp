// Greedy page packing of stacked blocks, with keep-with-next for headings.
#include "player/layout/pagination.h"

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

} // namespace hallboard
