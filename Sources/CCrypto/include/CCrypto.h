#ifndef CCRYPTO_H
#define CCRYPTO_H

#include <stddef.h>
#include <stdint.h>

/* OpenSSL's message digests behind plain C types. run.json records the SHA-256 of every input, and OpenSSL's uses the
   processor's SHA instructions where it has them; REFI-QDA's name-based identifiers need SHA-1. */

typedef struct ccrypto_digest ccrypto_digest;

enum {
    CCRYPTO_SHA1 = 1,
    CCRYPTO_SHA256 = 256,
};

/// A digest of nothing yet with `algorithm` (CCRYPTO_SHA1 or CCRYPTO_SHA256); NULL when OpenSSL cannot make one.
ccrypto_digest *ccrypto_digest_open(int algorithm);

/// A digest that has seen what `digest` has and goes on independently; NULL when OpenSSL cannot make one.
ccrypto_digest *ccrypto_digest_copy(const ccrypto_digest *digest);

void ccrypto_digest_close(ccrypto_digest *digest);

/// Adds `count` bytes. Returns 1, or 0 on failure.
int ccrypto_digest_update(ccrypto_digest *digest, const void *bytes, size_t count);

/// Writes the digest of everything added (20 or 32 bytes; `output` must have room for 64) and sets its length.
/// The digest cannot be updated afterwards. Returns 1, or 0 on failure.
int ccrypto_digest_finish(ccrypto_digest *digest, uint8_t *output, unsigned int *length);

#endif
