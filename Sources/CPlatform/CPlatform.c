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

int cplatform_append_file(int source, int target) {
#if defined(__linux__)
    int copied_any = 0;
    for (;;) {
        ssize_t copied = copy_file_range(source, NULL, target, NULL, 1 << 30, 0);
        if (copied == 0) return 0;
        if (copied < 0) {
            if (errno == EINTR) continue;
            /* A refusal on the first call leaves both files as they were, so the caller can copy another way. */
            if (!copied_any && (errno == ENOSYS || errno == EXDEV || errno == EINVAL || errno == EOPNOTSUPP))
                return -1;
            return errno == 0 ? EIO : errno;
        }
        copied_any = 1;
    }
#else
    (void)source;
    (void)target;
    return -1;
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
