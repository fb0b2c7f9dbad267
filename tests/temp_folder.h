// A temporary folder for tests, removed with everything in it at scope exit (shared by the suites).
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>

namespace hallboard::test {

// A fresh folder under the system temp folder; the process id and a counter keep suites
// running side by side (ctest -j) apart.
class TempFolder {
public:
    TempFolder()
    {
        static std::atomic<int> counter { 0 };
        m_path = std::filesystem::temp_directory_path()
            / ("hallboard-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempFolder()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& relative) const { return m_path / relative; }

    // Writes `bytes` to `relative`, creating folders on the way; returns the file's path.
    std::filesystem::path write(const std::string& relative, std::string_view bytes) const
    {
        auto file = m_path / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return file;
    }

    // The bytes of `relative` ("" when it cannot be read).
    std::string read(const std::string& relative) const
    {
        std::ifstream in(m_path / relative, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

    bool exists(const std::string& relative) const { return std::filesystem::exists(m_path / relative); }

private:
    std::filesystem::path m_path;
};

} // namespace hallboard::test
