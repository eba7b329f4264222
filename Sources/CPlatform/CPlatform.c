#define _GNU_SOURCE
#include "CPlatform.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int cplatform_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    if (renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE) == 0) return 0;
    return errno;
#else
    (void)first;
    (void)second;
    return ENOSYS;
#endif
}

long long cplatform_start_writeback(int file, long long from) {
    off_t current = lseek(file, 0, SEEK_CUR);
    if (current < 0) return from;
#if defined(__linux__) && defined(SYNC_FILE_RANGE_WRITE)
    if (current > from) (void)sync_file_range(file, from, current - from, SYNC_FILE_RANGE_WRITE);
#endif
    return current;
}

int cplatform_set_direct(int file, int on) {
#if defined(__linux__) && defined(O_DIRECT)
    int flags = fcntl(file, F_GETFL);
    if (flags < 0) return errno;
    flags = on ? (flags | O_DIRECT) : (flags & ~O_DIRECT);
    if (fcntl(file, F_SETFL, flags) < 0) return errno;
    return 0;
#else
    (void)file;
    (void)on;
    return EINVAL;
#endif
}
