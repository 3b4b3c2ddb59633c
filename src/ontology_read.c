/* ontology_read.c — the ontology's files read and parsed, on every CPU, ahead of the walk.
 *
 * Parsing YAML is most of the cost of loading a large ontology, and each file parses on its
 * own; walking the trees into the model is cheap but must be one thread, in file order, so
 * that runs repeat exactly. So worker threads read and parse files into trees of their own
 * (each in its own arena, its problems in its own diagnostics list) at most a window ahead
 * of the walk, and the loader takes them in order, parsing the next files itself whenever
 * the one it needs is not ready yet. What comes out is what a sequential
 * load gives, diagnostic for diagnostic. */
#include "ckg/status.h"
#include "ontology_internal.h"
#include "util/hash.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

enum { MAX_THREADS = 8, WINDOW_PER_THREAD = 4 };

size_t ontology_read_threads(size_t n_files)
{
    const char *env = getenv("CKG_THREADS"); /* as given, even for a few files (tests) */
    int forced = env && *env;
    long cpus = forced ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
    if (cpus > MAX_THREADS)
        cpus = MAX_THREADS;
    if (cpus < 2 || (!forced && n_files < 2 * (size_t)cpus))
        return 0;
    return (size_t)cpus - 1; /* the caller parses too */
}

struct read_ahead {
    char *const *paths;
    read_file_result *files;
    size_t n;
    size_t next;     /* the next file no thread has taken yet */
    size_t released; /* files before this one were walked and freed */
    size_t window;   /* files parsed ahead of the walk, at most */
    int stop;
    int hash;        /* hash each file's bytes (read_file_result.hash) */
    pthread_mutex_t lock;
    pthread_cond_t room;  /* a file was released, or stop */
    pthread_cond_t ready; /* a file was parsed */
    pthread_t *threads;
    size_t n_threads;
};

/* Reads and parses path into r (zeroed), hashing its bytes when asked. */
static void ontology_read_parse(const char *path, read_file_result *r, int hash)
{
    diag_list_init(&r->diags);
    r->read_rc = filebuf_read(path, ONTOLOGY_MAX_FILE_BYTES, 0, &r->file, &r->read_err);
    if (r->read_rc != CKG_OK)
        return;
    if (hash)
        r->hash = hash64(r->file.data, r->file.len, 0);
    r->parse_rc = ydoc_parse(r->file.data, r->file.len, path, NULL, &r->mem, &r->diags,
                             &r->root);
}

static void ontology_read_result_free(read_file_result *r)
{
    arena_free(&r->mem);
    diag_list_free(&r->diags);
    filebuf_free(&r->file);
    r->root = NULL;
}

static void *worker(void *arg)
{
    read_ahead *ra = arg;
    pthread_mutex_lock(&ra->lock);
    for (;;) {
        while (!ra->stop && ra->next < ra->n && ra->next >= ra->released + ra->window)
            pthread_cond_wait(&ra->room, &ra->lock);
        if (ra->stop || ra->next >= ra->n)
            break;
        size_t i = ra->next++;
        pthread_mutex_unlock(&ra->lock);
        ontology_read_parse(ra->paths[i], &ra->files[i], ra->hash);
        pthread_mutex_lock(&ra->lock);
        ra->files[i].done = 1;
        pthread_cond_broadcast(&ra->ready);
    }
    pthread_mutex_unlock(&ra->lock);
    return NULL;
}

int read_ahead_start(char *const *paths, size_t n, size_t threads, int hash, read_ahead **out)
{
    *out = NULL;
    read_ahead *ra = calloc(1, sizeof *ra);
    if (!ra)
        return CKG_ENOMEM;
    ra->hash = hash;
    ra->paths = paths;
    ra->n = n;
    ra->window = (threads + 1) * WINDOW_PER_THREAD;
    pthread_mutex_init(&ra->lock, NULL);
    pthread_cond_init(&ra->room, NULL);
    pthread_cond_init(&ra->ready, NULL);
    if (!(ra->files = calloc(n ? n : 1, sizeof *ra->files)) ||
        !(ra->threads = calloc(threads ? threads : 1, sizeof *ra->threads))) {
        read_ahead_stop(ra);
        return CKG_ENOMEM;
    }
    for (size_t t = 0; t < threads; t++) {
        if (pthread_create(&ra->threads[t], NULL, worker, ra) != 0)
            break; /* fewer workers only make it slower: take parses what they do not */
        ra->n_threads++;
    }
    *out = ra;
    return CKG_OK;
}

read_file_result *read_ahead_take(read_ahead *ra, size_t i)
{
    pthread_mutex_lock(&ra->lock);
    while (!ra->files[i].done) {
        /* Rather than sleep until a worker is done with file i, parse the next file no thread
         * has taken yet (i itself, or one ahead): the caller is a thread that parses too, and
         * two CPUs are not shared by three busy threads. */
        if (ra->next < ra->n && ra->next < ra->released + ra->window) {
            size_t j = ra->next++;
            pthread_mutex_unlock(&ra->lock);
            ontology_read_parse(ra->paths[j], &ra->files[j], ra->hash);
            pthread_mutex_lock(&ra->lock);
            ra->files[j].done = 1;
        } else {
            pthread_cond_wait(&ra->ready, &ra->lock);
        }
    }
    pthread_mutex_unlock(&ra->lock);
    return &ra->files[i];
}

void read_ahead_release(read_ahead *ra, size_t i)
{
    ontology_read_result_free(&ra->files[i]);
    pthread_mutex_lock(&ra->lock);
    ra->released = i + 1;
    pthread_cond_broadcast(&ra->room);
    pthread_mutex_unlock(&ra->lock);
}

void read_ahead_stop(read_ahead *ra)
{
    if (!ra)
        return;
    pthread_mutex_lock(&ra->lock);
    ra->stop = 1;
    pthread_cond_broadcast(&ra->room);
    pthread_mutex_unlock(&ra->lock);
    for (size_t t = 0; t < ra->n_threads; t++)
        pthread_join(ra->threads[t], NULL);
    for (size_t i = 0; ra->files && i < ra->n; i++)
        if (ra->files[i].done)
            ontology_read_result_free(&ra->files[i]);
    pthread_mutex_destroy(&ra->lock);
    pthread_cond_destroy(&ra->room);
    pthread_cond_destroy(&ra->ready);
    free(ra->threads);
    free(ra->files);
    free(ra);
}
