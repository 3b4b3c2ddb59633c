/* ontology_pack.h — an ontology as the walk of its files leaves it (before ontology_link),
 * packed into bytes and unpacked again: what the cache of parsed ontologies keeps
 * (ontology_cache.c).
 *
 * Packed is every field the walk sets: themes, kinds, concepts and papers with all their
 * strings and places; a place's file is its index in o->files. Nothing ontology_link
 * computes is trusted from the bytes: after unpacking, the caller links the ontology as a
 * load does, so the indexes and the link's diagnostics are those of a load. A reference
 * that names an id is packed as the index of the entity it names, and unpacked as that
 * entity's id string with the index as a hint that ontology_link proves before it takes it.
 *
 * Unpacking trusts nothing: every length, count and file index is checked against the bytes
 * given, so bytes that are not a packed ontology are refused, never read out of bounds.
 * Strings are not copied: they point into the bytes, which must live as long as the
 * ontology (the cache maps them as o->mapped, or reads them into the ontology's arena). */
#ifndef CKG_ONTOLOGY_PACK_H
#define CKG_ONTOLOGY_PACK_H

#include "ckg/ontology.h"
#include "util/strbuf.h"

#include <stddef.h>

/* Appends the unlinked ontology o to b (b->oom says whether memory ran out). */
void ontology_pack(const ckg_ontology *o, strbuf *b);

/* Fills o (from ontology_new, with o->files and o->n_files set to the files the places refer
 * to) from the len bytes at data; with skip_evidence
 * every evidence list is left empty, as ontology_load_options.skip_evidence leaves it.
 * Returns CKG_OK; CKG_EINVALID when the bytes are not a packed ontology (o is then partly
 * filled: free it); or CKG_ENOMEM. */
int ontology_unpack(const char *data, size_t len, int skip_evidence, ckg_ontology *o);

#endif
