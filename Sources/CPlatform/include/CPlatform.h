#ifndef CPLATFORM_H
#define CPLATFORM_H

/* Operating-system calls that Swift's Glibc module does not expose. */

/// Atomically swaps two existing paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, else an errno value; ENOSYS or EINVAL where the system or file system cannot do it.
int cplatform_exchange_paths(const char *first, const char *second);

/// Appends the rest of the file open as `source` to the file open as `target`, inside the kernel
/// (Linux copy_file_range), from and to both files' current offsets.
/// Returns 0 on success; -1 when the system or file system cannot copy that way, and then nothing has been
/// copied; else the errno value of the failure.
int cplatform_append_file(int source, int target);

/// Asks the kernel to start writing the file open as `file` to disk, from `from` to its current offset, without
/// waiting (Linux sync_file_range); a hint, so failures are ignored. Returns the current offset, or `from` when it
/// cannot be read.
long long cplatform_start_writeback(int file, long long from);

#endif
