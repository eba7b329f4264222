#ifndef CLIBXML2_H
#define CLIBXML2_H

/*
 * A narrow C surface over libxml2. Only plain C types cross this header (opaque struct pointers, C strings and
 * integers), so no Swift module sees libxml2's own headers. Every parse uses its own parser context and
 * collects its own errors: nothing here touches libxml2's process-wide error handlers.
 *
 * Strings returned as `char *` are owned by the caller and released with cxml_string_free; `const char *`
 * results are borrowed from the document and live as long as it does.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The first problem a parse, an XPath evaluation or a validation met.
typedef struct cxml_error {
    /// libxml2's error code (an xmlParserErrors value); 0 when there was no error.
    int32_t code;
    /// 1-based line in the parsed bytes, 0 when unknown.
    int32_t line;
    /// 1-based column, 0 when unknown.
    int32_t column;
    /// The message, without its trailing newline.
    char message[512];
} cxml_error;

typedef struct cxml_document cxml_document;
typedef struct cxml_node cxml_node;
typedef struct cxml_xpath_result cxml_xpath_result;

/// Node kinds, with libxml2's numbering.
enum {
    CXML_ELEMENT_NODE = 1,
    CXML_ATTRIBUTE_NODE = 2,
    CXML_TEXT_NODE = 3,
    CXML_CDATA_SECTION_NODE = 4,
    CXML_ENTITY_REF_NODE = 5,
    CXML_COMMENT_NODE = 8,
    CXML_DOCUMENT_NODE = 9,
    CXML_HTML_DOCUMENT_NODE = 13,
};

/// A forward-only reader over XML (libxml2's xmlTextReader): no tree is built, so a large part can be read in
/// the memory of its bytes. Same options as cxml_parse_xml: no network, no DTD loading, no entity substitution
/// (references arrive as CXML_READER_ENTITY_REFERENCE nodes), libxml2's default limits. Its strings are borrowed and
/// valid until the next cxml_reader_read.
typedef struct cxml_reader cxml_reader;

/// Reader node kinds that differ from the tree's numbering (xmlReaderTypes).
enum {
    CXML_READER_ELEMENT = 1,
    CXML_READER_TEXT = 3,
    CXML_READER_CDATA = 4,
    CXML_READER_ENTITY_REFERENCE = 5,
    CXML_READER_DOCUMENT_TYPE = 10,
    CXML_READER_WHITESPACE = 13,
    CXML_READER_SIGNIFICANT_WHITESPACE = 14,
    CXML_READER_END_ELEMENT = 15,
};

/// A reader over `bytes`, which must outlive it; NULL when out of memory.
cxml_reader *cxml_reader_new(const char *bytes, int32_t length, const char *url);
/// Fills `buffer` with up to `capacity` bytes of the document: how many (0 at its end), or -1 when it cannot.
typedef int (*cxml_read_function)(void *context, char *buffer, int capacity);
/// A reader over the bytes `read` gives, asked for as the reader needs them; NULL when out of memory or when the
/// first bytes cannot be read.
cxml_reader *cxml_reader_new_pulling(cxml_read_function read, void *context, const char *url);
/// Moves to the next node: 1 when there is one, 0 at the end of the document, -1 when the bytes are not
/// well-formed, a limit was hit or libxml2 reported any error, even one it read past (the reader is then done).
int32_t cxml_reader_read(cxml_reader *reader);
/// The current node's kind (CXML_READER_…), its depth (the root element is 0), whether it is an empty element
/// (`<v/>`), its local name, and its value (text nodes).
int32_t cxml_reader_node_type(cxml_reader *reader);
int32_t cxml_reader_depth(cxml_reader *reader);
int32_t cxml_reader_is_empty_element(cxml_reader *reader);
const char *cxml_reader_local_name(cxml_reader *reader);
const char *cxml_reader_value(cxml_reader *reader);
/// The current element's attribute `name`, found as cxml_node_attribute finds it, or NULL; free with
/// cxml_string_free.
char *cxml_reader_attribute(cxml_reader *reader, const char *name);
void cxml_reader_free(cxml_reader *reader);

/// The libxml2 version the program runs with, such as "20914".
const char *cxml_version(void);

/// Parses XML without network access, DTD loading or entity substitution, within libxml2's default limits.
/// Returns NULL when the bytes are not well-formed, with the first problem in `error`, and also when entity
/// references would expand to more than 4 times the document's size plus 1 MiB of text (a quadratic blowup).
cxml_document *cxml_parse_xml(const char *bytes, int32_t length, const char *url, cxml_error *error);

/// Parses HTML leniently (HTML is recovered, never rejected for its mistakes). `encoding` names the encoding of
/// the bytes (an iconv name); NULL lets libxml2 follow the page's meta charset. A named encoding wins over the
/// page's own declaration. Returns NULL only when nothing could be parsed. A page whose parse stopped before its
/// end (elements nested past libxml2's depth limit) is returned with the problem that stopped it in `error`;
/// otherwise `error` is cleared.
cxml_document *cxml_parse_html(const char *bytes, int32_t length, const char *encoding, cxml_error *error);

void cxml_document_free(cxml_document *document);

/// The encoding the document declared (such as "GB2312"), or NULL when it declared none; borrowed.
const char *cxml_document_encoding(const cxml_document *document);

/// The external entities (general and parameter) the document's internal DTD subset declares, which are never
/// loaded: writes up to `capacity` names (borrowed, in no particular order) and returns how many there are.
int32_t cxml_document_external_entities(const cxml_document *document, const char **names, int32_t capacity);

/// The root element, or NULL for an empty document.
cxml_node *cxml_document_root(const cxml_document *document);

cxml_node *cxml_node_first_child(const cxml_node *node);
cxml_node *cxml_node_next_sibling(const cxml_node *node);
cxml_node *cxml_node_parent(const cxml_node *node);
int32_t cxml_node_type(const cxml_node *node);
/// The name without prefix; borrowed.
const char *cxml_node_local_name(const cxml_node *node);
/// The namespace URI of the node's name, or NULL; borrowed.
const char *cxml_node_namespace_uri(const cxml_node *node);
/// The line the node starts on, 0 when unknown.
int32_t cxml_node_line(const cxml_node *node);
/// All text inside the node (entity references replaced by their text when it is known); owned.
char *cxml_node_text_content(const cxml_node *node);
/// The value of the attribute `name`, in `namespace_uri` (NULL: an attribute without namespace, or with any
/// namespace when none without exists); NULL when absent; owned.
char *cxml_node_attribute(const cxml_node *node, const char *name, const char *namespace_uri);
/// The namespace prefixes declared on the node itself: writes up to `capacity` prefix/URI pairs (a NULL prefix
/// for a default namespace) and returns how many declarations there are. Borrowed strings.
int32_t cxml_node_namespace_declarations(const cxml_node *node, const char **prefixes, const char **uris,
                                         int32_t capacity);

void cxml_string_free(char *string);

/// Evaluates an XPath 1.0 expression with `context` as the context node (the document when NULL), with the
/// namespace prefixes given. Returns NULL on a malformed expression or a failed evaluation, with `error` set.
cxml_xpath_result *cxml_xpath_evaluate(cxml_document *document, const cxml_node *context, const char *expression,
                                       const char *const *prefixes, const char *const *uris, int32_t namespace_count,
                                       cxml_error *error);
/// Whether the result is a node set (otherwise a string, number or boolean).
int32_t cxml_xpath_result_is_node_set(const cxml_xpath_result *result);
int32_t cxml_xpath_result_count(const cxml_xpath_result *result);
cxml_node *cxml_xpath_result_node(const cxml_xpath_result *result, int32_t index);
/// The XPath string value of the result; owned.
char *cxml_xpath_result_string(const cxml_xpath_result *result);
void cxml_xpath_result_free(cxml_xpath_result *result);

/// Validates the document against the XML Schema in the file at `schema_path`.
/// Returns 0 when valid, 1 when invalid (first problem in `error`), -1 when the schema cannot be used.
/// `problem_count` receives the number of validity problems found.
int32_t cxml_validate_schema(const cxml_document *document, const char *schema_path, cxml_error *error,
                             int32_t *problem_count);

/// An XML writer that builds a document in memory through libxml2's xmlTextWriter, which escapes text and
/// attribute values (line breaks in attributes become character references, so they survive a re-read).
typedef struct cxml_writer cxml_writer;

/// A writer with two-space indentation when `indent` is non-zero; NULL when out of memory.
cxml_writer *cxml_writer_new(int32_t indent);
void cxml_writer_free(cxml_writer *writer);
/// Writes the XML declaration (version 1.0, UTF-8, standalone). Every call below returns a negative number on
/// failure and a non-negative one on success.
int32_t cxml_writer_start_document(cxml_writer *writer);
int32_t cxml_writer_start_element(cxml_writer *writer, const char *name);
/// An attribute of the element just started; `value` is UTF-8 text, escaped as needed.
int32_t cxml_writer_attribute(cxml_writer *writer, const char *name, const char *value);
/// Character data inside the current element, escaped as needed.
int32_t cxml_writer_text(cxml_writer *writer, const char *text);
/// Writes `length` bytes of markup as they are, unchecked and unescaped (closing an open start tag first).
int32_t cxml_writer_raw(cxml_writer *writer, const char *bytes, int32_t length);
int32_t cxml_writer_end_element(cxml_writer *writer);
/// Closes every open element and flushes the output.
int32_t cxml_writer_end_document(cxml_writer *writer);
/// The bytes written so far (after cxml_writer_end_document: the whole document); borrowed from the writer.
const char *cxml_writer_content(cxml_writer *writer, int32_t *length);
/// Lets go of the bytes written so far, once taken with cxml_writer_content; what is written next follows them.
void cxml_writer_discard_content(cxml_writer *writer);

#ifdef __cplusplus
}
#endif

#endif
