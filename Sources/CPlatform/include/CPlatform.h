#ifndef CPLATFORM_H
#define CPLATFORM_H

/* Operating-system calls that Swift's Glibc module does not expose. */

/// Atomically swaps two existing paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, else an errno value; ENOSYS or EINVAL where the system or file system cannot do it.
int cplatform_exchange_paths(const char *first, const char *second);

/// Asks the kernel to start writing the file open as `file` to disk, from `from` to its current offset, without
/// waiting (Linux sync_file_range); a hint, so failures are ignored. Returns the current offset, or `from` when it
/// cannot be read.
long long cplatform_start_writeback(int file, long long from);

/// Turns writing past the page cache (Linux O_DIRECT) on or off for the file open as `file`.
/// Returns 0 on success, else an errno value; EINVAL where the file system cannot (tmpfs, some network file
/// systems). While it is on, every write must start at an offset, from an address and with a length that are
/// multiples of the device's block size (4096 bytes is always enough).
int cplatform_set_direct(int file, int on);

#endif
