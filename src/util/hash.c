/* hash.c — XXH64 (hash.h), from the xxHash specification: four lanes over 32-byte stripes,
 * then the tail 8, 4 and 1 bytes at a time, then the final avalanche. Reads are unaligned
 * little-endian loads through memcpy. The streaming form holds back the bytes of a stripe
 * not yet whole (at most 31), so any split of the input gives the one-shot result. */
#include "util/hash.h"

#include <string.h>

static const uint64_t P1 = 0x9E3779B185EBCA87u, P2 = 0xC2B2AE3D27D4EB4Fu,
                      P3 = 0x165667B19E3779F9u, P4 = 0x85EBCA77C2B2AE63u,
                      P5 = 0x27D4EB2F165667C5u;

static uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

static uint64_t load64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static uint32_t load32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

static uint64_t round64(uint64_t acc, uint64_t input)
{
    acc += input * P2;
    acc = rotl(acc, 31);
    return acc * P1;
}

static uint64_t merge(uint64_t acc, uint64_t v)
{
    acc ^= round64(0, v);
    return acc * P1 + P4;
}

/* The four lanes' start for seed. */
static void lanes_init(uint64_t v[4], uint64_t seed)
{
    v[0] = seed + P1 + P2;
    v[1] = seed + P2;
    v[2] = seed;
    v[3] = seed - P1;
}

/* Takes the 32-byte stripes of p[0..len) into the lanes; the bytes consumed. */
static size_t lanes_take(uint64_t v[4], const unsigned char *p, size_t len)
{
    uint64_t v1 = v[0], v2 = v[1], v3 = v[2], v4 = v[3];
    size_t done = 0;
    for (; len - done >= 32; done += 32) {
        v1 = round64(v1, load64(p + done));
        v2 = round64(v2, load64(p + done + 8));
        v3 = round64(v3, load64(p + done + 16));
        v4 = round64(v4, load64(p + done + 24));
    }
    v[0] = v1;
    v[1] = v2;
    v[2] = v3;
    v[3] = v4;
    return done;
}

/* The lanes folded into one word (an input of 32 bytes or more). */
static uint64_t lanes_fold(const uint64_t v[4])
{
    uint64_t h = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
    for (int i = 0; i < 4; i++)
        h = merge(h, v[i]);
    return h;
}

/* The last step: the total length, the tail (fewer than 32 bytes), the avalanche. */
static uint64_t finish(uint64_t h, uint64_t total, const unsigned char *p, size_t len)
{
    const unsigned char *end = p + len;
    h += total;
    for (; end - p >= 8; p += 8) {
        h ^= round64(0, load64(p));
        h = rotl(h, 27) * P1 + P4;
    }
    if (end - p >= 4) {
        h ^= (uint64_t)load32(p) * P1;
        h = rotl(h, 23) * P2 + P3;
        p += 4;
    }
    for (; p < end; p++) {
        h ^= (uint64_t)*p * P5;
        h = rotl(h, 11) * P1;
    }
    h ^= h >> 33;
    h *= P2;
    h ^= h >> 29;
    h *= P3;
    h ^= h >> 32;
    return h;
}

uint64_t hash64(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    if (len < 32)
        return finish(seed + P5, (uint64_t)len, p, len);
    uint64_t v[4];
    lanes_init(v, seed);
    size_t done = lanes_take(v, p, len);
    return finish(lanes_fold(v), (uint64_t)len, p + done, len - done);
}

void hash64_init(hash64_state *st, uint64_t seed)
{
    memset(st, 0, sizeof *st);
    st->seed = seed;
    lanes_init(st->v, seed);
}

void hash64_update(hash64_state *st, const void *data, size_t len)
{
    const unsigned char *p = data;
    st->total += len;
    if (st->held) { /* complete the stripe held back last time */
        size_t take = 32 - st->held < len ? 32 - st->held : len;
        memcpy(st->buf + st->held, p, take);
        st->held += take;
        p += take;
        len -= take;
        if (st->held < 32)
            return;
        lanes_take(st->v, st->buf, 32);
        st->held = 0;
    }
    size_t done = lanes_take(st->v, p, len);
    memcpy(st->buf, p + done, len - done);
    st->held = len - done;
}

uint64_t hash64_digest(const hash64_state *st)
{
    uint64_t h = st->total >= 32 ? lanes_fold(st->v) : st->seed + P5;
    return finish(h, st->total, st->buf, st->held);
}
