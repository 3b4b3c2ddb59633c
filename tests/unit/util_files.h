/* util_files.h — whole files for the unit tests: read one into memory, write one from it.
 * A failure fails the test (cmocka asserts). */
#ifndef CKG_TEST_UTIL_FILES_H
#define CKG_TEST_UTIL_FILES_H

#include <stddef.h>

/* The bytes of the file at path, malloc'd and NUL-terminated (free them); *len their number. */
char *read_all(const char *path, size_t *len);

/* Writes len bytes of data as the whole file at path. */
void write_all(const char *path, const char *data, size_t len);

#endif
