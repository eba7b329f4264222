#ifndef CPLATFORM_H
#define CPLATFORM_H

/* Operating-system calls that Swift's Glibc module does not expose. */

/// Atomically swaps two existing paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, else an errno value; ENOSYS or EINVAL where the system or file system cannot do it.
int cplatform_exchange_paths(const char *first, const char *second);

#endif
