// Reading /proc/self for the process figures.
#include "player/screen/process_figures.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <time.h>
#include <unistd.h>

namespace hallboard {

namespace {

// The value of the first line starting with `key` in a /proc file of "Key:  1234 kB" lines, in MiB.
double kilobyte_field(char const* file, std::string const& key)
{
    std::ifstream status(file);
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(key, 0) == 0) {
            try {
                return std::stod(line.substr(key.size())) / 1024;
            } catch (...) {
                return -1;
            }
        }
    }
    return -1;
}

} // namespace

double milliseconds_since_process_start()
{
    std::ifstream stat("/proc/self/stat");
    std::string contents((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    // The command name may hold spaces; fields are counted after its closing parenthesis.
    auto after_name = contents.rfind(')');
    if (after_name == std::string::npos || after_name + 2 > contents.size())
        return -1;
    std::istringstream fields(contents.substr(after_name + 2));
    std::string field;
    unsigned long long start_ticks = 0;
    for (int index = 3; fields >> field; ++index) {
        if (index == 22) {
            try {
                start_ticks = std::stoull(field);
            } catch (...) {
                return -1;
            }
            break;
        }
    }
    std::ifstream uptime_file("/proc/uptime");
    double uptime_seconds = 0;
    if (!(uptime_file >> uptime_seconds))
        return -1;
    double ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
    return (uptime_seconds - static_cast<double>(start_ticks) / ticks_per_second) * 1000;
}

double resident_mebibytes()
{
    std::ifstream statm("/proc/self/statm");
    long long size_pages = 0, resident_pages = 0;
    if (!(statm >> size_pages >> resident_pages))
        return -1;
    return static_cast<double>(resident_pages) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double proportional_mebibytes()
{
    return kilobyte_field("/proc/self/smaps_rollup", "Pss:");
}

double peak_resident_mebibytes()
{
    return kilobyte_field("/proc/self/status", "VmHWM:");
}

int open_file_descriptors()
{
    std::error_code error;
    std::filesystem::directory_iterator entries("/proc/self/fd", error);
    if (error)
        return -1;
    int count = 0;
    for (auto const& entry : entries) {
        (void)entry;
        ++count;
    }
    return count - 1; // the iterator's own descriptor on the folder
}

int thread_count()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Threads:", 0) == 0)
            return std::atoi(line.c_str() + 8);
    return -1;
}

double thread_cpu_milliseconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

ResidentMemory resident_memory_by_kind()
{
    ResidentMemory memory;
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    double* bucket = &memory.other;
    std::string font_file;
    while (std::getline(smaps, line)) {
        if (line.rfind("Rss:", 0) == 0) {
            double mebibytes = std::stod(line.substr(4)) / 1024;
            *bucket += mebibytes;
            if (bucket == &memory.fonts)
                memory.font_files[font_file] += mebibytes;
            continue;
        }
        // A mapping's header line: "start-end perms offset dev inode [path]"; field lines start
        // with a capitalised name and a colon.
        auto first_space = line.find(' ');
        if (first_space == std::string::npos || line.find('-') > first_space)
            continue;
        std::istringstream fields(line);
        std::string range, perms, offset, device, inode, path;
        fields >> range >> perms >> offset >> device >> inode;
        std::getline(fields >> std::ws, path);
        auto ends_with = [&](std::string_view suffix) {
            return path.size() >= suffix.size()
                && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
        };
        if (path.empty() || path == "[stack]" || path.rfind("[anon", 0) == 0)
            bucket = &memory.anonymous;
        else if (path == "[heap]")
            bucket = &memory.heap;
        else if (ends_with(".ttc") || ends_with(".ttf") || ends_with(".otf")) {
            bucket = &memory.fonts;
            font_file = path.substr(path.rfind('/') + 1);
        } else if (path.find(".so") != std::string::npos)
            bucket = &memory.libraries;
        else
            bucket = &memory.other;
    }
    return memory;
}

} // namespace hallboard
