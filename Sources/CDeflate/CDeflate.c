#include "CDeflate.h"

#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

struct cdeflate_stream {
    z_stream z;
};

cdeflate_stream *cdeflate_open(int level) {
    cdeflate_stream *stream = calloc(1, sizeof *stream);
    if (stream == NULL) return NULL;
    // Negative window bits: raw deflate. Memory level 8 is zlib's default.
    if (deflateInit2(&stream->z, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(stream);
        return NULL;
    }
    return stream;
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
    // zlib counts in unsigned int; larger buffers are taken in several calls.
    uInt in = count > UINT_MAX ? UINT_MAX : (uInt)count;
    uInt out = capacity > UINT_MAX ? UINT_MAX : (uInt)capacity;
    stream->z.next_in = (Bytef *)input;
    stream->z.avail_in = in;
    stream->z.next_out = output;
    stream->z.avail_out = out;
    int flush = finish && in == count ? Z_FINISH : Z_NO_FLUSH;
    int status = deflate(&stream->z, flush);
    *consumed = in - stream->z.avail_in;
    *produced = out - stream->z.avail_out;
    if (status == Z_STREAM_END) return 1;
    // Z_BUF_ERROR only says no progress was possible (no input or no room), which the caller's loop handles.
    if (status == Z_OK || status == Z_BUF_ERROR) return 0;
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
