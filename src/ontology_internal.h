/* ontology_internal.h — what the ontology's source files share and nobody else needs. */
#ifndef CKG_ONTOLOGY_INTERNAL_H
#define CKG_ONTOLOGY_INTERNAL_H

#include "ckg/ontology.h"

/* Resolves every reference between entities to indexes, reporting duplicates and names that
 * do not resolve (with suggestions). Returns CKG_OK or CKG_ENOMEM. */
int ontology_link(ckg_ontology *o, diag_list *diags);

/* ASCII kebab-case: [a-z0-9]+ joined by single '-'. */
int ontology_valid_concept_id(const char *id);
/* Lowercase ASCII letters and digits joined by '-' or '_', starting with a letter or digit. */
int ontology_valid_paper_id(const char *id);

#endif
