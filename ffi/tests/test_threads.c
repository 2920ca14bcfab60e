/*
 * One index shared by several threads: checkers run while one thread inserts, removes
 * and compacts. Every record inserted is found by every check that starts after its
 * insert returned, and by a check at the end; removed records are gone.
 *
 * usage: test_threads
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "armsmatch.h"
#include "test_util.h"

#define BASE 3000
#define INSERTS 600
#define CHECKERS 3

static armsmatch_index *shared;
static atomic_int inserted;      /* records INS-0 .. INS-(inserted-1) are in the index */
static atomic_int removed_upto;  /* base records i % 100 == 0 with i < removed_upto are gone */
static atomic_bool done;

static void base_serial(int i, char *out, size_t len) {
    snprintf(out, len, "BS%07d", (i * 7919) % 10000000);
}

static void ins_serial(int j, char *out, size_t len) {
    snprintf(out, len, "IN%07d", (j * 104729) % 10000000);
}

/* The id of the best hit of a check of `serial` is `id` (or, with `id` NULL, no hit has
 * id `absent`). */
static int finds(const char *serial, const char *id, const char *absent) {
    armsmatch_query q = make_query(serial);
    armsmatch_hits *hits = NULL;
    if (armsmatch_index_check(shared, &q, NULL, &hits) != ARMSMATCH_STATUS_OK) {
        return 0;
    }
    size_t n = 0;
    int ok = armsmatch_hits_len(hits, &n) == ARMSMATCH_STATUS_OK;
    if (id != NULL) {
        const char *p;
        size_t len;
        ok = ok && n >= 1 && armsmatch_hit_record_id(hits, 0, &p, &len) == ARMSMATCH_STATUS_OK &&
             text_is(p, len, id);
    } else {
        for (size_t i = 0; ok && i < n; i++) {
            const char *p;
            size_t len;
            ok = armsmatch_hit_record_id(hits, i, &p, &len) == ARMSMATCH_STATUS_OK &&
                 !text_is(p, len, absent);
        }
    }
    armsmatch_hits_free(hits);
    return ok;
}

typedef struct {
    unsigned seed;
    long checks;
    long errors;
} checker_state;

static unsigned next_rand(unsigned *s) {
    *s = *s * 1103515245u + 12345u;
    return (*s >> 8) & 0xffffff;
}

static void *checker(void *arg) {
    checker_state *st = arg;
    char serial[32], id[32];
    while (!atomic_load(&done)) {
        int i = (int)(next_rand(&st->seed) % BASE);
        base_serial(i, serial, sizeof serial);
        snprintf(id, sizeof id, "BASE-%05d", i);
        int gone = i % 100 == 0 && i < atomic_load(&removed_upto);
        int maybe_gone = i % 100 == 0; /* its remove may be under way */
        if (!maybe_gone && !finds(serial, id, NULL)) {
            st->errors++;
        }
        if (gone && !finds(serial, NULL, id)) {
            st->errors++;
        }
        int visible = atomic_load(&inserted);
        if (visible > 0) {
            int j = (int)(next_rand(&st->seed) % (unsigned)visible);
            ins_serial(j, serial, sizeof serial);
            snprintf(id, sizeof id, "INS-%05d", j);
            if (!finds(serial, id, NULL)) {
                st->errors++;
                fprintf(stderr, "checker: INS-%05d inserted but not found\n", j);
            }
        }
        st->checks += 2;
    }
    return NULL;
}

static void *writer(void *arg) {
    long *errors = arg;
    char id[32], serial[32];
    for (int j = 0; j < INSERTS; j++) {
        snprintf(id, sizeof id, "INS-%05d", j);
        ins_serial(j, serial, sizeof serial);
        armsmatch_record r = make_record(id, serial);
        set_text(&r.make, &r.make_len, "Walther");
        if (armsmatch_index_insert(shared, &r) != ARMSMATCH_STATUS_OK) {
            (*errors)++;
        }
        atomic_store(&inserted, j + 1);
        if (j % 20 == 0) {
            int i = j / 20 * 100; /* BASE-00000, BASE-00100, … */
            snprintf(id, sizeof id, "BASE-%05d", i);
            if (armsmatch_index_remove(shared, id, strlen(id)) != ARMSMATCH_STATUS_OK) {
                (*errors)++;
            }
            atomic_store(&removed_upto, i + 1);
        }
        if (j % 200 == 199 && armsmatch_index_compact(shared) != ARMSMATCH_STATUS_OK) {
            (*errors)++;
        }
    }
    return NULL;
}

int main(void) {
    armsmatch_builder *b = NULL;
    OK(armsmatch_builder_new(&b));
    char id[32], serial[32];
    for (int i = 0; i < BASE; i++) {
        snprintf(id, sizeof id, "BASE-%05d", i);
        base_serial(i, serial, sizeof serial);
        armsmatch_record r = make_record(id, serial);
        set_text(&r.make, &r.make_len, "Glock");
        OK(armsmatch_builder_add(b, &r));
    }
    OK(armsmatch_builder_build(b, &shared));
    armsmatch_builder_free(b);

    pthread_t checkers[CHECKERS], writer_thread;
    checker_state states[CHECKERS];
    long writer_errors = 0;
    for (int t = 0; t < CHECKERS; t++) {
        states[t].seed = 17u + (unsigned)t * 7919u;
        states[t].checks = 0;
        states[t].errors = 0;
        CHECK(pthread_create(&checkers[t], NULL, checker, &states[t]) == 0);
    }
    CHECK(pthread_create(&writer_thread, NULL, writer, &writer_errors) == 0);
    CHECK(pthread_join(writer_thread, NULL) == 0);
    atomic_store(&done, true);
    long checks = 0, errors = 0;
    for (int t = 0; t < CHECKERS; t++) {
        CHECK(pthread_join(checkers[t], NULL) == 0);
        checks += states[t].checks;
        errors += states[t].errors;
    }
    printf("threads: %d checkers ran %ld checks during %d inserts\n", CHECKERS, checks, INSERTS);
    CHECK(writer_errors == 0);
    CHECK(errors == 0);
    CHECK(checks > 0);

    /* Every inserted record is found; every removed one is gone. */
    int missing = 0;
    for (int j = 0; j < INSERTS; j++) {
        snprintf(id, sizeof id, "INS-%05d", j);
        ins_serial(j, serial, sizeof serial);
        if (!finds(serial, id, NULL)) {
            missing++;
        }
    }
    CHECK(missing == 0);
    int present = 0;
    for (int i = 0; i < BASE; i += 100) {
        snprintf(id, sizeof id, "BASE-%05d", i);
        base_serial(i, serial, sizeof serial);
        present += !finds(serial, NULL, id);
    }
    CHECK(present == 0);
    size_t n = 0;
    OK(armsmatch_index_len(shared, &n));
    CHECK(n == BASE - BASE / 100 + INSERTS);

    /* The same through a batch on 2 threads. */
    static armsmatch_query queries[INSERTS];
    static char serials[INSERTS][32];
    for (int j = 0; j < INSERTS; j++) {
        ins_serial(j, serials[j], sizeof serials[j]);
        queries[j] = make_query(serials[j]);
    }
    armsmatch_options *o = NULL;
    OK(armsmatch_options_new(&o));
    OK(armsmatch_options_set_threads(o, 2));
    armsmatch_batch *batch = NULL;
    OK(armsmatch_index_check_batch(shared, queries, INSERTS, o, &batch));
    int batch_ok = 1;
    for (int j = 0; j < INSERTS; j++) {
        const armsmatch_hits *hits = NULL;
        const char *p;
        size_t len;
        snprintf(id, sizeof id, "INS-%05d", j);
        batch_ok = batch_ok && armsmatch_batch_hits(batch, (size_t)j, &hits) == ARMSMATCH_STATUS_OK &&
                   armsmatch_hit_record_id(hits, 0, &p, &len) == ARMSMATCH_STATUS_OK &&
                   text_is(p, len, id);
    }
    CHECK(batch_ok);
    armsmatch_batch_free(batch);
    armsmatch_options_free(o);
    armsmatch_index_free(shared);
    return test_summary();
}
