#include "CDeflate.h"

#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

struct cdeflate_stream {
    z_stream z;
};

/* `stream` when `status`, zlib's answer to setting it up, is Z_OK; else frees it and gives NULL. */
static void *set_up_or_free(void *stream, int status) {
    if (status == Z_OK) return stream;
    free(stream);
    return NULL;
}

/* Points `z` at the buffers, at most UINT_MAX bytes of each: zlib counts in unsigned int, and larger buffers are
   taken in several calls. */
static void set_buffers(z_stream *z, const uint8_t *input, size_t count, uint8_t *output, size_t capacity) {
    z->next_in = (Bytef *)input;
    z->avail_in = count > UINT_MAX ? UINT_MAX : (uInt)count;
    z->next_out = output;
    z->avail_out = capacity > UINT_MAX ? UINT_MAX : (uInt)capacity;
}

cdeflate_stream *cdeflate_open(int level) {
    cdeflate_stream *stream = calloc(1, sizeof *stream);
    if (stream == NULL) return NULL;
    // Negative window bits: raw deflate. Memory level 8 is zlib's default.
    return set_up_or_free(stream, deflateInit2(&stream->z, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY));
}

void cdeflate_close(cdeflate_stream *stream) {
    if (stream == NULL) return;
    deflateEnd(&stream->z);
    free(stream);
}

int cdeflate_reset(cdeflate_stream *stream) {
    int status = deflateReset(&stream->z);
    return status == Z_OK ? 0 : (status < 0 ? status : -1);
}

int cdeflate_compress(cdeflate_stream *stream, const uint8_t *input, size_t count, uint8_t *output, size_t capacity,
                      int finish, size_t *consumed, size_t *produced) {
    set_buffers(&stream->z, input, count, output, capacity);
    uInt in = stream->z.avail_in;
    uInt out = stream->z.avail_out;
    int flush = finish && in == count ? Z_FINISH : Z_NO_FLUSH;
    int status = deflate(&stream->z, flush);
    *consumed = in - stream->z.avail_in;
    *produced = out - stream->z.avail_out;
    if (status == Z_STREAM_END) return 1;
    // Z_BUF_ERROR only says no progress was possible (no input or no room), which the caller's loop handles.
    if (status == Z_OK || status == Z_BUF_ERROR) return 0;
    return status < 0 ? status : -1;
}

struct cinflate_stream {
    z_stream z;
};

cinflate_stream *cinflate_open(void) {
    cinflate_stream *stream = calloc(1, sizeof *stream);
    if (stream == NULL) return NULL;
    return set_up_or_free(stream, inflateInit2(&stream->z, -MAX_WBITS));
}

void cinflate_close(cinflate_stream *stream) {
    if (stream == NULL) return;
    inflateEnd(&stream->z);
    free(stream);
}

int cinflate_run(cinflate_stream *stream, const uint8_t *input, size_t count, uint8_t *output, size_t capacity,
                 size_t *consumed, size_t *produced) {
    set_buffers(&stream->z, input, count, output, capacity);
    uInt in = stream->z.avail_in;
    uInt out = stream->z.avail_out;
    int status = inflate(&stream->z, Z_NO_FLUSH);
    *consumed = in - stream->z.avail_in;
    *produced = out - stream->z.avail_out;
    if (status == Z_STREAM_END) return 1;
    if (status == Z_OK || status == Z_BUF_ERROR) return 0;
    // Z_NEED_DICT: a raw stream has no dictionary to ask for, so its bytes are not what a zip entry holds.
    return status < 0 ? status : -1;
}

uint32_t cdeflate_crc32(uint32_t crc, const uint8_t *bytes, size_t count) {
    uLong value = crc;
    while (count > 0) {
        uInt piece = count > UINT_MAX ? UINT_MAX : (uInt)count;
        value = crc32(value, bytes, piece);
        bytes += piece;
        count -= piece;
    }
    return (uint32_t)value;
}
