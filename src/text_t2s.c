/* text_t2s.c — traditional Chinese characters folded to simplified, one character at a time,
 * for name lookup (text_fold). The table is generated at build time from OpenCC's t2s
 * conversion by tools/gen_t2s.c ($(BUILD)/gen/text_t2s_table.h); ckg itself does not link
 * OpenCC. Two sorted arrays of code points and a bitmap of the BMP's traditional
 * characters; a lookup is one load for a character that stays, a binary search for one that
 * changes, and the tables are read-only data that cost nothing at start-up. The bitmap is
 * also text_t2s_bmp (text_internal.h), for text_fold's fast path to test inline. */
#include "ckg/text.h"
#include "text_internal.h"

#include "text_t2s_table.h"

const unsigned char *const text_t2s_bmp = t2s_bmp_bits;

uint32_t text_t2s(uint32_t cp)
{
    if (cp < t2s_from[0] || cp > t2s_from[T2S_PAIRS - 1])
        return cp;
    /* a character of the BMP that is in no pair (nearly all): its bit says so at once */
    if (cp < 0x10000 && !(t2s_bmp_bits[cp >> 3] & (1u << (cp & 7))))
        return cp;
    size_t lo = 0, hi = T2S_PAIRS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t2s_from[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < T2S_PAIRS && t2s_from[lo] == cp ? t2s_to[lo] : cp;
}
