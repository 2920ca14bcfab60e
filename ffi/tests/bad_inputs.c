/*
 * The bad-input matrix (tests/bad_inputs.json) through the C API, and a stress test of
 * one index shared by checker threads on every core while writers insert, remove,
 * compact and save.
 *
 * usage: bad_inputs matrix.lines WORKDIR      run the matrix (lines made by
 *                                             run_bad_inputs.sh from the JSON)
 *        bad_inputs --stress WORKDIR          run the stress test
 *
 * Matrix lines: a tag and space-separated fields, each the hex of its bytes ("=" empty,
 * "-" absent), so NUL bytes, invalid UTF-8 and megabyte fields pass through unchanged.
 *
 *   R id serial make model calibre country                  a register record
 *   Q name expect serial make model calibre country max_edits top threshold first_hit no_hits
 *   A name expect id serial make model calibre country reported_on stored_id stored_country found_by
 *   F name expect path skip_bad_rows records skipped         a records file
 *   I name expect mode path truncate_to flip append_path     index bytes (mode: bytes | build)
 *
 * Every entry must end in the expected status (never ARMSMATCH_STATUS_PANIC) and, where
 * it succeeds, do what the entry says.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "armsmatch.h"
#include "test_util.h"

typedef struct {
    char *ptr; /* NUL-terminated copy; NULL when absent */
    size_t len;
} field;

static unsigned hex_digit(char c) {
    return c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
}

/* Decodes one hex field (by hand: sscanf would re-scan the rest of a megabyte-long
 * field for every byte). */
static field decode(const char *tok) {
    field f = {NULL, 0};
    if (strcmp(tok, "-") == 0) {
        return f;
    }
    if (strcmp(tok, "=") == 0) {
        f.ptr = calloc(1, 1);
        return f;
    }
    size_t n = strlen(tok) / 2;
    f.ptr = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        f.ptr[i] = (char)(hex_digit(tok[2 * i]) << 4 | hex_digit(tok[2 * i + 1]));
    }
    f.ptr[n] = '\0';
    f.len = n;
    return f;
}

#define MAX_FIELDS 16
typedef struct {
    char tag;
    int n;
    field f[MAX_FIELDS];
} line;

static void line_free(line *l) {
    for (int i = 0; i < l->n; i++) {
        free(l->f[i].ptr);
    }
}

/* Reads one line of any length; NULL at the end. */
static char *read_line(FILE *in) {
    size_t cap = 0;
    char *buf = NULL;
    ssize_t got = getline(&buf, &cap, in);
    if (got < 0) {
        free(buf);
        return NULL;
    }
    if (got > 0 && buf[got - 1] == '\n') {
        buf[got - 1] = '\0';
    }
    return buf;
}

static line parse(char *text) {
    line l;
    memset(&l, 0, sizeof l);
    char *save = NULL;
    char *tok = strtok_r(text, " ", &save);
    l.tag = tok != NULL ? tok[0] : '?';
    while ((tok = strtok_r(NULL, " ", &save)) != NULL && l.n < MAX_FIELDS) {
        l.f[l.n++] = decode(tok);
    }
    return l;
}

/* ---- what the entries expect ------------------------------------------------------ */

static armsmatch_status expected_status(const char *expect) {
    if (strcmp(expect, "ok") == 0 || strncmp(expect, "normalized:", 11) == 0) {
        return ARMSMATCH_STATUS_OK;
    }
    static const struct {
        const char *name;
        armsmatch_status status;
    } map[] = {
        {"error:INVALID_ARGUMENT", ARMSMATCH_STATUS_INVALID_ARGUMENT},
        {"error:LIMIT_EXCEEDED", ARMSMATCH_STATUS_LIMIT_EXCEEDED},
        {"error:INVALID_UTF8", ARMSMATCH_STATUS_INVALID_UTF8},
        {"error:PARSE", ARMSMATCH_STATUS_PARSE},
        {"error:DUPLICATE_ID", ARMSMATCH_STATUS_DUPLICATE_ID},
        {"error:CORRUPT_INDEX", ARMSMATCH_STATUS_CORRUPT_INDEX},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(expect, map[i].name) == 0) {
            return map[i].status;
        }
    }
    fprintf(stderr, "unknown expectation %s\n", expect);
    exit(2);
}

static int failures;
static int entries;

static void fail(const char *kind, const char *name, const char *why) {
    failures++;
    fprintf(stderr, "FAILED %s / %s: %s (last error: %.300s)\n", kind, name, why, last_error());
}

/* Compares a status with the entry's expectation; true if they agree. */
static bool judge(const char *kind, const char *name, const char *expect, armsmatch_status got) {
    entries++;
    armsmatch_status want = expected_status(expect);
    if (got == ARMSMATCH_STATUS_PANIC) {
        fail(kind, name, "PANIC crossed into the status code");
        return false;
    }
    /* A duplicate id found while reading a file is a parse error naming record_id. */
    if (want == ARMSMATCH_STATUS_DUPLICATE_ID && got == ARMSMATCH_STATUS_PARSE &&
        strstr(last_error(), "record_id") != NULL) {
        return true;
    }
    if (got != want) {
        char why[256];
        snprintf(why, sizeof why, "expected %s (%s), got %s", expect, status_name(want), status_name(got));
        fail(kind, name, why);
        return false;
    }
    return true;
}

static bool is_text(const field *f, const char *want) {
    return f->ptr != NULL && strcmp(f->ptr, want) == 0;
}

/* ---- targets ------------------------------------------------------------------------ */

static armsmatch_index *build_register(line *records, int n) {
    armsmatch_builder *b = NULL;
    armsmatch_index *index = NULL;
    OK(armsmatch_builder_new(&b));
    for (int i = 0; i < n; i++) {
        armsmatch_record r;
        memset(&r, 0, sizeof r);
        field *f = records[i].f;
        r.id = f[0].ptr, r.id_len = f[0].len;
        r.serial = f[1].ptr, r.serial_len = f[1].len;
        r.make = f[2].ptr, r.make_len = f[2].len;
        r.model = f[3].ptr, r.model_len = f[3].len;
        r.calibre = f[4].ptr, r.calibre_len = f[4].len;
        r.country = f[5].ptr, r.country_len = f[5].len;
        OK(armsmatch_builder_add(b, &r));
    }
    OK(armsmatch_builder_build(b, &index));
    armsmatch_builder_free(b);
    return index;
}

static void run_query(armsmatch_index *index, line *l) {
    field *f = l->f;
    const char *name = f[0].ptr, *expect = f[1].ptr;
    armsmatch_query q;
    memset(&q, 0, sizeof q);
    q.serial = f[2].ptr, q.serial_len = f[2].len;
    q.make = f[3].ptr, q.make_len = f[3].len;
    q.model = f[4].ptr, q.model_len = f[4].len;
    q.calibre = f[5].ptr, q.calibre_len = f[5].len;
    q.country = f[6].ptr, q.country_len = f[6].len;
    armsmatch_options *o = NULL;
    OK(armsmatch_options_new(&o));
    /* An out-of-range option is refused by its setter; that is the entry's outcome. */
    armsmatch_status st = ARMSMATCH_STATUS_OK;
    if (f[7].ptr != NULL) {
        st = armsmatch_options_set_max_edits(o, (int32_t)atoi(f[7].ptr));
    }
    if (st == ARMSMATCH_STATUS_OK && f[8].ptr != NULL) {
        st = armsmatch_options_set_top(o, (size_t)strtoull(f[8].ptr, NULL, 10));
    }
    if (st == ARMSMATCH_STATUS_OK && f[9].ptr != NULL) {
        st = armsmatch_options_set_threshold(o, strtof(f[9].ptr, NULL));
    }
    armsmatch_hits *hits = NULL;
    if (st == ARMSMATCH_STATUS_OK) {
        st = armsmatch_index_check(index, &q, o, &hits);
    }
    if (judge("query", name, expect, st) && st == ARMSMATCH_STATUS_OK) {
        size_t n = 0;
        OK(armsmatch_hits_len(hits, &n));
        if (f[11].ptr != NULL && n != 0) {
            fail("query", name, "expected no hit");
        }
        if (f[10].ptr != NULL) {
            const char *id;
            size_t id_len;
            if (n == 0 || armsmatch_hit_record_id(hits, 0, &id, &id_len) != ARMSMATCH_STATUS_OK ||
                !text_is(id, id_len, f[10].ptr)) {
                fail("query", name, "wrong first hit");
            } else if (strncmp(expect, "normalized:", 11) == 0) {
                /* The key the check was made with is the documented normalization. */
                const char *key;
                size_t key_len;
                OK(armsmatch_hit_serial_check_key(hits, 0, &key, &key_len));
                if (!text_is(key, key_len, expect + 11)) {
                    fail("query", name, "check key is not the expected normalization");
                }
            }
        }
    }
    armsmatch_hits_free(hits);
    armsmatch_options_free(o);
}

/* A record from fields id serial make model calibre country reported_on; false if the
 * date cannot be expressed as numbers (then the entry is not run in C). */
static bool fill_record(field *f, armsmatch_record *r) {
    memset(r, 0, sizeof *r);
    r->id = f[0].ptr, r->id_len = f[0].len;
    r->serial = f[1].ptr, r->serial_len = f[1].len;
    r->make = f[2].ptr, r->make_len = f[2].len;
    r->model = f[3].ptr, r->model_len = f[3].len;
    r->calibre = f[4].ptr, r->calibre_len = f[4].len;
    r->country = f[5].ptr, r->country_len = f[5].len;
    if (f[6].ptr != NULL) {
        unsigned y, m, d;
        if (sscanf(f[6].ptr, "%4u-%2u-%2u", &y, &m, &d) != 3) {
            return false;
        }
        r->reported_on.year = (uint16_t)y;
        r->reported_on.month = (uint8_t)m;
        r->reported_on.day = (uint8_t)d;
    }
    return true;
}

/* A reference without entries: building a one-record index with it is cheap (the
 * embedded reference is ~100 KB of TOML stored in, and read back from, every index). */
static armsmatch_reference *empty_reference;

static void run_record(armsmatch_index *live, line *l) {
    field *f = l->f;
    const char *name = f[0].ptr, *expect = f[1].ptr;
    armsmatch_record r;
    if (!fill_record(&f[2], &r)) {
        printf("not run in C (date not numeric): %s\n", name);
        return;
    }
    armsmatch_builder *b = NULL;
    armsmatch_index *built = NULL;
    OK(armsmatch_builder_new_with_reference(empty_reference, &b));
    armsmatch_status st = armsmatch_builder_add(b, &r);
    if (st == ARMSMATCH_STATUS_OK) {
        st = armsmatch_builder_build(b, &built);
    }
    armsmatch_builder_free(b);
    /* Into the live layer of the register, removed again afterwards. */
    size_t before = 0, after = 0;
    OK(armsmatch_index_len(live, &before));
    armsmatch_status st_live = armsmatch_index_insert(live, &r);
    if (st_live != st) {
        fail("record", name, "builder and insert disagree");
    }
    if (judge("record", name, expect, st) && st == ARMSMATCH_STATUS_OK) {
        const field *stored = f[9].ptr != NULL ? &f[9] : &f[2];
        armsmatch_index *both[2] = {built, live};
        for (int k = 0; k < 2; k++) {
            bool present = false;
            OK(armsmatch_index_contains(both[k], stored->ptr, stored->len, &present));
            if (!present) {
                fail("record", name, k == 0 ? "built: id not present" : "inserted: id not present");
            }
            if (f[11].ptr != NULL) {
                armsmatch_query q = make_query(f[11].ptr);
                armsmatch_hits *hits = NULL;
                OK(armsmatch_index_check(both[k], &q, NULL, &hits));
                size_t n = 0, found = (size_t)-1;
                armsmatch_hits_len(hits, &n);
                for (size_t i = 0; i < n; i++) {
                    const char *id;
                    size_t id_len;
                    if (armsmatch_hit_record_id(hits, i, &id, &id_len) == ARMSMATCH_STATUS_OK &&
                        text_is(id, id_len, stored->ptr)) {
                        found = i;
                    }
                }
                if (found == (size_t)-1) {
                    fail("record", name, "not found by its serial");
                } else if (f[10].ptr != NULL) {
                    const char *c;
                    size_t c_len;
                    OK(armsmatch_hit_record_country(hits, found, &c, &c_len));
                    if (!text_is(c, c_len, f[10].ptr)) {
                        fail("record", name, "country stored differently");
                    }
                }
                armsmatch_hits_free(hits);
            }
        }
        OK(armsmatch_index_remove(live, stored->ptr, stored->len));
    }
    OK(armsmatch_index_len(live, &after));
    if (after != before) {
        fail("record", name, "the register's size changed");
    }
    armsmatch_index_free(built);
}

static void run_file(line *l) {
    field *f = l->f;
    const char *name = f[0].ptr, *expect = f[1].ptr;
    bool skip = is_text(&f[3], "1");
    armsmatch_builder *b = NULL;
    OK(armsmatch_builder_new(&b));
    armsmatch_read_report report = {0, 0};
    armsmatch_status st = armsmatch_builder_add_file(b, f[2].ptr, f[2].len, skip, &report);
    armsmatch_index *index = NULL;
    size_t records = 0;
    if (st == ARMSMATCH_STATUS_OK) {
        OK(armsmatch_builder_len(b, &records));
        st = armsmatch_builder_build(b, &index);
    }
    if (judge("records_csv", name, expect, st) && st == ARMSMATCH_STATUS_OK) {
        if (f[4].ptr != NULL && records != (size_t)strtoull(f[4].ptr, NULL, 10)) {
            fail("records_csv", name, "wrong number of records");
        }
        uint64_t want_skipped = f[5].ptr != NULL ? strtoull(f[5].ptr, NULL, 10) : 0;
        if (report.skipped != want_skipped) {
            fail("records_csv", name, "wrong number of skipped rows");
        }
    }
    armsmatch_index_free(index);
    armsmatch_builder_free(b);
}

static unsigned char *read_file(const char *path, size_t *len) {
    FILE *in = fopen(path, "rb");
    if (in == NULL) {
        return NULL;
    }
    fseek(in, 0, SEEK_END);
    long n = ftell(in);
    fseek(in, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, in);
    fclose(in);
    return buf;
}

static size_t position(const field *f, size_t len) {
    if (is_text(f, "half")) {
        return len / 2;
    }
    long v = strtol(f->ptr, NULL, 10);
    return v < 0 ? len - (size_t)(-v) : (size_t)v;
}

static void run_index_bytes(line *records, int n_records, const char *workdir, line *l) {
    field *f = l->f;
    const char *name = f[0].ptr, *expect = f[1].ptr;
    size_t len = 0;
    unsigned char *bytes = NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/index_case.armsidx", workdir);
    if (is_text(&f[2], "bytes")) {
        bytes = read_file(f[3].ptr, &len);
    } else {
        armsmatch_index *index = build_register(records, n_records);
        OK(armsmatch_index_save(index, path, strlen(path)));
        armsmatch_index_free(index);
        bytes = read_file(path, &len);
        if (f[4].ptr != NULL) {
            len = position(&f[4], len);
        }
        if (f[5].ptr != NULL) {
            bytes[position(&f[5], len)] ^= 0x5A;
        }
        if (f[6].ptr != NULL) {
            size_t extra_len = 0;
            unsigned char *extra = read_file(f[6].ptr, &extra_len);
            bytes = realloc(bytes, len + extra_len + 1);
            memcpy(bytes + len, extra, extra_len);
            len += extra_len;
            free(extra);
        }
    }
    armsmatch_index *index = NULL;
    armsmatch_status st = armsmatch_index_from_bytes(bytes, len, &index);
    if (judge("index_bytes", name, expect, st) && st == ARMSMATCH_STATUS_OK) {
        size_t n = 0;
        OK(armsmatch_index_len(index, &n));
        CHECK(n == (size_t)n_records);
    }
    armsmatch_index_free(index);
    index = NULL;
    /* The same file through open (memory-mapped): the same outcome. */
    FILE *out = fopen(path, "wb");
    fwrite(bytes, 1, len, out);
    fclose(out);
    armsmatch_status st_open = armsmatch_index_open(path, strlen(path), &index);
    if (st_open != st) {
        fail("index_bytes", name, "open and from_bytes disagree");
    }
    armsmatch_index_free(index);
    free(bytes);
}

static int run_matrix(const char *lines_path, const char *workdir) {
    FILE *in = fopen(lines_path, "r");
    if (in == NULL) {
        perror(lines_path);
        return 2;
    }
    line records[64];
    int n_records = 0;
    OK(armsmatch_reference_from_toml("", 0, &empty_reference));
    armsmatch_index *index = NULL;
    char *text;
    while ((text = read_line(in)) != NULL) {
        line l = parse(text);
        free(text);
        if (l.tag == 'R') {
            records[n_records++] = l;
            continue;
        }
        if (index == NULL) {
            index = build_register(records, n_records);
        }
        switch (l.tag) {
        case 'Q': run_query(index, &l); break;
        case 'A': run_record(index, &l); break;
        case 'F': run_file(&l); break;
        case 'I': run_index_bytes(records, n_records, workdir, &l); break;
        default: fprintf(stderr, "unknown line tag %c\n", l.tag); failures++;
        }
        line_free(&l);
    }
    fclose(in);
    armsmatch_index_free(index);
    armsmatch_reference_free(empty_reference);
    for (int i = 0; i < n_records; i++) {
        line_free(&records[i]);
    }
    printf("matrix: %d entries, %d failed\n", entries, failures);
    tests_failed += failures;
    tests_passed += entries - failures;
    return test_summary();
}

/* ---- stress --------------------------------------------------------------------------- */

#define BASE 6000
#define INSERTS 1200
/* every third insert removes a base record */
#define REMOVES (INSERTS / 3)

static armsmatch_index *shared;
static atomic_int inserted, removed;
static atomic_bool done;
static atomic_long stress_errors, stress_checks;
static const char *stress_dir;

static void base_serial(int i, char *out, size_t len) {
    snprintf(out, len, "SB%08ld", ((long)i * 7919 + 13) % 100000000);
}
static void ins_serial(int j, char *out, size_t len) {
    snprintf(out, len, "SI%08ld", ((long)j * 104729 + 7) % 100000000);
}
static int removed_base(int k) { return k * 7 % BASE; }

/* True if a check of `serial` has a hit with id `id`. */
static bool finds(armsmatch_index *index, const char *serial, const char *id) {
    armsmatch_query q = make_query(serial);
    armsmatch_hits *hits = NULL;
    armsmatch_status st = armsmatch_index_check(index, &q, NULL, &hits);
    if (st != ARMSMATCH_STATUS_OK) {
        atomic_fetch_add(&stress_errors, 1);
        return false;
    }
    size_t n = 0;
    bool found = false;
    armsmatch_hits_len(hits, &n);
    for (size_t i = 0; i < n && !found; i++) {
        const char *p;
        size_t len;
        found = armsmatch_hit_record_id(hits, i, &p, &len) == ARMSMATCH_STATUS_OK && text_is(p, len, id);
    }
    armsmatch_hits_free(hits);
    return found;
}

static unsigned rnd(unsigned *s) {
    *s = *s * 1103515245u + 12345u;
    return (*s >> 8) & 0xffffff;
}

static void *checker(void *arg) {
    unsigned seed = (unsigned)(uintptr_t)arg * 7919u + 1u;
    char serial[32], id[32];
    long checks = 0;
    while (!atomic_load(&done) || checks < 100) {
        int n = atomic_load(&inserted);
        if (n > 0) {
            int j = (int)(rnd(&seed) % (unsigned)n);
            ins_serial(j, serial, sizeof serial);
            snprintf(id, sizeof id, "I-%06d", j);
            if (!finds(shared, serial, id)) {
                atomic_fetch_add(&stress_errors, 1);
                fprintf(stderr, "stress: %s inserted but not found\n", id);
            }
        }
        int r = atomic_load(&removed);
        if (r > 0) {
            int i = removed_base((int)(rnd(&seed) % (unsigned)r));
            base_serial(i, serial, sizeof serial);
            snprintf(id, sizeof id, "B-%06d", i);
            if (finds(shared, serial, id)) {
                atomic_fetch_add(&stress_errors, 1);
                fprintf(stderr, "stress: %s removed but found\n", id);
            }
        }
        int i = (int)(rnd(&seed) % BASE);
        if (i % 7 != 0 || i / 7 >= REMOVES) {
            base_serial(i, serial, sizeof serial);
            snprintf(id, sizeof id, "B-%06d", i);
            if (!finds(shared, serial, id)) {
                atomic_fetch_add(&stress_errors, 1);
                fprintf(stderr, "stress: %s never removed but not found\n", id);
            }
        }
        checks += 3;
    }
    atomic_fetch_add(&stress_checks, checks);
    return NULL;
}

static void *writer(void *arg) {
    (void)arg;
    char id[32], serial[32];
    for (int j = 0; j < INSERTS; j++) {
        snprintf(id, sizeof id, "I-%06d", j);
        ins_serial(j, serial, sizeof serial);
        armsmatch_record r = make_record(id, serial);
        if (armsmatch_index_insert(shared, &r) != ARMSMATCH_STATUS_OK) {
            atomic_fetch_add(&stress_errors, 1);
        }
        atomic_store(&inserted, j + 1);
        if (j % 3 == 2) {
            int k = atomic_load(&removed);
            snprintf(id, sizeof id, "B-%06d", removed_base(k));
            if (armsmatch_index_remove(shared, id, strlen(id)) != ARMSMATCH_STATUS_OK) {
                atomic_fetch_add(&stress_errors, 1);
            }
            atomic_store(&removed, k + 1);
        }
        if (j % 300 == 299 && armsmatch_index_compact(shared) != ARMSMATCH_STATUS_OK) {
            atomic_fetch_add(&stress_errors, 1);
        }
    }
    return NULL;
}

/* Compacts and saves beside the writer; every saved file opens whole. */
static void *saver(void *arg) {
    long *saves = arg;
    char path[4096];
    snprintf(path, sizeof path, "%s/stress.armsidx", stress_dir);
    while (!atomic_load(&done) || *saves == 0) {
        if (armsmatch_index_compact(shared) != ARMSMATCH_STATUS_OK ||
            armsmatch_index_save(shared, path, strlen(path)) != ARMSMATCH_STATUS_OK) {
            atomic_fetch_add(&stress_errors, 1);
            fprintf(stderr, "stress: compact/save failed: %s\n", last_error());
            continue;
        }
        armsmatch_index *reopened = NULL;
        size_t n = 0;
        if (armsmatch_index_open(path, strlen(path), &reopened) != ARMSMATCH_STATUS_OK ||
            armsmatch_index_len(reopened, &n) != ARMSMATCH_STATUS_OK || n < BASE ||
            n > BASE - REMOVES + INSERTS) {
            atomic_fetch_add(&stress_errors, 1);
            fprintf(stderr, "stress: a saved file did not reopen whole (%zu records)\n", n);
        }
        armsmatch_index_free(reopened);
        (*saves)++;
    }
    return NULL;
}

static int run_stress(const char *workdir) {
    stress_dir = workdir;
    armsmatch_builder *b = NULL;
    OK(armsmatch_builder_new(&b));
    char id[32], serial[32];
    for (int i = 0; i < BASE; i++) {
        snprintf(id, sizeof id, "B-%06d", i);
        base_serial(i, serial, sizeof serial);
        armsmatch_record r = make_record(id, serial);
        OK(armsmatch_builder_add(b, &r));
    }
    OK(armsmatch_builder_build(b, &shared));
    armsmatch_builder_free(b);

    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int n_checkers = (int)(cores > 0 ? cores : 2) + 1;
    if (n_checkers > 64) {
        n_checkers = 64;
    }
    pthread_t checkers[64], writer_thread, saver_thread;
    long saves = 0;
    for (int t = 0; t < n_checkers; t++) {
        CHECK(pthread_create(&checkers[t], NULL, checker, (void *)(uintptr_t)t) == 0);
    }
    CHECK(pthread_create(&saver_thread, NULL, saver, &saves) == 0);
    CHECK(pthread_create(&writer_thread, NULL, writer, NULL) == 0);
    CHECK(pthread_join(writer_thread, NULL) == 0);
    atomic_store(&done, true);
    for (int t = 0; t < n_checkers; t++) {
        CHECK(pthread_join(checkers[t], NULL) == 0);
    }
    CHECK(pthread_join(saver_thread, NULL) == 0);

    /* Afterwards: every record inserted is found, every removed one is not. */
    int missing = 0, present = 0;
    for (int j = 0; j < INSERTS; j++) {
        snprintf(id, sizeof id, "I-%06d", j);
        ins_serial(j, serial, sizeof serial);
        missing += !finds(shared, serial, id);
    }
    for (int k = 0; k < REMOVES; k++) {
        snprintf(id, sizeof id, "B-%06d", removed_base(k));
        base_serial(removed_base(k), serial, sizeof serial);
        present += finds(shared, serial, id);
    }
    size_t n = 0;
    OK(armsmatch_index_len(shared, &n));
    CHECK(missing == 0);
    CHECK(present == 0);
    CHECK(n == (size_t)(BASE - REMOVES + INSERTS));
    CHECK(atomic_load(&stress_errors) == 0);
    printf("stress: %d checker threads ran %ld checks while the writer made %d inserts, %d removes "
           "and %d compactions, and %ld compact+save+open rounds ran beside them\n",
           n_checkers, atomic_load(&stress_checks), INSERTS, REMOVES, INSERTS / 300, saves);
    armsmatch_index_free(shared);
    return test_summary();
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "--stress") == 0) {
        return run_stress(argv[2]);
    }
    if (argc != 3) {
        fprintf(stderr, "usage: bad_inputs matrix.lines WORKDIR | bad_inputs --stress WORKDIR\n");
        return 2;
    }
    return run_matrix(argv[1], argv[2]);
}
