#ifndef CNNLAB_ALLOCATION_COUNTER_H
#define CNNLAB_ALLOCATION_COUNTER_H

/// Counts heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign)
/// made by the calling thread between start and stop. The test binary's own definitions of these
/// functions stand in front of glibc's and forward to glibc's `__libc_*` entry points, so this
/// works for Swift arrays, the Swift runtime and libdispatch alike. Tests only.
void cnnlab_count_allocations_start(void);

/// Stops counting on this thread and returns how many allocations it made since `start`.
long cnnlab_count_allocations_stop(void);

#endif
