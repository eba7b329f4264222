#ifndef CDEFLATE_H
#define CDEFLATE_H

#include <stddef.h>
#include <stdint.h>

/* zlib's raw deflate and CRC-32, behind plain C types: the zip archives ThemeScan writes (workbooks, REFI-QDA
   projects) choose their own compression level and take entries of unknown size, which ZIPFoundation does not.
   Raw inflate too: a workbook's sheet is inflated as its XML is parsed, a piece at a time, where ZIPFoundation
   inflates an entry in one call that hands every piece on. */

typedef struct cdeflate_stream cdeflate_stream;

/// A raw deflate stream (no zlib or gzip wrapper, as zip entries hold) at `level` 0-9.
/// Returns NULL when zlib cannot allocate it.
cdeflate_stream *cdeflate_open(int level);

void cdeflate_close(cdeflate_stream *stream);

/// Makes the stream ready for a new entry, keeping its memory. Returns 0, or a negative zlib code.
int cdeflate_reset(cdeflate_stream *stream);

/// Compresses `count` bytes of `input` into `output`, which has room for `capacity` bytes; `finish` ends the
/// stream once all input is taken. Sets how many input bytes were taken and output bytes made; call again with
/// the rest while `*produced == capacity`. Returns 1 once a finished stream is complete, 0 when more calls are
/// needed or allowed, and a negative zlib code on failure.
int cdeflate_compress(cdeflate_stream *stream, const uint8_t *input, size_t count, uint8_t *output, size_t capacity,
                      int finish, size_t *consumed, size_t *produced);

typedef struct cinflate_stream cinflate_stream;

/// A raw inflate stream (a zip entry's deflated bytes). Returns NULL when zlib cannot allocate it.
cinflate_stream *cinflate_open(void);

void cinflate_close(cinflate_stream *stream);

/// Inflates `count` bytes of `input` into `output`, which has room for `capacity` bytes. Sets how many input bytes
/// were taken and output bytes made. Returns 1 once the stream's end is reached, 0 when more input or room is
/// needed, and a negative zlib code when the bytes are not a deflate stream.
int cinflate_run(cinflate_stream *stream, const uint8_t *input, size_t count, uint8_t *output, size_t capacity,
                 size_t *consumed, size_t *produced);

/// The CRC-32 (as zip uses) of `count` bytes, continuing from `crc` (0 to start).
uint32_t cdeflate_crc32(uint32_t crc, const uint8_t *bytes, size_t count);

#endif
