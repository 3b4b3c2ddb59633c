/* heap.c — the start of the heap on transparent huge pages, before a command allocates.
 *
 * A query's time is mostly fresh memory: on the build machine (a virtual machine) the first
 * touch of each 4 KB page costs about 12 us, and `ckg show` touched some 160 of them, nearly
 * 2 ms of a budget of 6 (issue 18). A program that touches 120 fresh pages took 2.4 ms there,
 * 1.0 ms when they lay in one 2 MB huge page, cleared in one fault (perf stat, 100 runs). So before anything else the heap (glibc's
 * main arena, grown with brk) is extended past the next 2 MB boundary, the 2 MB after it are
 * advised MADV_HUGEPAGE, and the memory below the boundary is kept allocated, so that what
 * the command allocates next starts at the boundary, on the huge page.
 *
 * Only ever a hint: when the system has transparent huge pages off, or malloc is not glibc's
 * brk heap (valgrind's, a sanitizer's), or any step finds memory where it did not expect
 * it, nothing is advised and ckg runs as it would without this. The block below the boundary
 * is at most 2 MB of address space, touched only where malloc writes its header. Large
 * blocks stay in the heap (M_MMAP_THRESHOLD 32 MB), where the huge page is, and freed memory
 * is not returned early (M_TRIM_THRESHOLD), since a command ends soon after. */
#include "cli.h"

#include <stdint.h>
#include <stdlib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#define HUGE_PAGE ((uintptr_t)2 << 20)

static void *below_boundary; /* kept for the life of the process */

void cli_heap_on_huge_pages(void)
{
#ifdef MADV_HUGEPAGE
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    void *end = sbrk(0);
    if (end == (void *)-1)
        return;
    uintptr_t boundary = ((uintptr_t)end + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    /* A block from below the boundary past the end of the huge page: malloc writes the
     * header of the heap's free rest where the block ends, and a page touched before the
     * advice would keep the huge page from forming. The block starts where the heap's free
     * top does, below its end (by less than 2 MB: the heap has barely begun), hence the
     * second 2 MB asked for. */
    size_t size = (size_t)(boundary + 2 * HUGE_PAGE - (uintptr_t)end);
    char *room = malloc(size);
    if (!room)
        return;
    uintptr_t from = (uintptr_t)room;
    int spans = from < boundary && from + size > boundary + HUGE_PAGE;
    /* advised while the block is ours, so only memory ckg was given is ever advised */
    if (spans && madvise((void *)boundary, HUGE_PAGE, MADV_HUGEPAGE) != 0)
        spans = 0;
    free(room);
    if (!spans)
        return;
    /* glibc's heap has taken the block back into its top: the same request less the huge
     * page comes from the same place; kept, it leaves the huge page to what comes next */
    enum { HEADER = 2 * sizeof(size_t) };
    if (boundary - from <= 4 * HEADER)
        return;
    char *below = malloc(boundary - from - HEADER);
    if (below && (uintptr_t)below != from) { /* somewhere else: of no use */
        free(below);
        below = NULL;
    }
    below_boundary = below;
#endif
}

#else

void cli_heap_on_huge_pages(void)
{
}

#endif
