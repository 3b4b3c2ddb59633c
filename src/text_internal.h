/* text_internal.h — what the text module's files share and nothing else sees: the part of
 * text_t2s that a hot loop wants inline.
 *
 * text_t2s_bmp is text_t2s's bitmap of the BMP (text_t2s.c): the bit of a character that
 * is in no traditional-to-simplified pair is clear, and text_t2s returns such a character
 * unchanged. text_t2s_keeps(cp) is that test alone, one load and no call; true means
 * text_t2s(cp) == cp, false means ask text_t2s. */
#ifndef CKG_TEXT_INTERNAL_H
#define CKG_TEXT_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

extern const unsigned char *const text_t2s_bmp;

static inline bool text_t2s_keeps(uint32_t cp)
{
    return cp < 0x10000 && !(text_t2s_bmp[cp >> 3] & (1u << (cp & 7)));
}

#endif
