// UploadProgress: "uploading assets/poster.png 3.1/12.0 MB", redrawn at most ten times a second.
#include "content/publish/upload_progress.h"

#include <unistd.h>

namespace hallboard {

namespace {

std::string one_decimal(std::uint64_t value, std::uint64_t unit)
{
    auto tenths = (value * 10 + unit / 2) / unit;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

// "3.1/12.0 MB": both numbers in the unit of the total.
std::string fraction(std::uint64_t done, std::uint64_t total)
{
    if (total >= 1000 * 1000)
        return one_decimal(done, 1000 * 1000) + "/" + one_decimal(total, 1000 * 1000) + " MB";
    if (total >= 1000)
        return one_decimal(done, 1000) + "/" + one_decimal(total, 1000) + " KB";
    return std::to_string(done) + "/" + std::to_string(total) + " bytes";
}

} // namespace

std::string human_size(std::uint64_t bytes)
{
    if (bytes >= 1000 * 1000)
        return one_decimal(bytes, 1000 * 1000) + " MB";
    if (bytes >= 1000)
        return one_decimal(bytes, 1000) + " KB";
    return std::to_string(bytes) + " bytes";
}

UploadProgress::UploadProgress(std::FILE* out)
    : UploadProgress(out, ::isatty(::fileno(out)) ? Style::InPlace : Style::OneLinePerBlob)
{
}

UploadProgress::UploadProgress(std::FILE* out, Style style)
    : m_out(out)
    , m_style(style)
{
}

void UploadProgress::start(const std::string& path, std::uint64_t size)
{
    m_path = path;
    m_size = size;
    m_drawn = false;
    if (m_style == Style::OneLinePerBlob) {
        std::fprintf(m_out, "uploading %s (%s)\n", path.c_str(), human_size(size).c_str());
        std::fflush(m_out);
        return;
    }
    draw(0, size);
}

void UploadProgress::update(std::uint64_t done, std::uint64_t total)
{
    if (m_style != Style::InPlace)
        return;
    auto now = std::chrono::steady_clock::now();
    if (now - m_last_draw < std::chrono::milliseconds(100) && done < total)
        return;
    draw(done, total ? total : m_size);
}

void UploadProgress::finish()
{
    if (m_style == Style::InPlace && m_drawn) {
        std::fputc('\n', m_out);
        std::fflush(m_out);
    }
    m_drawn = false;
}

void UploadProgress::draw(std::uint64_t done, std::uint64_t total)
{
    // \r and "erase to the end of the line": a shorter line leaves no tail of the longer one.
    std::fprintf(m_out, "\r\033[Kuploading %s %s", m_path.c_str(), fraction(done, total).c_str());
    std::fflush(m_out);
    m_drawn = true;
    m_last_draw = std::chrono::steady_clock::now();
}

} // namespace hallboard
