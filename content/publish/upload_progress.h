// The progress line `publish --to` shows on stderr while it uploads blobs: redrawn in place on a
// terminal, one line per blob otherwise (a log file or a CI job gets no carriage returns).
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace hallboard {

// "812 bytes", "12.3 KB", "3.1 MB" (decimal units, as file managers show them).
std::string human_size(std::uint64_t bytes);

class UploadProgress {
public:
    enum class Style { InPlace, OneLinePerBlob };

    // InPlace when `out` is a terminal.
    explicit UploadProgress(std::FILE* out);
    UploadProgress(std::FILE* out, Style style);

    void start(const std::string& path, std::uint64_t size);
    void update(std::uint64_t done, std::uint64_t total);
    void finish(); // ends an in-place line; call after every start, whatever the outcome

private:
    void draw(std::uint64_t done, std::uint64_t total);

    std::FILE* m_out;
    Style m_style;
    std::string m_path;
    std::uint64_t m_size = 0;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_last_draw {};
};

} // namespace hallboard
