// A full-slide picture: the image box fills the body, the caption sits centred below it.
#include "player/layout/card_drawing.h"
#include "player/layout/slide_chrome.h"
#include "player/layout/slide_style.h"
#include "player/layout/text_layout.h"

#include <algorithm>

namespace hallboard {

static std::string asset_path(const SlideContext& context, const std::string& src)
{
    if (context.asset_root.empty())
        return src;
    if (context.asset_root.ends_with('/'))
        return context.asset_root + src;
    return context.asset_root + "/" + src;
}

SlideLayout layout_image(const Notice& notice, const ImageSlide& image, const SlideContext& context)
{
    SlideStyle const style(context);
    Rect const body = measure_chrome(notice, context, 1).body;
    std::vector<std::string> problems;
    DisplayList list;

    Rect picture = body;
    FittedText caption;
    float caption_top = body.bottom();
    if (!image.caption.empty()) {
        // Two lines of body text, or three at the minimum size: a caption is a line under a
        // poster, not an essay.
        float const two_lines
            = std::max(text_block_height(2, FontSpec { style.body_px, FontWeight::Regular }, style.line_spacing),
                text_block_height(3, FontSpec { style.min_px, FontWeight::Regular }, style.line_spacing));
        caption = fit_text(image.caption, body.w, two_lines, style.body_px, style.min_px, FontWeight::Regular,
            style.line_spacing, style.measurer);
        if (!caption.fits)
            problems.push_back(
                "caption \"" + image.caption + "\" does not fit in three lines at the minimum text size");
        else if (caption.wrapped.lines.size() > 1)
            caption.wrapped = wrap_balanced(image.caption, body.w, caption.font, style.measurer); // centred: even lines
        caption_top = std::max(body.y, body.bottom() - caption.height);
        picture.h = std::max(0.0f, caption_top - style.px(0.02) - body.y);
    }
    if (picture.h < body.h / 3)
        problems.push_back("image " + image.src + " has less than a third of the slide left beside its caption");

    list.image(picture, asset_path(context, image.src), image.fit);
    list.role = TextRole::Note;
    emit_lines(list, caption.wrapped.lines, body.x, caption_top, body.w, caption.font, style.theme.text,
        style.line_spacing, TextAlign::Center, style.measurer);
    return assemble_pages(notice, context, { std::move(list) }, std::move(problems));
}

} // namespace hallboard
