/* status.c — names for the library's status codes. */
#include "ckg/status.h"

const char *ckg_strerror(int status)
{
    switch (status) {
    case CKG_OK: return "success";
    case CKG_EINVALID: return "invalid input";
    case CKG_ENOMEM: return "out of memory";
    case CKG_EIO: return "input/output error";
    case CKG_ENOTFOUND: return "not found";
    case CKG_EUSAGE: return "invalid usage";
    default: return "unknown error";
    }
}
