#include "CICU.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

const char *cicu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, text);
    return text;
}

const char *cicu_error_name(int32_t status) {
    if (status == CICU_BUFFER_TOO_SMALL) return "buffer too small";
    return u_errorName((UErrorCode)status);
}

int32_t cicu_is_nfc(const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    UBool normalized = unorm2_isNormalized(nfc, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    return normalized ? 1 : 0;
}

int32_t cicu_fold(const uint16_t *source, int32_t length,
                  uint16_t *output, int32_t *source_starts, int32_t *source_ends, int32_t capacity,
                  int32_t *output_length) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) return status;
    const UChar *text = (const UChar *)source;
    int32_t in = 0, out = 0;
    while (in < length) {
        /* Most text is already normalized: copy that prefix with an identity map. The span ends at a
           normalization boundary, so what follows can be normalized on its own. */
        int32_t normalized = unorm2_spanQuickCheckYes(normalizer, text + in, length - in, &status);
        if (U_FAILURE(status)) return status;
        if (out + normalized > capacity) return CICU_BUFFER_TOO_SMALL;
        for (int32_t i = 0; i < normalized; i++) {
            output[out + i] = source[in + i];
            source_starts[out + i] = in + i;
            source_ends[out + i] = in + i + 1;
        }
        in += normalized;
        out += normalized;
        if (in >= length) break;

        /* One segment: a code point and everything up to the next boundary. Its output maps to its whole
           source range, which keeps offsets exact at segment granularity. */
        int32_t end = in;
        UChar32 c;
        U16_NEXT(text, end, length, c);
        while (end < length) {
            int32_t next = end;
            U16_NEXT(text, next, length, c);
            if (unorm2_hasBoundaryBefore(normalizer, c)) break;
            end = next;
        }
        int32_t produced = unorm2_normalize(normalizer, text + in, end - in, (UChar *)output + out,
                                            capacity - out, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) return CICU_BUFFER_TOO_SMALL;
        if (U_FAILURE(status)) return status;
        status = U_ZERO_ERROR; /* drop U_STRING_NOT_TERMINATED_WARNING */
        for (int32_t i = 0; i < produced; i++) {
            source_starts[out + i] = in;
            source_ends[out + i] = end;
        }
        out += produced;
        in = end;
    }
    *output_length = out;
    return 0;
}

struct cicu_transliterator {
    UTransliterator *handle;
};

cicu_transliterator *cicu_transliterator_open(const char *id, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UChar name[128];
    u_strFromUTF8(name, 128, NULL, id, -1, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return NULL;
    }
    UTransliterator *handle = utrans_openU(name, -1, UTRANS_FORWARD, NULL, 0, NULL, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return NULL;
    }
    cicu_transliterator *result = malloc(sizeof *result);
    if (result == NULL) {
        utrans_close(handle);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->handle = handle;
    *status = 0;
    return result;
}

void cicu_transliterator_close(cicu_transliterator *transliterator) {
    if (transliterator == NULL) return;
    utrans_close(transliterator->handle);
    free(transliterator);
}

int32_t cicu_transliterator_source_set(const cicu_transliterator *transliterator,
                                       uint32_t *code_points, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    USet *set = uset_openEmpty();
    utrans_getSourceSet(transliterator->handle, 0, set, &error);
    int32_t count = 0;
    if (U_SUCCESS(error)) {
        int32_t ranges = uset_getRangeCount(set);
        for (int32_t r = 0; r < ranges; r++) {
            UChar32 start, end;
            uset_getItem(set, r, &start, &end, NULL, 0, &error);
            if (U_FAILURE(error)) break;
            for (UChar32 c = start; c <= end; c++) {
                if (count < capacity) code_points[count] = (uint32_t)c;
                count++;
            }
        }
    }
    uset_close(set);
    *status = U_FAILURE(error) ? error : 0;
    return count;
}

int32_t cicu_transliterator_apply(const cicu_transliterator *transliterator,
                                  uint16_t *text, int32_t length, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    int32_t text_length = length;
    int32_t limit = length;
    utrans_transUChars(transliterator->handle, (UChar *)text, &text_length, capacity, 0, &limit, &error);
    if (error == U_BUFFER_OVERFLOW_ERROR) {
        *status = CICU_BUFFER_TOO_SMALL;
        return 0;
    }
    *status = U_FAILURE(error) ? error : 0;
    return text_length;
}

struct cicu_word_breaker {
    UBreakIterator *handle;
};

cicu_word_breaker *cicu_word_breaker_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *handle = ubrk_open(UBRK_WORD, locale, NULL, 0, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return NULL;
    }
    cicu_word_breaker *result = malloc(sizeof *result);
    if (result == NULL) {
        ubrk_close(handle);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->handle = handle;
    *status = 0;
    return result;
}

void cicu_word_breaker_close(cicu_word_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->handle);
    free(breaker);
}

/* A chunk may end right after whitespace or punctuation: no word continues across those. */
static int is_safe_cut_after(uint16_t unit) {
    if (U16_IS_SURROGATE(unit)) return 0;
    return u_isUWhiteSpace(unit) || u_ispunct(unit);
}

static int32_t chunk_end(const uint16_t *text, int32_t start, int32_t length, int32_t max_chunk) {
    if (length - start <= max_chunk) return length;
    int32_t limit = start + max_chunk;
    int32_t floor = start + max_chunk / 2;
    for (int32_t i = limit; i > floor; i--) {
        if (is_safe_cut_after(text[i - 1])) return i;
    }
    /* No safe place in the last half: cut anyway, but never between the halves of a surrogate pair. */
    if (U16_IS_LEAD(text[limit - 1])) limit--;
    return limit;
}

/* Points the iterator at one chunk; false (with *status set) when ICU refuses it. */
static int set_chunk(cicu_word_breaker *breaker, const uint16_t *text, int32_t start, int32_t end, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText(breaker->handle, (const UChar *)text + start, end - start, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return 0;
    }
    ubrk_first(breaker->handle);
    return 1;
}

/* Leaves no pointer to the caller's buffer behind. */
static void release_text(cicu_word_breaker *breaker, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText(breaker->handle, NULL, 0, &error);
    *status = 0;
}

int64_t cicu_word_breaker_count(cicu_word_breaker *breaker, const uint16_t *text, int32_t length,
                                int32_t max_chunk, int32_t *status) {
    if (max_chunk < 16) max_chunk = 16;
    int64_t words = 0;
    for (int32_t start = 0, end; start < length; start = end) {
        end = chunk_end(text, start, length, max_chunk);
        if (!set_chunk(breaker, text, start, end, status)) return words;
        while (ubrk_next(breaker->handle) != UBRK_DONE) {
            if (ubrk_getRuleStatus(breaker->handle) >= UBRK_WORD_NONE_LIMIT) words++;
        }
    }
    release_text(breaker, status);
    return words;
}

int32_t cicu_detect_charsets(const uint8_t *bytes, int32_t length, const char *declared,
                             char *names, int32_t *confidences, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&error);
    if (U_FAILURE(error)) return -(int32_t)error;
    ucsdet_setText(detector, (const char *)bytes, length, &error);
    if (declared != NULL && declared[0] != 0) ucsdet_setDeclaredEncoding(detector, declared, -1, &error);
    int32_t found = 0;
    const UCharsetMatch **matches = U_SUCCESS(error) ? ucsdet_detectAll(detector, &found, &error) : NULL;
    int32_t written = 0;
    for (int32_t i = 0; U_SUCCESS(error) && matches != NULL && i < found && written < capacity; i++) {
        const char *name = ucsdet_getName(matches[i], &error);
        int32_t confidence = ucsdet_getConfidence(matches[i], &error);
        if (U_FAILURE(error) || name == NULL || strlen(name) >= CICU_CHARSET_NAME_CAPACITY) continue;
        strcpy(names + written * CICU_CHARSET_NAME_CAPACITY, name);
        confidences[written] = confidence;
        written++;
    }
    ucsdet_close(detector);
    if (U_FAILURE(error)) return -(int32_t)error;
    return written;
}

int32_t cicu_charset_standard_name(const char *name, char *output, int32_t capacity) {
    if (capacity > 0) output[0] = 0;
    /* ucnv_open treats an empty name as "the platform default", which is no name at all here. */
    if (name == NULL || name[0] == 0) return U_ILLEGAL_ARGUMENT_ERROR;
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(name, &error);
    if (U_FAILURE(error)) return error;
    const char *canonical = ucnv_getName(converter, &error);
    const char *preferred = NULL;
    if (U_SUCCESS(error)) {
        UErrorCode lookup = U_ZERO_ERROR;
        preferred = ucnv_getStandardName(canonical, "MIME", &lookup);
        if (preferred == NULL || U_FAILURE(lookup)) {
            lookup = U_ZERO_ERROR;
            preferred = ucnv_getStandardName(canonical, "IANA", &lookup);
            if (U_FAILURE(lookup)) preferred = NULL;
        }
        if (preferred == NULL) preferred = canonical;
        if ((int32_t)strlen(preferred) < capacity) strcpy(output, preferred);
    }
    ucnv_close(converter);
    return U_FAILURE(error) ? error : 0;
}

/* What the conversion callback learns: which output units stand for invalid input. */
enum { CICU_PENDING_CAPACITY = 64 };
typedef struct {
    const UChar *output;
    int32_t pending[CICU_PENDING_CAPACITY];
    int32_t pending_count;
    int32_t total;
} cicu_invalid_log;

/* Writes U+FFFD for an invalid or unmappable sequence and notes where it went in the output. ICU's own
   substitute callback would write a codepage's substitution character, which for some is U+001A. */
static void cicu_substitute_and_log(const void *context, UConverterToUnicodeArgs *args, const char *code_units,
                                    int32_t length, UConverterCallbackReason reason, UErrorCode *error) {
    (void)code_units;
    (void)length;
    if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
    cicu_invalid_log *log = (cicu_invalid_log *)context;
    if (log->pending_count < CICU_PENDING_CAPACITY) {
        log->pending[log->pending_count++] = (int32_t)(args->target - log->output);
    }
    log->total++;
    static const UChar replacement = 0xFFFD;
    *error = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

int32_t cicu_convert_to_utf16(const char *name, const uint8_t *bytes, int32_t length,
                              uint16_t *output, int32_t capacity, int32_t *output_length,
                              int32_t *invalid_offsets, int32_t offsets_capacity, int32_t *invalid_count) {
    *output_length = 0;
    *invalid_count = 0;
    if (name == NULL || name[0] == 0) return U_ILLEGAL_ARGUMENT_ERROR;
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(name, &error);
    if (U_FAILURE(error)) return error;

    cicu_invalid_log log = {.output = (const UChar *)output, .pending_count = 0, .total = 0};
    ucnv_setToUCallBack(converter, cicu_substitute_and_log, &log, NULL, NULL, &error);
    if (U_FAILURE(error)) {
        ucnv_close(converter);
        return error;
    }

    /* The input goes to ICU in pieces so that the offsets ICU reports (input position of every output unit,
       which is how an invalid sequence is located exactly) need only a small buffer. */
    enum { CHUNK = 1 << 16, OFFSETS = 2 * CHUNK + 64 };
    int32_t *offsets = malloc(sizeof(int32_t) * OFFSETS);
    if (offsets == NULL) {
        ucnv_close(converter);
        return U_MEMORY_ALLOCATION_ERROR;
    }
    const char *source = (const char *)bytes;
    const char *source_end = source + length;
    UChar *target = (UChar *)output;
    UChar *target_end = target + capacity;
    int32_t located = 0;
    int32_t status = 0;
    for (;;) {
        const char *call_source = source;
        UChar *call_target = target;
        int32_t room = (int32_t)(target_end - target);
        if (room > OFFSETS) room = OFFSETS;
        if (room == 0) {
            status = CICU_BUFFER_TOO_SMALL;
            break;
        }
        const char *limit = (source_end - source > CHUNK) ? source + CHUNK : source_end;
        UBool flush = limit == source_end;
        log.pending_count = 0;
        error = U_ZERO_ERROR;
        ucnv_toUnicode(converter, &target, target + room, &source, limit, offsets, flush, &error);
        int32_t produced = (int32_t)(target - call_target);
        int32_t base = (int32_t)(call_source - (const char *)bytes);
        for (int32_t i = 0; i < log.pending_count && located < offsets_capacity; i++) {
            int32_t index = log.pending[i] - (int32_t)(call_target - (const UChar *)output);
            /* An index outside this call's output, or -1 from ICU, means the sequence began in an earlier
               piece: the start of this piece is the nearest place known. */
            int32_t offset = (index >= 0 && index < produced && offsets[index] >= 0) ? offsets[index] : 0;
            invalid_offsets[located++] = base + offset;
        }
        if (error == U_BUFFER_OVERFLOW_ERROR) {
            if (target == target_end) {
                status = CICU_BUFFER_TOO_SMALL;
                break;
            }
            continue;
        }
        if (U_FAILURE(error)) {
            status = error;
            break;
        }
        if (flush && source == source_end) break;
    }
    free(offsets);
    ucnv_close(converter);
    *output_length = (int32_t)(target - (UChar *)output);
    *invalid_count = log.total;
    return status;
}

struct cicu_charset_stream {
    UConverter *converter;
    cicu_invalid_log log;
};

cicu_charset_stream *cicu_charset_stream_open(const char *name, int32_t *status) {
    *status = 0;
    if (name == NULL || name[0] == 0) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return NULL;
    }
    cicu_charset_stream *stream = calloc(1, sizeof(cicu_charset_stream));
    if (stream == NULL) {
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    UErrorCode error = U_ZERO_ERROR;
    stream->converter = ucnv_open(name, &error);
    if (U_SUCCESS(error)) {
        /* The log lives in the stream, so the callback's context stays valid for the converter's whole life. */
        ucnv_setToUCallBack(stream->converter, cicu_substitute_and_log, &stream->log, NULL, NULL, &error);
    }
    if (U_FAILURE(error)) {
        if (stream->converter != NULL) ucnv_close(stream->converter);
        free(stream);
        *status = error;
        return NULL;
    }
    return stream;
}

void cicu_charset_stream_close(cicu_charset_stream *stream) {
    if (stream == NULL) return;
    ucnv_close(stream->converter);
    free(stream);
}

int32_t cicu_charset_stream_convert(cicu_charset_stream *stream, const uint8_t *bytes, int32_t length, int32_t flush,
                                    uint16_t *output, int32_t capacity, int32_t *output_length, int32_t *invalid_count) {
    const char *source = (const char *)bytes;
    UChar *target = (UChar *)output;
    stream->log.output = (const UChar *)output;
    stream->log.pending_count = 0;
    UErrorCode error = U_ZERO_ERROR;
    ucnv_toUnicode(stream->converter, &target, target + capacity, &source, source + length, NULL, flush != 0, &error);
    *output_length = (int32_t)(target - (UChar *)output);
    *invalid_count = stream->log.total;
    if (error == U_BUFFER_OVERFLOW_ERROR) return CICU_BUFFER_TOO_SMALL;
    return U_FAILURE(error) ? error : 0;
}

int32_t cicu_word_breaker_boundaries(cicu_word_breaker *breaker, const uint16_t *text, int32_t length,
                                     int32_t max_chunk, int32_t *boundaries, int32_t capacity, int32_t *status) {
    if (max_chunk < 16) max_chunk = 16;
    int32_t count = 0;
    if (count < capacity) boundaries[count] = 0;
    count++;
    for (int32_t start = 0, end; start < length; start = end) {
        end = chunk_end(text, start, length, max_chunk);
        if (!set_chunk(breaker, text, start, end, status)) return count;
        int32_t boundary;
        while ((boundary = ubrk_next(breaker->handle)) != UBRK_DONE) {
            if (count < capacity) boundaries[count] = start + boundary;
            count++;
        }
    }
    release_text(breaker, status);
    return count;
}

int32_t cicu_word_breaker_words(cicu_word_breaker *breaker, const uint16_t *text, int32_t length,
                                int32_t max_chunk, int32_t *words, int32_t capacity, int32_t *status) {
    if (max_chunk < 16) max_chunk = 16;
    int32_t count = 0;
    for (int32_t start = 0, end; start < length; start = end) {
        end = chunk_end(text, start, length, max_chunk);
        if (!set_chunk(breaker, text, start, end, status)) return count;
        int32_t previous = 0, boundary;
        while ((boundary = ubrk_next(breaker->handle)) != UBRK_DONE) {
            int32_t rule = ubrk_getRuleStatus(breaker->handle);
            if (rule >= UBRK_WORD_NONE_LIMIT) {
                if (count + 3 <= capacity) {
                    words[count] = start + previous;
                    words[count + 1] = start + boundary;
                    words[count + 2] = rule < UBRK_WORD_NUMBER_LIMIT ? 1
                                       : rule < UBRK_WORD_LETTER_LIMIT ? 2
                                       : rule < UBRK_WORD_KANA_LIMIT ? 3 : 4;
                }
                count += 3;
            }
            previous = boundary;
        }
    }
    release_text(breaker, status);
    return count;
}

struct cicu_sentence_breaker {
    UBreakIterator *handle;
};

cicu_sentence_breaker *cicu_sentence_breaker_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *handle = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return NULL;
    }
    cicu_sentence_breaker *result = malloc(sizeof *result);
    if (result == NULL) {
        ubrk_close(handle);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    result->handle = handle;
    *status = 0;
    return result;
}

void cicu_sentence_breaker_close(cicu_sentence_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->handle);
    free(breaker);
}

int32_t cicu_sentence_breaker_boundaries(cicu_sentence_breaker *breaker, const uint16_t *text, int32_t length,
                                         int32_t *boundaries, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText(breaker->handle, (const UChar *)text, length, &error);
    if (U_FAILURE(error)) {
        *status = error;
        return 0;
    }
    int32_t count = 0;
    int32_t boundary = ubrk_first(breaker->handle);
    while (boundary != UBRK_DONE) {
        if (count < capacity) boundaries[count] = boundary;
        count++;
        boundary = ubrk_next(breaker->handle);
    }
    /* Leave no pointer to the caller's buffer behind. */
    error = U_ZERO_ERROR;
    ubrk_setText(breaker->handle, NULL, 0, &error);
    *status = 0;
    return count;
}

int32_t cicu_sentence_break(uint32_t scalar) {
    return u_getIntPropertyValue((UChar32)scalar, UCHAR_SENTENCE_BREAK);
}

int32_t cicu_east_asian_width(uint32_t scalar) {
    return u_getIntPropertyValue((UChar32)scalar, UCHAR_EAST_ASIAN_WIDTH);
}
