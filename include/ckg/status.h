/* status.h — the status codes every ckg library function returns.
 *
 * Zero is success; failures are negative so that functions returning a count can share
 * the convention. The CLI maps them to the exit codes of doc/design.md (1 validation or lookup,
 * 2 usage, 3 I/O). */
#ifndef CKG_STATUS_H
#define CKG_STATUS_H

enum ckg_status {
    CKG_OK = 0,
    CKG_EINVALID = -1,  /* the input broke a rule; details are in the diagnostics */
    CKG_ENOMEM = -2,    /* out of memory */
    CKG_EIO = -3,       /* a file could not be read or written */
    CKG_ENOTFOUND = -4, /* a name, paper or file the caller asked for does not exist */
    CKG_EUSAGE = -5,    /* the caller combined arguments that make no sense */
};

/* A short English phrase for a status code ("out of memory"). */
const char *ckg_strerror(int status);

#endif
