// Figures about this process for the player's log and the bench: how long ago it started, and
// how much memory it holds. Linux /proc; each returns -1 where that is not available.
#pragma once

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

} // namespace hallboard
