#ifndef CICU_H
#define CICU_H

/*
 * A narrow C surface over ICU. Only plain C types cross this header, so Swift modules that import it never
 * see ICU's own headers (which clash with the ICU module Foundation carries on Linux), and ICU's versioned
 * symbol names (ubrk_open_72 …) stay hidden behind ordinary functions.
 *
 * Status values: 0 is success; a positive value is an ICU UErrorCode; CICU_BUFFER_TOO_SMALL asks the caller to
 * retry with a larger output buffer.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CICU_BUFFER_TOO_SMALL (-1)

/// The ICU version string, such as "72.1".
const char *cicu_version(void);

/// A readable name for an ICU status code.
const char *cicu_error_name(int32_t status);

/// NFKC normalization with full case folding, keeping for every output unit the source range it came from.
///
/// `source_starts[i]` and `source_ends[i]` receive the UTF-16 range in `source` of the normalization segment
/// that produced output unit `i`. All three output arrays need `capacity` elements.
int32_t cicu_fold(const uint16_t *source, int32_t length,
                  uint16_t *output, int32_t *source_starts, int32_t *source_ends, int32_t capacity,
                  int32_t *output_length);

/// 1 when `text` is in Unicode Normalization Form C, 0 when it is not, negative when ICU fails.
int32_t cicu_is_nfc(const uint16_t *text, int32_t length);

typedef struct cicu_transliterator cicu_transliterator;

/// Opens a transliterator by ICU id (for example "Hant-Hans").
cicu_transliterator *cicu_transliterator_open(const char *id, int32_t *status);
void cicu_transliterator_close(cicu_transliterator *transliterator);

/// Writes the code points the transliterator may change into `code_points`; returns how many there are,
/// which may exceed `capacity` (then call again with more room).
int32_t cicu_transliterator_source_set(const cicu_transliterator *transliterator,
                                       uint32_t *code_points, int32_t capacity, int32_t *status);

/// Transliterates `text[0..<length]` in place; returns the new length (at most `capacity`).
int32_t cicu_transliterator_apply(const cicu_transliterator *transliterator,
                                  uint16_t *text, int32_t length, int32_t capacity, int32_t *status);

typedef struct cicu_word_breaker cicu_word_breaker;

/// Opens a word break iterator for a locale (for example "zh").
cicu_word_breaker *cicu_word_breaker_open(const char *locale, int32_t *status);
void cicu_word_breaker_close(cicu_word_breaker *breaker);

/// Counts word tokens: segments whose rule status is a number, letter, kana or ideograph status.
///
/// The text is fed to ICU in chunks of at most `max_chunk` units, cut at whitespace or punctuation where the
/// last half of a chunk has some, so that ICU's dictionary engine never sees an unbounded run of Han
/// characters (it slows down superlinearly on those). A hard cut inside such a run may split one word.
int64_t cicu_word_breaker_count(cicu_word_breaker *breaker, const uint16_t *text, int32_t length,
                                int32_t max_chunk, int32_t *status);

/// The longest charset name the detection and naming calls write, terminating NUL included.
#define CICU_CHARSET_NAME_CAPACITY 64

/// Guesses the charset of `bytes` with ICU's detector, best match first.
///
/// `declared` (may be NULL) is a hint such as an HTML meta charset. Writes up to `capacity` matches: names as
/// NUL-terminated strings of CICU_CHARSET_NAME_CAPACITY bytes each into `names`, confidences (0–100) into
/// `confidences`. Returns how many matches were written; a negative value is minus an ICU status.
int32_t cicu_detect_charsets(const uint8_t *bytes, int32_t length, const char *declared,
                             char *names, int32_t *confidences, int32_t capacity);

/// Writes the preferred name (MIME, else IANA, else ICU's own) of the converter that `name` opens.
/// Returns 0 when the name is known, an ICU status otherwise (then `output` is left empty).
int32_t cicu_charset_standard_name(const char *name, char *output, int32_t capacity);

/// Converts `bytes` in the charset `name` to UTF-16.
///
/// Invalid or unmappable byte sequences (lone surrogates in UTF-16 among them) become U+FFFD. The byte offsets
/// of the first `offsets_capacity` of them go to `invalid_offsets`; `invalid_count` receives how many there were.
/// `output` needs room for `capacity` units; twice the byte count is always enough. Returns 0, an ICU status, or
/// CICU_BUFFER_TOO_SMALL.
int32_t cicu_convert_to_utf16(const char *name, const uint8_t *bytes, int32_t length,
                              uint16_t *output, int32_t capacity, int32_t *output_length,
                              int32_t *invalid_offsets, int32_t offsets_capacity, int32_t *invalid_count);

/// A converter from one charset to UTF-16 for input handed over in pieces: a sequence cut by a piece's end is
/// finished by the next piece. Invalid or unmappable sequences become U+FFFD and are counted.
typedef struct cicu_charset_stream cicu_charset_stream;

/// Opens a stream from the charset `name`; NULL, with an ICU status in `status`, when ICU cannot open it.
cicu_charset_stream *cicu_charset_stream_open(const char *name, int32_t *status);

void cicu_charset_stream_close(cicu_charset_stream *stream);

/// Converts the next piece `bytes[0..<length]` to UTF-16 in `output`, `flush` set for the last piece. `output`
/// needs room for `capacity` units; twice the byte count and 16 more is always enough. `output_length` receives the
/// units written; `invalid_count` receives the invalid sequences met so far in the whole input. Returns 0, an ICU
/// status, or CICU_BUFFER_TOO_SMALL (the piece is then only partly converted and the stream is spoiled).
int32_t cicu_charset_stream_convert(cicu_charset_stream *stream, const uint8_t *bytes, int32_t length, int32_t flush,
                                    uint16_t *output, int32_t capacity, int32_t *output_length, int32_t *invalid_count);

/// Writes the word boundaries of `text[0..<length]` (UTF-16 offsets, ascending, 0 and `length` included) into
/// `boundaries`; returns how many there are, which may exceed `capacity` (then call again with more room).
///
/// Chunked like `cicu_word_breaker_count`, so a hard chunk cut adds one boundary ICU would not have put there.
int32_t cicu_word_breaker_boundaries(cicu_word_breaker *breaker, const uint16_t *text, int32_t length,
                                     int32_t max_chunk, int32_t *boundaries, int32_t capacity, int32_t *status);

/// Writes the word tokens of `text[0..<length]` as triples (start, end, kind) into `words`: UTF-16 offsets of
/// each piece whose rule status is a word status, and its kind (1 number, 2 letter, 3 kana, 4 ideograph). Returns
/// how many int32 values there are in all, which may exceed `capacity` (then call again with more room). The tokens
/// are exactly those `cicu_word_breaker_count` counts.
int32_t cicu_word_breaker_words(cicu_word_breaker *breaker, const uint16_t *text, int32_t length,
                                int32_t max_chunk, int32_t *words, int32_t capacity, int32_t *status);

typedef struct cicu_sentence_breaker cicu_sentence_breaker;

/// Opens a sentence break iterator for a locale (for example "zh").
cicu_sentence_breaker *cicu_sentence_breaker_open(const char *locale, int32_t *status);
void cicu_sentence_breaker_close(cicu_sentence_breaker *breaker);

/// Writes the sentence boundaries of `text[0..<length]` (UTF-16 offsets, ascending, 0 and `length` included) into
/// `boundaries`; returns how many there are, which may exceed `capacity` (then call again with more room).
int32_t cicu_sentence_breaker_boundaries(cicu_sentence_breaker *breaker, const uint16_t *text, int32_t length,
                                         int32_t *boundaries, int32_t capacity, int32_t *status);

/// The Sentence_Break property of a code point (UAX #29), as ICU numbers it: 0 other, 1 ATerm, 2 Close, 3 Format,
/// 4 Lower, 5 Numeric, 6 OLetter, 7 Sep, 8 Sp, 9 STerm, 10 Upper, 11 CR, 12 Extend, 13 LF, 14 SContinue.
int32_t cicu_sentence_break(uint32_t scalar);

/// The East Asian Width of a code point (UAX #11), as ICU numbers it: 0 neutral, 1 ambiguous, 2 halfwidth,
/// 3 fullwidth, 4 narrow, 5 wide.
int32_t cicu_east_asian_width(uint32_t scalar);

#ifdef __cplusplus
}
#endif

#endif
