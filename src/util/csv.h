/* csv.h — the one way ckg writes CSV (export, and the tables of metrics, diff, compare,
 * coverage, neighbors and search): RFC 4180 with the minimal rule. A field is quoted only
 * when it holds a comma, a double quote, a CR or a LF, and then its quotes are doubled; any
 * other field is written as it is, so every CSV reader gets the exact text back. Numbers are
 * plain; a missing value (NaN, NULL) is an empty field. Rows end with LF. */
#ifndef CKG_UTIL_CSV_H
#define CKG_UTIL_CSV_H

#include <stddef.h>
#include <stdio.h>

/* Writes s as one field; NULL writes an empty field. */
void csv_field(FILE *f, const char *s);

/* Writes the n strings that follow as n fields separated by commas (no line end). */
void csv_fields(FILE *f, size_t n, ...);

/* Writes x as one field: nothing for NaN; "%.0f" when integer (a whole-number measure),
 * else "%.17g" (every double read back exactly). */
void csv_number(FILE *f, double x, int integer);

#endif
