#include "CCrypto.h"

#include <openssl/evp.h>

struct ccrypto_digest {
    EVP_MD_CTX *context;
};

static ccrypto_digest *wrap(EVP_MD_CTX *context) {
    if (context == NULL) return NULL;
    ccrypto_digest *digest = OPENSSL_malloc(sizeof *digest);
    if (digest == NULL) {
        EVP_MD_CTX_free(context);
        return NULL;
    }
    digest->context = context;
    return digest;
}

ccrypto_digest *ccrypto_digest_open(int algorithm) {
    const EVP_MD *type = algorithm == CCRYPTO_SHA1 ? EVP_sha1() : algorithm == CCRYPTO_SHA256 ? EVP_sha256() : NULL;
    if (type == NULL) return NULL;
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context == NULL) return NULL;
    if (EVP_DigestInit_ex(context, type, NULL) != 1) {
        EVP_MD_CTX_free(context);
        return NULL;
    }
    return wrap(context);
}

ccrypto_digest *ccrypto_digest_copy(const ccrypto_digest *digest) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context == NULL) return NULL;
    if (EVP_MD_CTX_copy_ex(context, digest->context) != 1) {
        EVP_MD_CTX_free(context);
        return NULL;
    }
    return wrap(context);
}

void ccrypto_digest_close(ccrypto_digest *digest) {
    if (digest == NULL) return;
    EVP_MD_CTX_free(digest->context);
    OPENSSL_free(digest);
}

int ccrypto_digest_update(ccrypto_digest *digest, const void *bytes, size_t count) {
    if (count == 0) return 1;
    return EVP_DigestUpdate(digest->context, bytes, count) == 1;
}

int ccrypto_digest_finish(ccrypto_digest *digest, uint8_t *output, unsigned int *length) {
    return EVP_DigestFinal_ex(digest->context, output, length) == 1;
}
