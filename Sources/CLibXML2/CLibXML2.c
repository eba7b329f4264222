#include "CLibXML2.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlversion.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* libxml2 2.9 asks for one initialization before parsers are used from several threads. */
static pthread_once_t initialization = PTHREAD_ONCE_INIT;

static void initialize_library(void) { xmlInitParser(); }

static void ensure_initialized(void) { pthread_once(&initialization, initialize_library); }

/* Where one operation's errors go: the first error is kept, the rest only counted. */
typedef struct error_recorder {
    cxml_error *error;
    int32_t count;
} error_recorder;

static void clear_error(cxml_error *error) {
    if (error == NULL) return;
    error->code = 0;
    error->line = 0;
    error->column = 0;
    error->message[0] = '\0';
}

static void copy_error(cxml_error *target, const xmlError *source) {
    if (target == NULL || source == NULL) return;
    target->code = source->code != 0 ? source->code : -1;
    target->line = source->line;
    target->column = source->int2;
    const char *message = source->message != NULL ? source->message : "unknown error";
    snprintf(target->message, sizeof target->message, "%s", message);
    size_t length = strlen(target->message);
    while (length > 0 && (target->message[length - 1] == '\n' || target->message[length - 1] == ' ')) {
        target->message[--length] = '\0';
    }
}

static void record_error(error_recorder *recorder, const xmlError *error) {
    if (recorder == NULL || error == NULL || error->level < XML_ERR_ERROR) return;
    if (recorder->count == 0) copy_error(recorder->error, error);
    recorder->count += 1;
}

/* libxml2 2.9 (the version on our machines) has no per-context error handler setter (xmlCtxtSetErrorHandler
   came in 2.13), so errors are taken through the context's own structured SAX error callback, which libxml2
   prefers over its process-wide handlers and which does not print anything. */

/* Parser errors arrive with the context's userData, which is the context itself; its _private holds the
   recorder of this parse. */
static void record_parser_error(void *data, xmlErrorPtr error) {
    xmlParserCtxtPtr context = (xmlParserCtxtPtr)data;
    if (context == NULL) return;
    record_error((error_recorder *)context->_private, error);
}

static void record_plain_error(void *data, xmlErrorPtr error) { record_error((error_recorder *)data, error); }

static void set_error(cxml_error *error, int32_t code, const char *message) {
    if (error == NULL) return;
    clear_error(error);
    error->code = code;
    snprintf(error->message, sizeof error->message, "%s", message);
}

const char *cxml_version(void) { return xmlParserVersion; }

/* Errors raised outside a parser context (a failed encoding conversion: "encoding error : input conversion
   failed") go to libxml2's generic error channel, which prints to stderr; the parse then fails and is reported
   through the context, so the channel is silenced for the duration of one parse. libxml2 keeps this channel per
   thread, so other threads' parses are not affected. */
static void ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

typedef struct generic_error_channel {
    xmlGenericErrorFunc handler;
    void *context;
} generic_error_channel;

static generic_error_channel silence_generic_errors(void) {
    generic_error_channel previous = {xmlGenericError, xmlGenericErrorContext};
    xmlSetGenericErrorFunc(NULL, ignore_generic_error);
    return previous;
}

static void restore_generic_errors(generic_error_channel previous) {
    xmlSetGenericErrorFunc(previous.context, previous.handler);
}

/* libxml2 2.9 stops entity loops (billion laughs) but not one large entity referenced many times (quadratic
   blowup): 100 KB of markup can then stand for gigabytes of text, which every text walk would build. libxml2 2.9
   has no option to bound this (2.11 added an amplification limit), so the text a tree stands for, with entity
   references expanded, is counted here before anyone reads it, and a tree that expands past its budget is
   refused. Every node also costs one unit, so references to empty entities are bounded too. */
typedef struct expansion_count {
    size_t used;
    size_t budget;
    const xmlNode *culprit;
} expansion_count;

/* Entity nesting allowed while counting; libxml2's own loop detection rejects deeper chains at parse time. */
enum { MAXIMUM_ENTITY_NESTING = 40 };

static int count_expansion(const xmlDoc *document, const xmlNode *node, expansion_count *count, int nesting);

static int count_node(const xmlDoc *document, const xmlNode *node, expansion_count *count, int nesting) {
    count->used += 1;
    switch (node->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        if (node->content != NULL) count->used += strlen((const char *)node->content);
        break;
    case XML_ENTITY_REF_NODE: {
        xmlEntityPtr entity = xmlGetDocEntity(document, node->name);
        if (entity != NULL && entity->children != NULL) {
            if (nesting >= MAXIMUM_ENTITY_NESTING) return -1;
            if (count_expansion(document, entity->children, count, nesting + 1) < 0) return -1;
        }
        break;
    }
    case XML_ELEMENT_NODE:
        /* Attribute values keep their entity references too, and readers expand them (cell references,
           relationship targets). */
        for (const xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next) {
            if (count_expansion(document, attribute->children, count, nesting) < 0) return -1;
        }
        if (count_expansion(document, node->children, count, nesting) < 0) return -1;
        break;
    default:
        break;
    }
    return count->used > count->budget ? -1 : 0;
}

static int count_expansion(const xmlDoc *document, const xmlNode *node, expansion_count *count, int nesting) {
    for (; node != NULL; node = node->next) {
        if (count_node(document, node, count, nesting) < 0) {
            /* The reference in the document's body that tipped the count is the place to report. */
            if (count->culprit == NULL || (nesting == 0 && node->type == XML_ENTITY_REF_NODE)) count->culprit = node;
            return -1;
        }
    }
    return 0;
}

cxml_document *cxml_parse_xml(const char *bytes, int32_t length, const char *url, cxml_error *error) {
    ensure_initialized();
    clear_error(error);
    xmlParserCtxtPtr context = xmlNewParserCtxt();
    if (context == NULL) {
        set_error(error, XML_ERR_NO_MEMORY, "out of memory creating an XML parser");
        return NULL;
    }
    error_recorder recorder = {error, 0};
    context->sax->serror = record_parser_error;
    context->_private = &recorder;
    /* No XML_PARSE_NOENT (entities stay references, external ones are never fetched), no DTD loading, no
       network, and no XML_PARSE_HUGE, so libxml2's limits on entity expansion and depth apply. */
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA;
    generic_error_channel channel = silence_generic_errors();
    xmlDocPtr document = xmlCtxtReadMemory(context, bytes, length, url, NULL, options);
    restore_generic_errors(channel);
    if (document != NULL && context->wellFormed) {
        /* A well-formed document's text is at most its size; entities may add 4 times that, plus 1 MiB. */
        expansion_count count = {0, (size_t)length * 4 + ((size_t)1 << 20), NULL};
        if (count_expansion(document, document->children, &count, 0) < 0) {
            if (error != NULL) {
                clear_error(error);
                error->code = XML_ERR_ENTITY_LOOP;
                error->line = count.culprit != NULL ? (int32_t)xmlGetLineNo(count.culprit) : 0;
                if (error->line < 0) error->line = 0;
                snprintf(error->message, sizeof error->message,
                         "entity references expand to more than %zu bytes of text, over 4 times the document's size "
                         "(an entity expansion attack)",
                         count.budget);
            }
            xmlFreeDoc(document);
            context->_private = NULL;
            xmlFreeParserCtxt(context);
            return NULL;
        }
    }
    if (document == NULL || !context->wellFormed) {
        if (recorder.count == 0) {
            const xmlError *last = xmlCtxtGetLastError(context);
            if (last != NULL && last->code != 0) copy_error(error, last);
            else set_error(error, XML_ERR_DOCUMENT_EMPTY, "the XML could not be parsed");
        }
        if (document != NULL) xmlFreeDoc(document);
        document = NULL;
    }
    context->_private = NULL;
    xmlFreeParserCtxt(context);
    return (cxml_document *)document;
}

cxml_document *cxml_parse_html(const char *bytes, int32_t length, const char *encoding, cxml_error *error) {
    ensure_initialized();
    clear_error(error);
    htmlParserCtxtPtr context = htmlNewParserCtxt();
    if (context == NULL) {
        set_error(error, XML_ERR_NO_MEMORY, "out of memory creating an HTML parser");
        return NULL;
    }
    error_recorder recorder = {error, 0};
    context->sax->serror = record_parser_error;
    context->_private = &recorder;
    int options = HTML_PARSE_NONET | HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;
    if (encoding != NULL) options |= HTML_PARSE_IGNORE_ENC;
    generic_error_channel channel = silence_generic_errors();
    htmlDocPtr document = htmlCtxtReadMemory(context, bytes, length, NULL, encoding, options);
    restore_generic_errors(channel);
    if (document == NULL && recorder.count == 0) {
        set_error(error, XML_ERR_DOCUMENT_EMPTY, "the HTML could not be parsed");
    } else if (document != NULL) {
        /* HTML errors are recovered from (and libxml2's HTML context does not pass them to serror), so a parsed
           page reports only a halt: libxml2 stops the parse, leaving SAX disabled, on elements nested past its
           depth limit, and the rest of the page is then missing from the tree. */
        clear_error(error);
        if (context->disableSAX && error != NULL) {
            error->code = XML_ERR_INTERNAL_ERROR;
            error->line = context->input != NULL && context->input->line > 0 ? (int32_t)context->input->line : 0;
            snprintf(error->message, sizeof error->message,
                     "libxml2 stopped parsing here, as it does where elements nest more than 256 deep");
        }
    }
    context->_private = NULL;
    htmlFreeParserCtxt(context);
    return (cxml_document *)document;
}

void cxml_document_free(cxml_document *document) {
    if (document != NULL) xmlFreeDoc((xmlDocPtr)document);
}

const char *cxml_document_encoding(const cxml_document *document) {
    return document == NULL ? NULL : (const char *)((const xmlDoc *)document)->encoding;
}

typedef struct entity_names {
    const char **names;
    int32_t capacity;
    int32_t count;
} entity_names;

static void collect_external_entity(void *payload, void *data, const xmlChar *name) {
    (void)name;
    const xmlEntity *entity = (const xmlEntity *)payload;
    entity_names *list = (entity_names *)data;
    if (entity->etype != XML_EXTERNAL_GENERAL_PARSED_ENTITY && entity->etype != XML_EXTERNAL_GENERAL_UNPARSED_ENTITY &&
        entity->etype != XML_EXTERNAL_PARAMETER_ENTITY)
        return;
    if (list->count < list->capacity) list->names[list->count] = (const char *)entity->name;
    list->count += 1;
}

int32_t cxml_document_external_entities(const cxml_document *document, const char **names, int32_t capacity) {
    const xmlDoc *self = (const xmlDoc *)document;
    if (self == NULL || self->intSubset == NULL) return 0;
    entity_names list = {names, capacity, 0};
    if (self->intSubset->entities != NULL) xmlHashScan((xmlHashTablePtr)self->intSubset->entities, collect_external_entity, &list);
    if (self->intSubset->pentities != NULL) xmlHashScan((xmlHashTablePtr)self->intSubset->pentities, collect_external_entity, &list);
    return list.count;
}

cxml_node *cxml_document_root(const cxml_document *document) {
    return (cxml_node *)xmlDocGetRootElement((const xmlDoc *)document);
}

cxml_node *cxml_node_first_child(const cxml_node *node) {
    const xmlNode *self = (const xmlNode *)node;
    /* An entity reference's children are the entity's declaration, shared by every reference: walkers read
       its text through cxml_node_text_content instead. */
    if (self == NULL || self->type == XML_ENTITY_REF_NODE || self->type == XML_ATTRIBUTE_NODE) return NULL;
    return (cxml_node *)self->children;
}

cxml_node *cxml_node_next_sibling(const cxml_node *node) {
    return node == NULL ? NULL : (cxml_node *)((const xmlNode *)node)->next;
}

cxml_node *cxml_node_parent(const cxml_node *node) {
    return node == NULL ? NULL : (cxml_node *)((const xmlNode *)node)->parent;
}

int32_t cxml_node_type(const cxml_node *node) { return node == NULL ? 0 : (int32_t)((const xmlNode *)node)->type; }

const char *cxml_node_local_name(const cxml_node *node) {
    const xmlNode *self = (const xmlNode *)node;
    return self == NULL ? NULL : (const char *)self->name;
}

const char *cxml_node_namespace_uri(const cxml_node *node) {
    const xmlNode *self = (const xmlNode *)node;
    if (self == NULL) return NULL;
    if (self->type != XML_ELEMENT_NODE && self->type != XML_ATTRIBUTE_NODE) return NULL;
    return self->ns != NULL ? (const char *)self->ns->href : NULL;
}

int32_t cxml_node_line(const cxml_node *node) {
    if (node == NULL) return 0;
    long line = xmlGetLineNo((const xmlNode *)node);
    return line > 0 ? (int32_t)line : 0;
}

char *cxml_node_text_content(const cxml_node *node) {
    if (node == NULL) return NULL;
    return (char *)xmlNodeGetContent((const xmlNode *)node);
}

char *cxml_node_attribute(const cxml_node *node, const char *name, const char *namespace_uri) {
    const xmlNode *self = (const xmlNode *)node;
    if (self == NULL || name == NULL || self->type != XML_ELEMENT_NODE) return NULL;
    if (namespace_uri != NULL) return (char *)xmlGetNsProp(self, (const xmlChar *)name, (const xmlChar *)namespace_uri);
    xmlChar *value = xmlGetNoNsProp(self, (const xmlChar *)name);
    if (value == NULL) value = xmlGetProp(self, (const xmlChar *)name);
    return (char *)value;
}

int32_t cxml_node_namespace_declarations(const cxml_node *node, const char **prefixes, const char **uris,
                                         int32_t capacity) {
    const xmlNode *self = (const xmlNode *)node;
    if (self == NULL || self->type != XML_ELEMENT_NODE) return 0;
    int32_t count = 0;
    for (const xmlNs *ns = self->nsDef; ns != NULL; ns = ns->next) {
        if (count < capacity) {
            prefixes[count] = (const char *)ns->prefix;
            uris[count] = (const char *)ns->href;
        }
        count += 1;
    }
    return count;
}

void cxml_string_free(char *string) {
    if (string != NULL) xmlFree(string);
}

cxml_xpath_result *cxml_xpath_evaluate(cxml_document *document, const cxml_node *context, const char *expression,
                                       const char *const *prefixes, const char *const *uris, int32_t namespace_count,
                                       cxml_error *error) {
    ensure_initialized();
    clear_error(error);
    xmlXPathContextPtr xpath = xmlXPathNewContext((xmlDocPtr)document);
    if (xpath == NULL) {
        set_error(error, XML_ERR_NO_MEMORY, "out of memory creating an XPath context");
        return NULL;
    }
    error_recorder recorder = {error, 0};
    xpath->error = record_plain_error;
    xpath->userData = &recorder;
    for (int32_t index = 0; index < namespace_count; index++) {
        if (prefixes[index] == NULL || uris[index] == NULL) continue;
        xmlXPathRegisterNs(xpath, (const xmlChar *)prefixes[index], (const xmlChar *)uris[index]);
    }
    if (context != NULL) xpath->node = (xmlNodePtr)context;
    xmlXPathObjectPtr result = xmlXPathEvalExpression((const xmlChar *)expression, xpath);
    if (result == NULL && recorder.count == 0) set_error(error, XML_XPATH_EXPR_ERROR, "Invalid expression");
    if (result != NULL && recorder.count > 0) {
        xmlXPathFreeObject(result);
        result = NULL;
    }
    xmlXPathFreeContext(xpath);
    return (cxml_xpath_result *)result;
}

int32_t cxml_xpath_result_is_node_set(const cxml_xpath_result *result) {
    const xmlXPathObject *object = (const xmlXPathObject *)result;
    return object != NULL && object->type == XPATH_NODESET;
}

int32_t cxml_xpath_result_count(const cxml_xpath_result *result) {
    const xmlXPathObject *object = (const xmlXPathObject *)result;
    if (object == NULL || object->type != XPATH_NODESET || object->nodesetval == NULL) return 0;
    return object->nodesetval->nodeNr;
}

cxml_node *cxml_xpath_result_node(const cxml_xpath_result *result, int32_t index) {
    if (index < 0 || index >= cxml_xpath_result_count(result)) return NULL;
    return (cxml_node *)((const xmlXPathObject *)result)->nodesetval->nodeTab[index];
}

char *cxml_xpath_result_string(const cxml_xpath_result *result) {
    if (result == NULL) return NULL;
    return (char *)xmlXPathCastToString((xmlXPathObjectPtr)result);
}

void cxml_xpath_result_free(cxml_xpath_result *result) {
    if (result != NULL) xmlXPathFreeObject((xmlXPathObjectPtr)result);
}

int32_t cxml_validate_schema(const cxml_document *document, const char *schema_path, cxml_error *error,
                             int32_t *problem_count) {
    ensure_initialized();
    clear_error(error);
    if (problem_count != NULL) *problem_count = 0;
    /* Checked here so a missing file is not reported by libxml2's loader on the process-wide channel. */
    FILE *file = fopen(schema_path, "rb");
    if (file == NULL) {
        set_error(error, XML_IO_LOAD_ERROR, "cannot open the schema file");
        return -1;
    }
    fclose(file);
    error_recorder recorder = {error, 0};
    xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(schema_path);
    if (parser == NULL) {
        set_error(error, XML_IO_LOAD_ERROR, "cannot open the schema");
        return -1;
    }
    xmlSchemaSetParserStructuredErrors(parser, record_plain_error, &recorder);
    xmlSchemaPtr schema = xmlSchemaParse(parser);
    xmlSchemaFreeParserCtxt(parser);
    if (schema == NULL) {
        if (recorder.count == 0) set_error(error, XML_SCHEMAP_INTERNAL, "the schema is not usable");
        return -1;
    }
    xmlSchemaValidCtxtPtr validator = xmlSchemaNewValidCtxt(schema);
    if (validator == NULL) {
        xmlSchemaFree(schema);
        set_error(error, XML_ERR_NO_MEMORY, "out of memory creating a schema validator");
        return -1;
    }
    xmlSchemaSetValidStructuredErrors(validator, record_plain_error, &recorder);
    int status = xmlSchemaValidateDoc(validator, (xmlDocPtr)document);
    xmlSchemaFreeValidCtxt(validator);
    xmlSchemaFree(schema);
    if (problem_count != NULL) *problem_count = recorder.count;
    if (status == 0) return 0;
    if (status < 0) {
        if (recorder.count == 0) set_error(error, XML_SCHEMAV_INTERNAL, "the schema validator failed");
        return -1;
    }
    if (recorder.count == 0) set_error(error, status, "the document does not match the schema");
    return 1;
}

struct cxml_writer {
    xmlBufferPtr buffer;
    xmlTextWriterPtr writer;
};

cxml_writer *cxml_writer_new(int32_t indent) {
    ensure_initialized();
    cxml_writer *result = calloc(1, sizeof(cxml_writer));
    if (result == NULL) return NULL;
    result->buffer = xmlBufferCreate();
    if (result->buffer != NULL) result->writer = xmlNewTextWriterMemory(result->buffer, 0);
    if (result->writer == NULL) {
        cxml_writer_free(result);
        return NULL;
    }
    if (indent != 0) {
        xmlTextWriterSetIndent(result->writer, 1);
        xmlTextWriterSetIndentString(result->writer, BAD_CAST "  ");
    }
    return result;
}

void cxml_writer_free(cxml_writer *writer) {
    if (writer == NULL) return;
    if (writer->writer != NULL) xmlFreeTextWriter(writer->writer);
    if (writer->buffer != NULL) xmlBufferFree(writer->buffer);
    free(writer);
}

int32_t cxml_writer_start_document(cxml_writer *writer) {
    return xmlTextWriterStartDocument(writer->writer, "1.0", "UTF-8", "yes");
}

int32_t cxml_writer_start_element(cxml_writer *writer, const char *name) {
    return xmlTextWriterStartElement(writer->writer, BAD_CAST name);
}

int32_t cxml_writer_attribute(cxml_writer *writer, const char *name, const char *value) {
    return xmlTextWriterWriteAttribute(writer->writer, BAD_CAST name, BAD_CAST value);
}

int32_t cxml_writer_text(cxml_writer *writer, const char *text) {
    return xmlTextWriterWriteString(writer->writer, BAD_CAST text);
}

int32_t cxml_writer_raw(cxml_writer *writer, const char *bytes, int32_t length) {
    return xmlTextWriterWriteRawLen(writer->writer, BAD_CAST bytes, length);
}

int32_t cxml_writer_end_element(cxml_writer *writer) { return xmlTextWriterEndElement(writer->writer); }

int32_t cxml_writer_end_document(cxml_writer *writer) {
    int32_t status = xmlTextWriterEndDocument(writer->writer);
    if (status < 0) return status;
    return xmlTextWriterFlush(writer->writer);
}

const char *cxml_writer_content(cxml_writer *writer, int32_t *length) {
    xmlTextWriterFlush(writer->writer);
    if (length != NULL) *length = (int32_t)xmlBufferLength(writer->buffer);
    return (const char *)xmlBufferContent(writer->buffer);
}

void cxml_writer_discard_content(cxml_writer *writer) {
    /* The writer appends to this buffer only when flushed, and cxml_writer_content flushed it. */
    xmlBufferEmpty(writer->buffer);
}

/* The forward-only reader. Its errors, on its own handler and on the generic channel, are counted rather than
   printed, and the caller learns of them as a read that fails. */
struct cxml_reader {
    xmlTextReaderPtr reader;
    /* Errors reported while reading. The reader does not always stop on them: bytes its input converter refuses
       are reported on the generic channel and then passed over, where the tree parser gives up. */
    int32_t errors;
};

static void count_reader_error(void *data, xmlErrorPtr error) {
    if (error != NULL && error->level >= XML_ERR_ERROR) ((cxml_reader *)data)->errors += 1;
}

static void count_generic_error(void *data, const char *message, ...) {
    (void)message;
    ((cxml_reader *)data)->errors += 1;
}

/* Sends the generic channel's messages to `self`'s count until restore_generic_errors. */
static generic_error_channel count_generic_errors(cxml_reader *self) {
    generic_error_channel previous = {xmlGenericError, xmlGenericErrorContext};
    xmlSetGenericErrorFunc(self, count_generic_error);
    return previous;
}

/* A reader over `bytes`, or over what `read` gives when it is not NULL. */
static cxml_reader *new_reader(const char *bytes, int32_t length, cxml_read_function read, void *context, const char *url) {
    ensure_initialized();
    cxml_reader *self = malloc(sizeof *self);
    if (self == NULL) return NULL;
    self->errors = 0;
    generic_error_channel previous = count_generic_errors(self);
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA;
    self->reader = read == NULL ? xmlReaderForMemory(bytes, length, url, NULL, options)
                                : xmlReaderForIO(read, NULL, context, url, NULL, options);
    restore_generic_errors(previous);
    if (self->reader == NULL) {
        free(self);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(self->reader, count_reader_error, self);
    return self;
}

cxml_reader *cxml_reader_new(const char *bytes, int32_t length, const char *url) {
    return new_reader(bytes, length, NULL, NULL, url);
}

cxml_reader *cxml_reader_new_pulling(cxml_read_function read, void *context, const char *url) {
    return new_reader(NULL, 0, read, context, url);
}

int32_t cxml_reader_read(cxml_reader *self) {
    if (self == NULL || self->reader == NULL || self->errors > 0) return -1;
    generic_error_channel previous = count_generic_errors(self);
    int result = xmlTextReaderRead(self->reader);
    restore_generic_errors(previous);
    return self->errors > 0 ? -1 : result;
}

int32_t cxml_reader_node_type(cxml_reader *self) { return xmlTextReaderNodeType(self->reader); }

int32_t cxml_reader_depth(cxml_reader *self) { return xmlTextReaderDepth(self->reader); }

int32_t cxml_reader_is_empty_element(cxml_reader *self) { return xmlTextReaderIsEmptyElement(self->reader); }

const char *cxml_reader_local_name(cxml_reader *self) {
    return (const char *)xmlTextReaderConstLocalName(self->reader);
}

const char *cxml_reader_value(cxml_reader *self) { return (const char *)xmlTextReaderConstValue(self->reader); }

char *cxml_reader_attribute(cxml_reader *self, const char *name) {
    /* Looked up on the element the reader has built, as cxml_node_attribute looks it up in a tree. */
    return cxml_node_attribute((const cxml_node *)xmlTextReaderCurrentNode(self->reader), name, NULL);
}

void cxml_reader_free(cxml_reader *self) {
    if (self == NULL) return;
    xmlFreeTextReader(self->reader);
    free(self);
}
