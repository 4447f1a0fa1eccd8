#ifndef PARALLAX_CLIBXML2_SHIM_H
#define PARALLAX_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its headers then include the system ICU headers, which clash with the ICU
   copy inside Foundation. Parallax never touches the ICU-specific fields of xmlCharEncodingHandler, so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

/* libxml2 prints some errors (encoding conversion, I/O) to stderr even with the NOERROR options, unprefixed and
   without the input's name. Parallax reports problems itself, naming the input: these handlers drop libxml2's
   messages. The handlers are per thread in a threaded libxml2, so parsers install them before each parse. */
static void parallax_ignore_structured_error(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }
static void parallax_ignore_generic_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void parallax_silence_libxml2(void) {
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)parallax_ignore_structured_error);
    xmlSetGenericErrorFunc(NULL, (xmlGenericErrorFunc)parallax_ignore_generic_error);
}
#endif
