/* corpus.h — the folder of source texts, each loaded once and kept for quote lookups.
 *
 * A paper names its source by file name; the corpus resolves it inside its folder only (no
 * paths, so an ontology cannot make ckg read files elsewhere), loads and indexes it on first
 * use, and reports problems at the place in the ontology that named the file. */
#ifndef CKG_CORPUS_H
#define CKG_CORPUS_H

#include "ckg/diag.h"
#include "ckg/text.h"

typedef struct corpus corpus;

/* Opens the folder dir. CKG_EIO (with a diagnostic) when it is not a readable folder. */
int corpus_open(const char *dir, diag_list *diags, corpus **out);

/* The document for source, loaded on first use. On failure reports at where and returns
 * CKG_EINVALID (a name with a path in it, a file that is not valid UTF-8), CKG_ENOTFOUND,
 * CKG_EIO (also for a FIFO, device or socket, which are never read) or CKG_ENOMEM. A failed
 * source is reported once and then fails quietly. */
int corpus_doc(corpus *c, const char *source, const text_doc **doc, diag_list *diags,
               const ckg_loc *where);

/* Frees the document of source (if loaded) while keeping what is known about it: a later
 * corpus_doc loads it again, and a source that failed stays failed. A caller that is done
 * with a text releases it, so a corpus of thousands of papers is not held in memory at
 * once. */
void corpus_release(corpus *c, const char *source);

const char *corpus_dir(const corpus *c);

void corpus_free(corpus *c);

#endif
