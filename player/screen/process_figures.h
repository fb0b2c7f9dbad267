// Figures about this process for the player's log and the bench: how long ago it started, and
// how much memory it holds. Linux /proc; each returns -1 where that is not available.
#pragma once

#include <map>
#include <string>

namespace hallboard {

// Since the kernel started this process (resolution: one clock tick, usually 10 ms).
double milliseconds_since_process_start();

// Resident memory now (from /proc/self/statm: cheap enough to read every frame), in MiB.
double resident_mebibytes();

// Proportional set size now (from /proc/self/smaps_rollup: shared pages divided among the
// processes sharing them), in MiB. Costs a walk over every mapping: not every frame.
double proportional_mebibytes();

// The highest resident memory so far (VmHWM), in MiB.
double peak_resident_mebibytes();

// File descriptors open now (entries of /proc/self/fd, the one used to read it not counted).
int open_file_descriptors();

// Threads of this process now (from /proc/self/status).
int thread_count();

// CPU time of the calling thread: unlike wall time, it does not grow when other processes take
// the cores, so it tells what a frame costs even on a busy machine.
double thread_cpu_milliseconds();

// Resident memory now, by kind of mapping, from /proc/self/smaps: what the peak is made of. In MiB.
struct ResidentMemory {
    double anonymous = 0;                     // large allocations (canvas, textures, glyph surfaces) and thread stacks
    double heap = 0;                          // the brk heap: small allocations
    double fonts = 0;                         // pages of mapped font files touched so far
    double libraries = 0;                     // shared libraries' code and data
    double other = 0;                         // fontconfig caches, locale files, ...
    std::map<std::string, double> font_files; // file name -> MiB
    double total() const { return anonymous + heap + fonts + libraries + other; }
};
ResidentMemory resident_memory_by_kind();

} // namespace hallboard
