/* teach_format.h — what the teaching kit's writers (propositions, quiz, score) share: text
 * escaped for Markdown and for GIFT (with HTML), quotes as JSON, the name of a scope, the
 * place of a quote, a JSON document written out.
 *
 * Text from the ontology or a student's map is untrusted: every writer passes it through
 * one of these, or through util/csv (CSV: data, written as it is, quoted by the one RFC 4180
 * rule) or jansson (JSON). Control characters never reach a Markdown or GIFT document: each
 * becomes a space. */
#ifndef CKG_TEACH_FORMAT_H
#define CKG_TEACH_FORMAT_H

#include "ckg/ontology.h"
#include "ckg/proposition.h"

#include <jansson.h>
#include <stdio.h>

/* Markdown text: control characters as spaces, and \ ` * _ [ ] < > # | escaped with a
 * backslash, so a name neither formats nor injects HTML. NULL writes nothing. */
void teach_md(FILE *f, const char *s);

/* GIFT text in [html] format: & < > " as entities, then GIFT's specials ~ = # { } : and \
 * escaped with a backslash, control characters and line breaks as spaces. */
void teach_gift(FILE *f, const char *s);

/* [{"paper", "quote", "line"}] of the quotes (line null when unknown); NULL when out of
 * memory. With relation set, each also has "from", "kind", "to" of p. */
json_t *teach_json_quotes(const ckg_ontology *o, const proposition *p, int relation);

/* "all", "<paper>" or "<paper>/<section>" of a proposition scope. */
const char *teach_scope_name(const ckg_ontology *o, const prop_scope *s, char *buf, size_t size);

/* "<paper>:<line>" (or "<paper>" without a line) of a quote into buf. */
const char *teach_quote_place(const ckg_ontology *o, const prop_quote *q, char *buf, size_t size);

/* Writes the whole stream's fate: CKG_OK, or CKG_EIO when f reports an error. */
int teach_stream_status(FILE *f);

/* When status (of the call that built doc) is CKG_OK, writes doc indented with a newline
 * after it and returns the stream's fate; else returns status. Releases doc either way. */
int teach_write_json(int status, json_t *doc, FILE *f);

#endif
