/* test_util_hash.c — hash64 and its streaming form (src/util/hash.h): XXH64's values for
 * inputs around the stripe and tail sizes (taken from xxhsum -H64 of libxxhash 0.8.1), and the
 * streaming form equal to the one-shot hash however the input is split, whatever the seed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util/hash.h"

enum { MAX_LEN = 1000 };

/* bytes[i] = (7 i + 3) mod 256, the input the vectors below were made from */
static void fill(unsigned char *bytes, size_t len)
{
    for (size_t i = 0; i < len; i++)
        bytes[i] = (unsigned char)((i * 7 + 3) % 256);
}

static const struct {
    size_t len;
    uint64_t xxh64;
} VECTORS[] = {
    {0, 0xef46db3751d8e999u},    {1, 0x1f25c8d0bc1f4bb6u},   {3, 0x31d2363f52e564c9u},
    {4, 0x9bb64b7d66ee9fdau},    {7, 0x9a7b149959ce60d8u},   {8, 0xdab99d95c6f90092u},
    {31, 0xa2aa5f33cc4a6119u},   {32, 0x23c3c17ef790fd97u},  {33, 0x50a7cfc7ba588784u},
    {63, 0x5e3e54b431c7493cu},   {64, 0x0eb64b3ef6eeb01fu},  {100, 0xa61f8d4c170fe531u},
    {1000, 0x5f235fa033f1a3fbu},
};

static void test_values_are_xxh64s(void **state)
{
    (void)state;
    unsigned char bytes[MAX_LEN];
    fill(bytes, sizeof bytes);
    for (size_t i = 0; i < sizeof VECTORS / sizeof *VECTORS; i++) {
        assert_true(hash64(bytes, VECTORS[i].len, 0) == VECTORS[i].xxh64);
        hash64_state st;
        hash64_init(&st, 0);
        hash64_update(&st, bytes, VECTORS[i].len);
        assert_true(hash64_digest(&st) == VECTORS[i].xxh64);
    }
    assert_true(hash64("abc", 3, 0) == 0x44bc2cf5ad770999u); /* printf abc | xxhsum -H64 */
}

/* Every split of every length up to 200 in two pieces, with three seeds. */
static void test_two_pieces_equal_one(void **state)
{
    (void)state;
    unsigned char bytes[200];
    fill(bytes, sizeof bytes);
    static const uint64_t seeds[] = {0, 1, 0x9E3779B185EBCA87u};
    for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
        for (size_t len = 0; len <= sizeof bytes; len++) {
            uint64_t want = hash64(bytes, len, seeds[s]);
            for (size_t cut = 0; cut <= len; cut++) {
                hash64_state st;
                hash64_init(&st, seeds[s]);
                hash64_update(&st, bytes, cut);
                hash64_update(&st, bytes + cut, len - cut);
                assert_true(hash64_digest(&st) == want);
            }
        }
    }
}

/* Random pieces, some empty, of inputs up to MAX_LEN bytes; the digest does not change the
 * state, so it may be asked between pieces. */
static void test_many_pieces_equal_one(void **state)
{
    (void)state;
    unsigned char bytes[MAX_LEN];
    fill(bytes, sizeof bytes);
    srand(18);
    for (int round = 0; round < 500; round++) {
        size_t len = (size_t)rand() % (MAX_LEN + 1);
        uint64_t seed = (uint64_t)rand();
        hash64_state st;
        hash64_init(&st, seed);
        size_t at = 0;
        while (at < len) {
            size_t piece = (size_t)rand() % 70;
            if (piece > len - at)
                piece = len - at;
            hash64_update(&st, bytes + at, piece);
            at += piece;
            assert_true(hash64_digest(&st) == hash64(bytes, at, seed));
        }
        assert_true(hash64_digest(&st) == hash64(bytes, len, seed));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values_are_xxh64s),
        cmocka_unit_test(test_two_pieces_equal_one),
        cmocka_unit_test(test_many_pieces_equal_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
