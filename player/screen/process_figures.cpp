// Reading /proc/self for the process figures.
#include "player/screen/process_figures.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

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

double proportional_mebibytes() { return kilobyte_field("/proc/self/smaps_rollup", "Pss:"); }

double peak_resident_mebibytes() { return kilobyte_field("/proc/self/status", "VmHWM:"); }

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

} // namespace hallboard
