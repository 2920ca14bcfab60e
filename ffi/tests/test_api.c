/*
 * Exercises every function of the armsmatch C API, including each error status, and
 * runs the shared test vectors through it.
 *
 * usage: test_api WORK_DIR VECTORS.lines DUMP_OUT
 *   WORK_DIR       an existing, writable directory for temporary files
 *   VECTORS.lines  tests/vectors/checks.json converted by vectors_to_lines.py
 *   DUMP_OUT       where to write the hits of every vector case (compared with Rust)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "armsmatch.h"
#include "test_util.h"

static const char *work_dir;

static char *work_path(const char *name) {
    static char paths[8][1024];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, 1024, "%s/%s", work_dir, name);
    return p;
}

static void write_file(const char *path, const void *bytes, size_t len) {
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(bytes, 1, len, f) != len) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(2);
    }
    fclose(f);
}

static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t cap = 0;
    *len = 0;
    if (f == NULL) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    for (;;) {
        if (*len == cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap);
            if (buf == NULL) {
                exit(2);
            }
        }
        size_t n = fread(buf + *len, 1, cap - *len, f);
        if (n == 0) {
            break;
        }
        *len += n;
    }
    fclose(f);
    return buf;
}

/* ---- library-wide functions ---------------------------------------------------------- */

static void test_version_limits_names(void) {
    const char *v = NULL;
    OK(armsmatch_version(&v));
    CHECK(v != NULL && strlen(v) >= 5 && strchr(v, '.') != NULL);
    EXPECT(armsmatch_version(NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    /* The compile-time version is the library's: "MAJOR.MINOR.PATCH", maybe a suffix. */
    char compiled[64];
    int cl = snprintf(compiled, sizeof compiled, "%d.%d.%d", ARMSMATCH_VERSION_MAJOR,
                      ARMSMATCH_VERSION_MINOR, ARMSMATCH_VERSION_PATCH);
    CHECK(cl > 0 && strncmp(v, compiled, (size_t)cl) == 0 &&
          (v[cl] == '\0' || v[cl] == '-' || v[cl] == '+'));
    CHECK(ARMSMATCH_VERSION_MAJOR >= 0 && ARMSMATCH_VERSION_MINOR >= 0 && ARMSMATCH_VERSION_PATCH >= 0);

    armsmatch_limits l;
    OK(armsmatch_get_limits(&l));
    CHECK(l.max_serial_bytes == 256 && l.max_edits == 3 && l.max_top == 1000);
    CHECK(l.max_threads == ARMSMATCH_MAX_THREADS && l.min_known_chars >= 1);
    CHECK(l.max_key_chars > 0 && l.max_field_bytes > 0 && l.max_wildcards > 0);
    CHECK(l.max_candidates > 0 && l.max_records > 0);
    EXPECT(armsmatch_get_limits(NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);

    const char *name = NULL;
    OK(armsmatch_status_name(ARMSMATCH_STATUS_OK, &name));
    CHECK(strcmp(name, "OK") == 0);
    OK(armsmatch_status_name(ARMSMATCH_STATUS_CORRUPT_INDEX, &name));
    CHECK(strcmp(name, "CORRUPT_INDEX") == 0);
    OK(armsmatch_status_name(ARMSMATCH_STATUS_OTHER, &name));
    CHECK(strcmp(name, "OTHER") == 0);
    name = "unchanged";
    EXPECT(armsmatch_status_name(9999, &name), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK(strcmp(name, "unchanged") == 0); /* written only on success */
    EXPECT(armsmatch_status_name(0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);

    OK(armsmatch_kind_name(ARMSMATCH_KIND_SUBMACHINE_GUN, &name));
    CHECK(strcmp(name, "submachine_gun") == 0);
    OK(armsmatch_kind_name(ARMSMATCH_KIND_UNKNOWN, &name));
    CHECK(strcmp(name, "unknown") == 0);
    EXPECT(armsmatch_kind_name(8, &name), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_kind_name(1, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_record_status_name(ARMSMATCH_RECORD_STATUS_TRAFFICKED, &name));
    CHECK(strcmp(name, "trafficked") == 0);
    EXPECT(armsmatch_record_status_name(6, &name), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    OK(armsmatch_serial_match_name(ARMSMATCH_SERIAL_MATCH_CONFUSABLE, &name));
    CHECK(strcmp(name, "confusable") == 0);
    OK(armsmatch_serial_match_name(ARMSMATCH_SERIAL_MATCH_NONE, &name));
    CHECK(strcmp(name, "none") == 0);
    EXPECT(armsmatch_serial_match_name(ARMSMATCH_SERIAL_MATCH_OTHER, &name),
           ARMSMATCH_STATUS_INVALID_ARGUMENT);
    OK(armsmatch_field_match_name(ARMSMATCH_FIELD_MATCH_DIFFERENT, &name));
    CHECK(strcmp(name, "different") == 0);
    EXPECT(armsmatch_field_match_name(0, &name), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    OK(armsmatch_edit_kind_name(ARMSMATCH_EDIT_KIND_TRANSPOSITION, &name));
    CHECK(strcmp(name, "transposition") == 0);
    EXPECT(armsmatch_edit_kind_name(ARMSMATCH_EDIT_KIND_OTHER, &name),
           ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_edit_kind_name(1, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_edit_shape_name(ARMSMATCH_EDIT_SHAPE_SLIP, &name));
    CHECK(strcmp(name, "slip") == 0);
    OK(armsmatch_edit_shape_name(ARMSMATCH_EDIT_SHAPE_SIBLING, &name));
    CHECK(strcmp(name, "sibling") == 0);
    EXPECT(armsmatch_edit_shape_name(ARMSMATCH_EDIT_SHAPE_OTHER, &name),
           ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_edit_shape_name(0, &name), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_edit_shape_name(1, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
}

static void test_last_error_message(void) {
    char buf[64];
    size_t written = 0;
    /* Make a known failure. */
    EXPECT(armsmatch_index_len(NULL, &written), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_last_error_message(buf, sizeof buf, &written));
    CHECK(strcmp(buf, "armsmatch_index_len: index is NULL") == 0);
    CHECK(written == strlen("armsmatch_index_len: index is NULL"));
    /* Successful calls leave it alone. */
    const char *v;
    OK(armsmatch_version(&v));
    CHECK_MESSAGE("armsmatch_index_len: index is NULL");
    /* Asking for the length, then a cut copy (snprintf-style). */
    size_t full = 0;
    OK(armsmatch_last_error_message(NULL, 0, &full));
    CHECK(full == written);
    char small[10];
    OK(armsmatch_last_error_message(small, sizeof small, &written));
    CHECK(written == full && strlen(small) == 9 && strncmp(small, "armsmatch", 9) == 0);
    /* `written` may be NULL: the copy is made and terminated all the same. */
    memset(buf, 'Z', sizeof buf);
    OK(armsmatch_last_error_message(buf, sizeof buf, NULL));
    CHECK(strcmp(buf, "armsmatch_index_len: index is NULL") == 0);
    memset(small, 'Z', sizeof small);
    OK(armsmatch_last_error_message(small, sizeof small, NULL));
    CHECK(strcmp(small, "armsmatch") == 0);
    OK(armsmatch_last_error_message(NULL, 0, NULL));
    /* Its own failures do not replace the message. */
    EXPECT(armsmatch_last_error_message(NULL, 5, &written), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_last_error_message(NULL, 5, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    CHECK_MESSAGE("armsmatch_index_len: index is NULL");
}

/* ---- options ------------------------------------------------------------------------- */

static void test_options(void) {
    armsmatch_options *o = NULL;
    EXPECT(armsmatch_options_new(NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_options_new(&o));
    CHECK(o != NULL);
    OK(armsmatch_options_set_max_edits(o, 0));
    OK(armsmatch_options_set_max_edits(o, 3));
    OK(armsmatch_options_set_max_edits(o, ARMSMATCH_MAX_EDITS_AUTO));
    EXPECT(armsmatch_options_set_max_edits(o, 4), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
    CHECK_MESSAGE("edit budget is 4, over the limit of 3");
    EXPECT(armsmatch_options_set_max_edits(o, -2), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_options_set_max_edits(NULL, 1), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_options_set_top(o, 1));
    OK(armsmatch_options_set_top(o, 1000));
    EXPECT(armsmatch_options_set_top(o, 0), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_options_set_top(o, 1001), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("top 1001 is not between 1 and 1000");
    EXPECT(armsmatch_options_set_top(o, (size_t)-1), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_options_set_top(NULL, 5), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_options_set_threshold(o, 0.0f));
    OK(armsmatch_options_set_threshold(o, 1.0f));
    EXPECT(armsmatch_options_set_threshold(o, -0.01f), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_options_set_threshold(o, 1.5f), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_options_set_threshold(o, NAN), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_options_set_threshold(o, INFINITY), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_options_set_threshold(NULL, 0.5f), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_options_set_serial_only(o, true));
    OK(armsmatch_options_set_serial_only(o, false));
    EXPECT(armsmatch_options_set_serial_only(NULL, true), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_options_set_threads(o, 0));
    OK(armsmatch_options_set_threads(o, ARMSMATCH_MAX_THREADS));
    EXPECT(armsmatch_options_set_threads(o, ARMSMATCH_MAX_THREADS + 1),
           ARMSMATCH_STATUS_LIMIT_EXCEEDED);
    EXPECT(armsmatch_options_set_threads(NULL, 1), ARMSMATCH_STATUS_NULL_ARGUMENT);
    armsmatch_options_free(o);
    armsmatch_options_free(NULL);
}

/* ---- reference ----------------------------------------------------------------------- */

static void test_reference(void) {
    armsmatch_reference *r = NULL;
    char buf[128];
    size_t written = 0;

    EXPECT(armsmatch_reference_embedded(NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_reference_embedded(&r));
    OK(armsmatch_reference_version(r, buf, sizeof buf, &written));
    CHECK(written > 0 && strlen(buf) == written);
    OK(armsmatch_reference_canonical_make(r, LIT("S&W"), buf, sizeof buf, &written));
    CHECK(strcmp(buf, "Smith & Wesson") == 0);
    OK(armsmatch_reference_canonical_make(r, LIT("SMITH & WESSON INC"), buf, sizeof buf, &written));
    CHECK(strcmp(buf, "Smith & Wesson") == 0);
    char a[128], b[128];
    OK(armsmatch_reference_canonical_calibre(r, LIT("9mm Luger"), a, sizeof a, &written));
    OK(armsmatch_reference_canonical_calibre(r, LIT("9x19"), b, sizeof b, &written));
    CHECK(strcmp(a, b) == 0);
    EXPECT(armsmatch_reference_canonical_make(NULL, LIT("x"), buf, sizeof buf, &written),
           ARMSMATCH_STATUS_NULL_ARGUMENT);
    /* (NULL, 0) is the empty string, as everywhere. */
    OK(armsmatch_reference_canonical_make(r, NULL, 0, buf, sizeof buf, &written));
    char empty_canonical[128];
    OK(armsmatch_reference_canonical_make(r, "", 0, empty_canonical, sizeof empty_canonical, &written));
    CHECK(strcmp(buf, empty_canonical) == 0);
    EXPECT(armsmatch_reference_canonical_make(r, NULL, 3, buf, sizeof buf, &written),
           ARMSMATCH_STATUS_NULL_ARGUMENT);
    /* `written` may be NULL. */
    OK(armsmatch_reference_canonical_make(r, LIT("S&W"), buf, sizeof buf, NULL));
    CHECK(strcmp(buf, "Smith & Wesson") == 0);
    EXPECT(armsmatch_reference_canonical_calibre(r, LIT("\xc3\x28"), buf, sizeof buf, &written),
           ARMSMATCH_STATUS_INVALID_UTF8);
    EXPECT(armsmatch_reference_canonical_make(r, "S&W", 4, buf, sizeof buf, &written),
           ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("name ends in a NUL byte");
    EXPECT(armsmatch_reference_version(NULL, buf, sizeof buf, &written),
           ARMSMATCH_STATUS_NULL_ARGUMENT);

    /* Extend from a file: a new make with an alias. */
    const char *extra = "version = \"test\"\n[[make]]\nname = \"Acme Arms\"\naliases = [\"ACME\"]\n";
    write_file(work_path("extra.toml"), extra, strlen(extra));
    const char *p = work_path("extra.toml");
    OK(armsmatch_reference_extend_from_file(r, p, strlen(p)));
    OK(armsmatch_reference_canonical_make(r, LIT("acme"), buf, sizeof buf, &written));
    CHECK(strcmp(buf, "Acme Arms") == 0);
    const char *missing = work_path("missing.toml");
    EXPECT(armsmatch_reference_extend_from_file(r, missing, strlen(missing)), ARMSMATCH_STATUS_IO);
    CHECK_MESSAGE("missing.toml");
    write_file(work_path("bad.toml"), "[[make]]\nnom = 1\n", 17);
    p = work_path("bad.toml");
    EXPECT(armsmatch_reference_extend_from_file(r, p, strlen(p)), ARMSMATCH_STATUS_REFERENCE);
    EXPECT(armsmatch_reference_extend_from_file(NULL, p, strlen(p)), ARMSMATCH_STATUS_NULL_ARGUMENT);

    /* From TOML text, and from a file. */
    armsmatch_reference *own = NULL;
    const char *toml = "version = \"own-1\"\n[[make]]\nname = \"Zastava\"\naliases = [\"Crvena Zastava\"]\n";
    OK(armsmatch_reference_from_toml(toml, strlen(toml), &own));
    OK(armsmatch_reference_version(own, buf, sizeof buf, &written));
    CHECK(strcmp(buf, "own-1") == 0);
    armsmatch_reference *bad = (armsmatch_reference *)&written;
    EXPECT(armsmatch_reference_from_toml(LIT("[[make]]\nname = 3\n"), &bad), ARMSMATCH_STATUS_REFERENCE);
    CHECK(bad == (armsmatch_reference *)&written); /* untouched */
    EXPECT(armsmatch_reference_from_toml(LIT("x"), NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_reference_from_toml(LIT("\xff"), &bad), ARMSMATCH_STATUS_INVALID_UTF8);
    EXPECT(armsmatch_reference_from_toml(LIT("version = \"x\"\n\0"), &bad),
           ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("text ends in a NUL byte");
    armsmatch_reference *loaded = NULL;
    OK(armsmatch_reference_load(work_path("extra.toml"), strlen(work_path("extra.toml")), &loaded));
    EXPECT(armsmatch_reference_load(missing, strlen(missing), &bad), ARMSMATCH_STATUS_IO);
    /* (NULL, 0) is the empty path; NULL with a length is a NULL argument. */
    EXPECT(armsmatch_reference_load(NULL, 0, &bad), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("path is empty");
    EXPECT(armsmatch_reference_load(NULL, 4, &bad), ARMSMATCH_STATUS_NULL_ARGUMENT);
    /* (NULL, 0) is empty TOML text, like "": a reference without entries. */
    armsmatch_reference *empty = NULL;
    OK(armsmatch_reference_from_toml(NULL, 0, &empty));
    armsmatch_reference_free(empty);
    empty = NULL;
    OK(armsmatch_reference_from_toml("", 0, &empty));
    armsmatch_reference_free(empty);
    EXPECT(armsmatch_reference_from_toml(NULL, 1, &bad), ARMSMATCH_STATUS_NULL_ARGUMENT);

    /* An index built with its own reference keeps it (even after the handle is freed). */
    armsmatch_builder *builder = NULL;
    armsmatch_index *index = NULL;
    OK(armsmatch_builder_new_with_reference(own, &builder));
    armsmatch_reference_free(own);
    EXPECT(armsmatch_builder_new_with_reference(NULL, &builder), ARMSMATCH_STATUS_NULL_ARGUMENT);
    armsmatch_record rec = make_record("SRB-1", "ZZ445566");
    set_text(&rec.make, &rec.make_len, "Zastava");
    OK(armsmatch_builder_add(builder, &rec));
    OK(armsmatch_builder_build(builder, &index));
    OK(armsmatch_index_reference_version(index, buf, sizeof buf, &written));
    CHECK(strcmp(buf, "own-1") == 0);
    armsmatch_query q = make_query("ZZ445566");
    set_text(&q.make, &q.make_len, "Crvena Zastava");
    armsmatch_hits *hits = NULL;
    OK(armsmatch_index_check(index, &q, NULL, &hits));
    armsmatch_field_match m = 0;
    OK(armsmatch_hit_make_match(hits, 0, &m));
    CHECK(m == ARMSMATCH_FIELD_MATCH_ALIAS);
    armsmatch_hits_free(hits);
    armsmatch_index_free(index);
    armsmatch_builder_free(builder);
    armsmatch_reference_free(loaded);
    armsmatch_reference_free(r);
    armsmatch_reference_free(NULL);
}

/* ---- builder ------------------------------------------------------------------------- */

/* The message of the last failure is one C string: its strlen is its reported length. */
static int message_is_one_c_string(void) {
    char msg[2048];
    size_t written = 0;
    if (armsmatch_last_error_message(msg, sizeof msg, &written) != ARMSMATCH_STATUS_OK) {
        return 0;
    }
    return written < sizeof msg && strlen(msg) == written;
}

static void test_builder_errors(void) {
    armsmatch_builder *b = NULL;
    EXPECT(armsmatch_builder_new(NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_builder_new(&b));

    armsmatch_record r = make_record("R1", "AB123456");
    EXPECT(armsmatch_builder_add(NULL, &r), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_builder_add(b, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    CHECK_MESSAGE("armsmatch_builder_add: record is NULL");
    r.id = NULL; /* (NULL, 0) is the empty id */
    r.id_len = 0;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("non-empty id");
    r.id_len = 2;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_NULL_ARGUMENT);
    CHECK_MESSAGE("record.id is NULL but its length is 2");
    r = make_record("R1", "AB123456");
    r.make = NULL;
    r.make_len = 5;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_NULL_ARGUMENT);
    r = make_record("", "AB123456");
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("non-empty id");

    /* Invalid UTF-8 in each string field, named in the message. */
    static const char bad[] = "A\xff";
    static const char *const fields[] = {"record.id", "record.serial", "record.make",
                                         "record.model", "record.calibre", "record.country"};
    for (int f = 0; f < 6; f++) {
        r = make_record("R1", "AB123456");
        const char **ptrs[] = {&r.id, &r.serial, &r.make, &r.model, &r.calibre, &r.country};
        size_t *lens[] = {&r.id_len, &r.serial_len, &r.make_len, &r.model_len, &r.calibre_len,
                          &r.country_len};
        *ptrs[f] = bad;
        *lens[f] = 2;
        EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_UTF8);
        CHECK(strstr(last_error(), fields[f]) != NULL);
    }

    /* A NUL byte in each string field, at the end (a length that counts the terminating
     * NUL: "QW123456" with length 9) or inside: refused, the field named, nothing added. */
    static const char *const with_nul[] = {"R1\0", "AB\0\0", "Glock\0", "19\0", "9mm\0", "DE\0"};
    static const size_t with_nul_len[] = {3, 3, 6, 3, 4, 3};
    size_t before = 0, after = 0;
    OK(armsmatch_builder_len(b, &before));
    for (int f = 0; f < 6; f++) {
        r = make_record("R1", "QW123456");
        const char **ptrs[] = {&r.id, &r.serial, &r.make, &r.model, &r.calibre, &r.country};
        size_t *lens[] = {&r.id_len, &r.serial_len, &r.make_len, &r.model_len, &r.calibre_len,
                          &r.country_len};
        *ptrs[f] = with_nul[f];
        *lens[f] = with_nul_len[f];
        EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
        CHECK(strstr(last_error(), fields[f]) != NULL);
        CHECK_MESSAGE("NUL byte");
        CHECK(message_is_one_c_string());
    }
    r = make_record("R1", "QW123456");
    r.serial_len = 9; /* counts the terminating NUL */
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("record.serial ends in a NUL byte: its length must not count the "
                  "terminating NUL");
    r = make_record("R1", NULL);
    r.serial = "QW12\0" "3456";
    r.serial_len = 9;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("record.serial contains a NUL byte (at offset 4)");
    OK(armsmatch_builder_len(b, &after));
    CHECK(after == before);

    /* Out-of-range values. */
    r = make_record("R1", "AB123456");
    r.kind = 8;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("record.kind 8");
    r.kind = 0;
    r.status = 77;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    r.status = 0;
    r.reported_on.year = 2023;
    r.reported_on.month = 2;
    r.reported_on.day = 29;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("2023-02-29");
    r.reported_on.year = 0;
    r.reported_on.month = 0;
    r.reported_on.day = 0;
    set_text(&r.country, &r.country_len, "Germany");
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("country");

    /* Over the limits: a long serial, a long make, a long id, a 10 MB serial. */
    static char big[10 * 1024 * 1024];
    memset(big, 'A', sizeof big);
    r = make_record("R1", NULL);
    r.serial = big;
    r.serial_len = 257;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
    CHECK_MESSAGE("serial");
    r.serial_len = sizeof big;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
    r = make_record("R1", "AB123456");
    r.make = big;
    r.make_len = 1025;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
    CHECK_MESSAGE("make");
    r = make_record("R1", "AB123456");
    r.id = big;
    r.id_len = 5000;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
    /* A length no object can have is refused before anything is read. */
    r = make_record("R1", "AB123456");
    r.model = "x";
    r.model_len = (size_t)-1;
    EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    /* So is a length over the field's limit (a wrong length, here 1 MiB for a 2-byte
       buffer: under ASan, reading it to validate it would be a heap overflow). */
    {
        char *two = malloc(2);
        CHECK(two != NULL);
        memcpy(two, "xy", 2);
        r = make_record("R1", "AB123456");
        r.make = two;
        r.make_len = (size_t)1 << 20;
        EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
        r = make_record("R1", "AB123456");
        r.serial = two;
        r.serial_len = 4096;
        EXPECT(armsmatch_builder_add(b, &r), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
        free(two);
    }

    size_t n = 99;
    OK(armsmatch_builder_len(b, &n));
    CHECK(n == 0); /* nothing bad was added */
    EXPECT(armsmatch_builder_len(NULL, &n), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_builder_len(b, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);

    /* Duplicate ids are found at build; the builder is empty and reusable after. */
    r = make_record("R1", "AB123456");
    OK(armsmatch_builder_add(b, &r));
    OK(armsmatch_builder_add(b, &r));
    armsmatch_index *index = (armsmatch_index *)&n;
    EXPECT(armsmatch_builder_build(b, &index), ARMSMATCH_STATUS_DUPLICATE_ID);
    CHECK(index == (armsmatch_index *)&n);
    CHECK_MESSAGE("R1");
    OK(armsmatch_builder_len(b, &n));
    CHECK(n == 0);
    EXPECT(armsmatch_builder_build(NULL, &index), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_builder_build(b, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_builder_add(b, &r));
    index = NULL;
    OK(armsmatch_builder_build(b, &index));
    OK(armsmatch_index_len(index, &n));
    CHECK(n == 1);
    armsmatch_index_free(index);
    armsmatch_builder_free(b);
    armsmatch_builder_free(NULL);
}

static void test_builder_files(void) {
    armsmatch_builder *b = NULL;
    armsmatch_read_report report = {0, 0};
    OK(armsmatch_builder_new(&b));

    const char *csv =
        "record_id,make,model,serial,calibre,type,country,status,reported_on,colour\n"
        "CSV-1,Glock,19,GX 100200,9mm,pistol,deu,stolen,2024-03-01,black\n"
        "CSV-2,Beretta,92FS,BR-778899,9x19,P,ITA,lost,2023-11,\n";
    const char *path = work_path("records.csv");
    write_file(path, csv, strlen(csv));
    OK(armsmatch_builder_add_file(b, path, strlen(path), false, &report));
    CHECK(report.rows == 2 && report.skipped == 0);

    const char *jsonl =
        "{\"record_id\": \"JS-1\", \"serial\": \"JS-555111\", \"make\": \"Walther\"}\n"
        "\n"
        "{\"id\": \"JS-2\", \"serial\": 777111222}\n";
    path = work_path("records.jsonl");
    write_file(path, jsonl, strlen(jsonl));
    OK(armsmatch_builder_add_file(b, path, strlen(path), false, NULL));

    const char *bad = "record_id,serial,country\nB-1,AB1,DEU\nB-2,AB2,Germany\nB-3,AB3,FRA\n";
    path = work_path("bad.csv");
    write_file(path, bad, strlen(bad));
    EXPECT(armsmatch_builder_add_file(b, path, strlen(path), false, &report),
           ARMSMATCH_STATUS_PARSE);
    CHECK_MESSAGE("bad.csv:3:country");
    size_t n = 0;
    OK(armsmatch_builder_len(b, &n));
    CHECK(n == 5); /* 2 + 2, and the row before the bad one */
    armsmatch_builder_free(b);

    OK(armsmatch_builder_new(&b));
    report.rows = 0;
    OK(armsmatch_builder_add_file(b, path, strlen(path), true, &report));
    /* Skipping bad rows, the record with an unreadable country goes in without it. */
    CHECK(report.rows == 3 && report.skipped == 0);
    OK(armsmatch_builder_len(b, &n));
    CHECK(n == 3);
    const char *nocol = "record_id,make\nR1,Glock\n";
    path = work_path("nocol.csv");
    write_file(path, nocol, strlen(nocol));
    EXPECT(armsmatch_builder_add_file(b, path, strlen(path), true, &report), ARMSMATCH_STATUS_PARSE);
    CHECK_MESSAGE("serial");
    path = work_path("no-such-file.csv");
    EXPECT(armsmatch_builder_add_file(b, path, strlen(path), false, &report), ARMSMATCH_STATUS_IO);
    CHECK_MESSAGE("no-such-file.csv");
    EXPECT(armsmatch_builder_add_file(NULL, path, strlen(path), false, NULL),
           ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_builder_add_file(b, NULL, 0, false, NULL), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("path is empty");
    EXPECT(armsmatch_builder_add_file(b, NULL, 8, false, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_builder_add_file(b, LIT("\xfe.csv"), false, NULL), ARMSMATCH_STATUS_INVALID_UTF8);
    armsmatch_builder_free(b);

    /* A Cyrillic export in Windows-1251 with Excel's semicolons: "ИЖ" and "АВ123456". */
    const char *cp1251 = "record_id;make;serial\r\nRUS-1;\xc8\xc6;\xc0\xc2" "123456\r\n";
    path = work_path("cp1251.csv");
    write_file(path, cp1251, strlen(cp1251));
    OK(armsmatch_builder_new(&b));
    EXPECT(armsmatch_builder_add_file(b, path, strlen(path), false, &report), ARMSMATCH_STATUS_PARSE);
    CHECK_MESSAGE("cp1251.csv:2:make");
    EXPECT(armsmatch_builder_add_file_encoded(b, path, strlen(path), false, 4, &report),
           ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("encoding 4");
    OK(armsmatch_builder_add_file_encoded(b, path, strlen(path), false, ARMSMATCH_ENCODING_WINDOWS1251,
                                          &report));
    CHECK(report.rows == 1 && report.skipped == 0);
    armsmatch_index *idx = NULL;
    OK(armsmatch_builder_build(b, &idx));
    armsmatch_builder_free(b);
    armsmatch_query q = make_query("AB123456");
    armsmatch_hits *hits = NULL;
    OK(armsmatch_index_check(idx, &q, NULL, &hits));
    size_t len = 0;
    OK(armsmatch_hits_len(hits, &len));
    const char *text = NULL;
    size_t text_len = 0;
    CHECK(len == 1 && armsmatch_hit_record_id(hits, 0, &text, &text_len) == ARMSMATCH_STATUS_OK &&
          text_is(text, text_len, "RUS-1"));
    armsmatch_hits_free(hits);
    armsmatch_index_free(idx);
}

/* ---- index, check and hits ----------------------------------------------------------- */

static armsmatch_index *small_index(void) {
    armsmatch_builder *b = NULL;
    armsmatch_index *index = NULL;
    OK(armsmatch_builder_new(&b));
    armsmatch_record r = make_record("DEU-1", "AB123456");
    set_text(&r.make, &r.make_len, "Glock");
    set_text(&r.model, &r.model_len, "19");
    set_text(&r.calibre, &r.calibre_len, "9mm");
    set_text(&r.country, &r.country_len, "deu");
    r.kind = ARMSMATCH_KIND_PISTOL;
    r.status = ARMSMATCH_RECORD_STATUS_STOLEN;
    r.reported_on.year = 2024;
    r.reported_on.month = 1;
    r.reported_on.day = 2;
    OK(armsmatch_builder_add(b, &r));
    armsmatch_record r2 = make_record("RUS-1", "\xd0\x92\xd0\xa1 1234"); /* "ВС 1234" */
    set_text(&r2.make, &r2.make_len, "Izhmash");
    OK(armsmatch_builder_add(b, &r2));
    armsmatch_record r3 = make_record("NOSER-1", NULL);
    set_text(&r3.make, &r3.make_len, "Colt");
    set_text(&r3.model, &r3.model_len, "Python");
    OK(armsmatch_builder_add(b, &r3));
    OK(armsmatch_builder_build(b, &index));
    armsmatch_builder_free(b);
    return index;
}

static void test_check_and_hits(void) {
    armsmatch_index *index = small_index();
    armsmatch_hits *hits = NULL;
    size_t n = 0;

    /* A transposed serial, the make by alias. */
    armsmatch_query q = make_query("AB123465");
    set_text(&q.make, &q.make_len, "GLOCK GmbH");
    OK(armsmatch_index_check(index, &q, NULL, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 1);

    const char *p = NULL;
    size_t len = 0;
    float score = -1;
    OK(armsmatch_hit_score(hits, 0, &score));
    CHECK(score >= 0.1f && score < 1.0f); /* at or above the default threshold */
    OK(armsmatch_hit_record_id(hits, 0, &p, &len));
    CHECK(text_is(p, len, "DEU-1"));
    OK(armsmatch_hit_record_serial(hits, 0, &p, &len));
    CHECK(text_is(p, len, "AB123456"));
    OK(armsmatch_hit_record_make(hits, 0, &p, &len));
    CHECK(text_is(p, len, "Glock"));
    OK(armsmatch_hit_record_model(hits, 0, &p, &len));
    CHECK(text_is(p, len, "19"));
    OK(armsmatch_hit_record_calibre(hits, 0, &p, &len));
    CHECK(text_is(p, len, "9mm"));
    OK(armsmatch_hit_record_country(hits, 0, &p, &len));
    CHECK(text_is(p, len, "DEU")); /* upper-cased, as from a file */
    armsmatch_kind kind = 0;
    OK(armsmatch_hit_record_kind(hits, 0, &kind));
    CHECK(kind == ARMSMATCH_KIND_PISTOL);
    armsmatch_record_status rs = 0;
    OK(armsmatch_hit_record_status(hits, 0, &rs));
    CHECK(rs == ARMSMATCH_RECORD_STATUS_STOLEN);
    armsmatch_date d = {0, 0, 0};
    OK(armsmatch_hit_record_reported_on(hits, 0, &d));
    CHECK(d.year == 2024 && d.month == 1 && d.day == 2);

    /* Statistics and a trace request built from the hit, as JSON. */
    {
        size_t need = 0;
        OK(armsmatch_index_stats_json(index, NULL, 0, &need));
        CHECK(need > 10);
        char *json = malloc(need + 1);
        CHECK(json != NULL);
        size_t got = 0;
        OK(armsmatch_index_stats_json(index, json, need + 1, &got));
        CHECK(got == need && strstr(json, "stolen") != NULL);
        free(json);
        EXPECT(armsmatch_index_stats_json(NULL, NULL, 0, &got), ARMSMATCH_STATUS_NULL_ARGUMENT);
        char tr[16384];
        size_t tl = 0;
        OK(armsmatch_hit_trace_request_json(hits, 0, "NLD", 3, "KLPD", 4, "CASE-7", 6, tr,
                                            sizeof tr, &tl));
        CHECK(tl < sizeof tr && strlen(tr) == tl);
        CHECK(strstr(tr, "CASE-7") != NULL);
        CHECK(strstr(tr, "AUT") != NULL); /* Glock: made in Austria, a suggested addressee */
        CHECK(strstr(tr, "\"missing\"") != NULL);
        /* Scores are f32s, written in their shortest form ("0.95"), not widened to f64
         * digits ("0.949999988079071"). */
        {
            static const char *const keys[] = {"\"score\":", "\"serial_score\":",
                                               "\"identity_factor\":"};
            for (int k = 0; k < 3; k++) {
                const char *at = strstr(tr, keys[k]);
                CHECK(at != NULL);
                if (at != NULL) {
                    at += strlen(keys[k]);
                    size_t digits = strspn(at, "0123456789.-+eE");
                    CHECK(digits > 0 && digits <= 10);
                }
            }
        }
        EXPECT(armsmatch_hit_trace_request_json(hits, 0, "NLD", 3, "KLPD", 5, "C", 1, tr,
                                                sizeof tr, &tl),
               ARMSMATCH_STATUS_INVALID_ARGUMENT);
        CHECK_MESSAGE("agency ends in a NUL byte");
        /* The serial is the check's, as read (not the record's AB123456). */
        CHECK(strstr(tr, "\"serial\":\"AB123465\"") != NULL);
        EXPECT(armsmatch_hit_trace_request_json(hits, 0, "Netherlands", 11, "KLPD", 4, "C", 1,
                                                tr, sizeof tr, &tl),
               ARMSMATCH_STATUS_INVALID_ARGUMENT);
        EXPECT(armsmatch_hit_trace_request_json(hits, 0, "NLD", 3, NULL, 0, "C", 1, tr,
                                                sizeof tr, &tl),
               ARMSMATCH_STATUS_INVALID_ARGUMENT);
        CHECK_MESSAGE("agency");
        /* A case reference over the field limit, as every other text field. */
        static char long_ref[2048];
        memset(long_ref, 'C', sizeof long_ref);
        EXPECT(armsmatch_hit_trace_request_json(hits, 0, "NLD", 3, "KLPD", 4, long_ref,
                                                sizeof long_ref, tr, sizeof tr, &tl),
               ARMSMATCH_STATUS_LIMIT_EXCEEDED);
        CHECK_MESSAGE("case_ref");
        EXPECT(armsmatch_hit_trace_request_json(hits, 9, "NLD", 3, "KLPD", 4, "C", 1, tr,
                                                sizeof tr, &tl),
               ARMSMATCH_STATUS_OUT_OF_RANGE);
        EXPECT(armsmatch_hit_trace_request_json(NULL, 0, "NLD", 3, "KLPD", 4, "C", 1, tr,
                                                sizeof tr, &tl),
               ARMSMATCH_STATUS_NULL_ARGUMENT);
        /* `written` may be NULL; a cut copy is terminated. */
        char head[16];
        OK(armsmatch_hit_trace_request_json(hits, 0, "NLD", 3, "KLPD", 4, "C", 1, head,
                                            sizeof head, NULL));
        CHECK(strlen(head) == sizeof head - 1);
    }

    armsmatch_serial_match sm = 0;
    OK(armsmatch_hit_serial_match(hits, 0, &sm));
    CHECK(sm == ARMSMATCH_SERIAL_MATCH_FUZZY);
    uint32_t dist = 99;
    OK(armsmatch_hit_serial_distance(hits, 0, &dist));
    CHECK(dist == 1);
    OK(armsmatch_hit_serial_check_key(hits, 0, &p, &len));
    CHECK(text_is(p, len, "AB123465"));
    OK(armsmatch_hit_serial_record_key(hits, 0, &p, &len));
    CHECK(text_is(p, len, "AB123456"));
    bool translit = true;
    OK(armsmatch_hit_serial_transliterated(hits, 0, &translit));
    CHECK(!translit);
    size_t edits = 0;
    OK(armsmatch_hit_serial_edits_len(hits, 0, &edits));
    CHECK(edits == 1);
    armsmatch_edit e;
    OK(armsmatch_hit_serial_edit(hits, 0, 0, &e));
    CHECK(e.kind == ARMSMATCH_EDIT_KIND_TRANSPOSITION && e.at == 6 && e.check == 0 && e.record == 0);
    EXPECT(armsmatch_hit_serial_edit(hits, 0, 1, &e), ARMSMATCH_STATUS_OUT_OF_RANGE);
    CHECK_MESSAGE("edit 1 is out of range");
    EXPECT(armsmatch_hit_serial_edit(hits, 1, 0, &e), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_serial_edit(hits, 0, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    armsmatch_edit_shape shape = 0;
    OK(armsmatch_hit_serial_shape(hits, 0, &shape));
    CHECK(shape == ARMSMATCH_EDIT_SHAPE_PLAIN); /* one edit has no shape */
    EXPECT(armsmatch_hit_serial_shape(hits, 1, &shape), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_serial_shape(NULL, 0, &shape), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_serial_shape(hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    {
        /* Two swaps: shaped like a slip; two digits replaced in place: like a sibling. */
        armsmatch_options *all = NULL;
        OK(armsmatch_options_new(&all));
        OK(armsmatch_options_set_threshold(all, 0.0f));
        const char *serials[] = {"BA123465", "AB123478"};
        armsmatch_edit_shape want[] = {ARMSMATCH_EDIT_SHAPE_SLIP, ARMSMATCH_EDIT_SHAPE_SIBLING};
        for (size_t k = 0; k < 2; k++) {
            armsmatch_query q2 = make_query(serials[k]);
            set_text(&q2.make, &q2.make_len, "Glock");
            armsmatch_hits *h2 = NULL;
            OK(armsmatch_index_check(index, &q2, all, &h2));
            OK(armsmatch_hit_record_id(h2, 0, &p, &len));
            CHECK(text_is(p, len, "DEU-1"));
            OK(armsmatch_hit_serial_shape(h2, 0, &shape));
            CHECK(shape == want[k]);
            armsmatch_hits_free(h2);
        }
        armsmatch_options_free(all);
    }
    armsmatch_field_match fm = 0;
    OK(armsmatch_hit_make_match(hits, 0, &fm));
    CHECK(fm == ARMSMATCH_FIELD_MATCH_SAME); /* a corporate suffix does not matter */
    OK(armsmatch_hit_model_match(hits, 0, &fm));
    CHECK(fm == ARMSMATCH_FIELD_MATCH_UNKNOWN);
    OK(armsmatch_hit_calibre_match(hits, 0, &fm));
    CHECK(fm == ARMSMATCH_FIELD_MATCH_UNKNOWN);
    float serial_score = 0, factor = 0;
    OK(armsmatch_hit_serial_score(hits, 0, &serial_score));
    OK(armsmatch_hit_identity_factor(hits, 0, &factor));
    /* The score is the evidence (serial score × identity factor) calibrated. */
    float evidence = 0, calibrated = 0;
    OK(armsmatch_hit_evidence(hits, 0, &evidence));
    CHECK(fabsf(serial_score * factor - evidence) < 1e-5f);
    OK(armsmatch_calibrate(evidence, &calibrated));
    CHECK(calibrated == score && score > 0.0f && score <= 1.0f);
    uint32_t shared = 99;
    OK(armsmatch_hit_shared_with(hits, 0, &shared));
    CHECK(shared == 0); /* a full serial shares with no one */

    char text[512];
    size_t written = 0;
    OK(armsmatch_hit_explanation_text(hits, 0, text, sizeof text, &written));
    CHECK(strstr(text, "serial fuzzy") != NULL && strstr(text, "transposition") != NULL);
    CHECK(strstr(text, "make same") != NULL && written == strlen(text));
    char cut[12];
    size_t full = written;
    OK(armsmatch_hit_explanation_text(hits, 0, cut, sizeof cut, &written));
    CHECK(written == full && strlen(cut) == sizeof cut - 1);
    OK(armsmatch_hit_explanation_text(hits, 0, NULL, 0, &written));
    CHECK(written == full);
    EXPECT(armsmatch_hit_explanation_text(hits, 0, NULL, 4, &written), ARMSMATCH_STATUS_NULL_ARGUMENT);
    /* `written` may be NULL: the copy is still made and terminated. */
    memset(cut, 'Z', sizeof cut);
    OK(armsmatch_hit_explanation_text(hits, 0, cut, sizeof cut, NULL));
    CHECK(strlen(cut) == sizeof cut - 1 && strncmp(cut, text, sizeof cut - 1) == 0);
    OK(armsmatch_hit_explanation_text(hits, 0, NULL, 0, NULL));
    EXPECT(armsmatch_hit_explanation_text(hits, 5, text, sizeof text, &written), ARMSMATCH_STATUS_OUT_OF_RANGE);

    /* Every accessor: past the end, NULL handle, NULL out-pointer. */
    EXPECT(armsmatch_hits_len(NULL, &n), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hits_len(hits, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_score(hits, 1, &score), ARMSMATCH_STATUS_OUT_OF_RANGE);
    CHECK_MESSAGE("hit 1 is out of range (there are 1)");
    EXPECT(armsmatch_hit_score(NULL, 0, &score), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_score(hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    typedef armsmatch_status (*text_fn)(const armsmatch_hits *, size_t, const char **, size_t *);
    text_fn text_fns[] = {armsmatch_hit_record_id,        armsmatch_hit_record_serial,
                          armsmatch_hit_record_make,      armsmatch_hit_record_model,
                          armsmatch_hit_record_calibre,   armsmatch_hit_record_country,
                          armsmatch_hit_serial_check_key, armsmatch_hit_serial_record_key};
    for (size_t f = 0; f < sizeof text_fns / sizeof text_fns[0]; f++) {
        p = "untouched";
        EXPECT(text_fns[f](hits, 1, &p, &len), ARMSMATCH_STATUS_OUT_OF_RANGE);
        CHECK(strcmp(p, "untouched") == 0);
        EXPECT(text_fns[f](NULL, 0, &p, &len), ARMSMATCH_STATUS_NULL_ARGUMENT);
        EXPECT(text_fns[f](hits, 0, NULL, &len), ARMSMATCH_STATUS_NULL_ARGUMENT);
        EXPECT(text_fns[f](hits, 0, &p, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    }
    typedef armsmatch_status (*field_fn)(const armsmatch_hits *, size_t, armsmatch_field_match *);
    field_fn field_fns[] = {armsmatch_hit_make_match, armsmatch_hit_model_match,
                            armsmatch_hit_calibre_match};
    for (size_t f = 0; f < 3; f++) {
        EXPECT(field_fns[f](hits, 1, &fm), ARMSMATCH_STATUS_OUT_OF_RANGE);
        EXPECT(field_fns[f](NULL, 0, &fm), ARMSMATCH_STATUS_NULL_ARGUMENT);
        EXPECT(field_fns[f](hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    }
    EXPECT(armsmatch_hit_record_kind(hits, 1, &kind), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_record_kind(hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_record_status(hits, 1, &rs), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_record_status(NULL, 0, &rs), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_record_reported_on(hits, 1, &d), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_record_reported_on(hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_serial_match(hits, 1, &sm), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_serial_match(NULL, 0, &sm), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_serial_distance(hits, 1, &dist), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_serial_distance(hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_serial_transliterated(hits, 1, &translit), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_serial_transliterated(hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_serial_edits_len(hits, 1, &edits), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_serial_edits_len(NULL, 0, &edits), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_serial_score(hits, 1, &score), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_serial_score(hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_identity_factor(hits, 1, &score), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_identity_factor(NULL, 0, &score), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_evidence(hits, 1, &score), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_evidence(hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_shared_with(hits, 1, &shared), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_shared_with(NULL, 0, &shared), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_hit_shared_with(hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    /* The calibration rises, clamps and refuses a NULL output. */
    float lo = 0, hi = 0;
    OK(armsmatch_calibrate(0.5f, &lo));
    OK(armsmatch_calibrate(0.8f, &hi));
    CHECK(0.0f < lo && lo < hi && hi < 1.0f);
    OK(armsmatch_calibrate(2.0f, &hi));
    CHECK(hi == 1.0f);
    OK(armsmatch_calibrate(NAN, &lo));
    CHECK(lo == 0.0f);
    EXPECT(armsmatch_calibrate(0.5f, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    armsmatch_hits_free(hits);

    /* A Cyrillic marking keyed by sound: transliterated; unknown fields are NULL. */
    q = make_query("VS-1234");
    OK(armsmatch_index_check(index, &q, NULL, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 1);
    OK(armsmatch_hit_record_id(hits, 0, &p, &len));
    CHECK(text_is(p, len, "RUS-1"));
    OK(armsmatch_hit_record_serial(hits, 0, &p, &len));
    CHECK(text_is(p, len, "\xd0\x92\xd0\xa1 1234"));
    OK(armsmatch_hit_serial_transliterated(hits, 0, &translit));
    CHECK(translit);
    bool reading = true;
    OK(armsmatch_hit_serial_reading(hits, 0, &reading));
    CHECK(!reading); /* a transliteration of the record's Cyrillic, no reading */
    OK(armsmatch_hit_record_model(hits, 0, &p, &len));
    CHECK(p == NULL && len == 0);
    OK(armsmatch_hit_record_country(hits, 0, &p, &len));
    CHECK(p == NULL && len == 0);
    OK(armsmatch_hit_record_kind(hits, 0, &kind));
    CHECK(kind == ARMSMATCH_KIND_UNKNOWN);
    OK(armsmatch_hit_record_status(hits, 0, &rs));
    CHECK(rs == ARMSMATCH_RECORD_STATUS_UNKNOWN);
    OK(armsmatch_hit_record_reported_on(hits, 0, &d));
    CHECK(d.year == 0 && d.month == 0 && d.day == 0);
    armsmatch_hits_free(hits);

    /* A confusable O/0 gives a confusable edit with both characters. */
    q = make_query("AB12345O");
    OK(armsmatch_index_check(index, &q, NULL, &hits));
    OK(armsmatch_hit_serial_match(hits, 0, &sm));
    CHECK(sm == ARMSMATCH_SERIAL_MATCH_FUZZY || sm == ARMSMATCH_SERIAL_MATCH_CONFUSABLE);
    armsmatch_hits_free(hits);

    /* No usable serial: found by make and model; serial match none, empty keys. */
    armsmatch_options *o = NULL;
    OK(armsmatch_options_new(&o));
    OK(armsmatch_options_set_threshold(o, 0.05f)); /* a description alone is weak */
    q = make_query("UNK");
    set_text(&q.make, &q.make_len, "Colt");
    set_text(&q.model, &q.model_len, "Python");
    OK(armsmatch_index_check(index, &q, o, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 1);
    OK(armsmatch_hit_serial_match(hits, 0, &sm));
    CHECK(sm == ARMSMATCH_SERIAL_MATCH_NONE);
    OK(armsmatch_hit_serial_check_key(hits, 0, &p, &len));
    CHECK(text_is(p, len, ""));
    OK(armsmatch_hit_record_serial(hits, 0, &p, &len));
    CHECK(text_is(p, len, ""));
    armsmatch_hits_free(hits);

    /* Options change the result: serial only, top, a fixed budget. */
    q = make_query("AB123465");
    set_text(&q.make, &q.make_len, "Beretta");
    OK(armsmatch_options_set_threshold(o, 0.4f));
    OK(armsmatch_index_check(index, &q, o, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 0); /* another make: under the threshold */
    armsmatch_hits_free(hits);
    OK(armsmatch_options_set_serial_only(o, true));
    OK(armsmatch_index_check(index, &q, o, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 1);
    OK(armsmatch_hit_make_match(hits, 0, &fm));
    CHECK(fm == ARMSMATCH_FIELD_MATCH_UNKNOWN);
    armsmatch_hits_free(hits);
    OK(armsmatch_options_set_max_edits(o, 0));
    OK(armsmatch_index_check(index, &q, o, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 0);
    armsmatch_hits_free(hits);
    armsmatch_options_free(o);

    /* Errors of a check; the out-pointer stays untouched. */
    armsmatch_hits *sentinel = (armsmatch_hits *)&n;
    hits = sentinel;
    EXPECT(armsmatch_index_check(NULL, &q, NULL, &hits), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_check(index, NULL, NULL, &hits), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_check(index, &q, NULL, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    q = make_query(NULL);
    q.serial_len = 4;
    EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_NULL_ARGUMENT);
    q = make_query("AB\xc0\xafX");
    EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_INVALID_UTF8);
    CHECK_MESSAGE("query.serial is not valid UTF-8 (invalid byte at offset 2)");
    q = make_query("AB123456");
    set_text(&q.calibre, &q.calibre_len, "9mm\xff");
    EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_INVALID_UTF8);
    CHECK_MESSAGE("query.calibre");
    /* A NUL byte in a query field: refused, the field named (not silently dropped). */
    q = make_query(NULL);
    q.serial = "AB12\0" "3456";
    q.serial_len = 9;
    EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("query.serial contains a NUL byte (at offset 4)");
    q = make_query("AB123456");
    q.make = "Glock";
    q.make_len = 6;
    EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("query.make ends in a NUL byte");
    CHECK(hits == sentinel);
    q = make_query("A?*?");
    EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("known characters");
    q = make_query("A?B?C?D?E?F?G?H?I?J?K?L?M?");
    EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
    CHECK_MESSAGE("wildcards");
    /* Huge inputs: a 10 MB serial, a 10 MB make. */
    size_t huge = 10 * 1024 * 1024;
    char *big = malloc(huge);
    CHECK(big != NULL);
    memset(big, '7', huge);
    q = make_query(NULL);
    q.serial = big;
    q.serial_len = huge;
    EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
    CHECK_MESSAGE("serial length in bytes is 10485760, over the limit of 256");
    q = make_query("AB123456");
    q.make = big;
    q.make_len = huge;
    EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
    q = make_query("AB123456");
    q.country = big;
    q.country_len = (size_t)-1;
    EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    {
        /* A length over the field's limit is refused before the text is read. */
        char *two = malloc(2);
        CHECK(two != NULL);
        memcpy(two, "xy", 2);
        q = make_query("AB123456");
        q.model = two;
        q.model_len = (size_t)1 << 20;
        EXPECT(armsmatch_index_check(index, &q, NULL, &hits), ARMSMATCH_STATUS_LIMIT_EXCEEDED);
        free(two);
    }
    free(big);
    CHECK(hits == sentinel);

    /* A Cyrillic marking the register holds spelled by sound (a record added live),
       checked as keyed by shape: found through the check's other spelling. */
    armsmatch_record latin = make_record("RUS-2", "VS 5678");
    set_text(&latin.make, &latin.make_len, "Baikal");
    OK(armsmatch_index_insert(index, &latin));
    q = make_query("BC-5678");
    set_text(&q.make, &q.make_len, "Izhevsk Mechanical Plant");
    OK(armsmatch_index_check(index, &q, NULL, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 1);
    OK(armsmatch_hit_record_id(hits, 0, &p, &len));
    CHECK(text_is(p, len, "RUS-2"));
    bool read_so = false, translit_so = false;
    OK(armsmatch_hit_serial_reading(hits, 0, &read_so));
    OK(armsmatch_hit_serial_transliterated(hits, 0, &translit_so));
    CHECK(read_so && translit_so);
    EXPECT(armsmatch_hit_serial_reading(hits, 1, &read_so), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_hit_serial_reading(hits, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    armsmatch_hits_free(hits);

    armsmatch_index_free(index);
}

static void test_index_changes(void) {
    armsmatch_index *index = small_index();
    size_t n = 0;
    bool has = false;
    armsmatch_index_info info;

    OK(armsmatch_index_len(index, &n));
    CHECK(n == 3);
    EXPECT(armsmatch_index_len(index, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    OK(armsmatch_index_get_info(index, &info));
    CHECK(info.records == 3 && info.base_records == 3 && info.keys >= 2 && info.no_serial == 1);
    CHECK(info.live_added == 0 && info.live_removed == 0 && info.bytes > 0 && info.format_version >= 1);
    EXPECT(armsmatch_index_get_info(NULL, &info), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_get_info(index, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    char buf[64];
    size_t written = 0;
    OK(armsmatch_index_reference_version(index, buf, sizeof buf, &written));
    CHECK(written > 0);
    EXPECT(armsmatch_index_reference_version(NULL, buf, sizeof buf, &written),
           ARMSMATCH_STATUS_NULL_ARGUMENT);

    OK(armsmatch_index_contains(index, LIT("DEU-1"), &has));
    CHECK(has);
    OK(armsmatch_index_contains(index, LIT("XXX"), &has));
    CHECK(!has);
    /* (NULL, 0) is the empty id, which no record can have: refused, as by insert. */
    has = true;
    EXPECT(armsmatch_index_contains(index, NULL, 0, &has), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("armsmatch_index_contains: id is empty");
    CHECK(has); /* untouched on failure */
    EXPECT(armsmatch_index_contains(index, "", 0, &has), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    /* A NUL byte in an id: a length that counts the terminating NUL. */
    EXPECT(armsmatch_index_contains(index, "DEU-1", 6, &has), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("id ends in a NUL byte");
    EXPECT(armsmatch_index_contains(index, NULL, 5, &has), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_contains(index, LIT("DEU-1"), NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_contains(index, LIT("\xff"), &has), ARMSMATCH_STATUS_INVALID_UTF8);

    /* insert, update, remove, compact, with their errors. */
    armsmatch_record r = make_record("NEW-1", "QW-998877");
    set_text(&r.make, &r.make_len, "Walther");
    OK(armsmatch_index_insert(index, &r));
    EXPECT(armsmatch_index_insert(index, &r), ARMSMATCH_STATUS_DUPLICATE_ID);
    CHECK_MESSAGE("NEW-1");
    EXPECT(armsmatch_index_insert(NULL, &r), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_insert(index, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    armsmatch_record bad = make_record("BAD-1", "AB1");
    bad.kind = 99;
    EXPECT(armsmatch_index_insert(index, &bad), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    bad = make_record("BAD-1", "AB1");
    set_text(&bad.make, &bad.make_len, "\x80");
    EXPECT(armsmatch_index_insert(index, &bad), ARMSMATCH_STATUS_INVALID_UTF8);
    OK(armsmatch_index_contains(index, LIT("BAD-1"), &has));
    CHECK(!has);

    armsmatch_hits *hits = NULL;
    armsmatch_query q = make_query("QW998877");
    OK(armsmatch_index_check(index, &q, NULL, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 1);
    armsmatch_hits_free(hits);

    r = make_record("NEW-1", "ZX-111222");
    OK(armsmatch_index_update(index, &r));
    OK(armsmatch_index_check(index, &q, NULL, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 0);
    armsmatch_hits_free(hits);
    r = make_record("NOPE", "AB1");
    EXPECT(armsmatch_index_update(index, &r), ARMSMATCH_STATUS_NOT_FOUND);
    CHECK_MESSAGE("NOPE");
    EXPECT(armsmatch_index_update(NULL, &r), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_update(index, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    r = make_record("", "AB1");
    EXPECT(armsmatch_index_update(index, &r), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("non-empty id");

    OK(armsmatch_index_remove(index, LIT("DEU-1")));
    EXPECT(armsmatch_index_remove(index, LIT("DEU-1")), ARMSMATCH_STATUS_NOT_FOUND);
    EXPECT(armsmatch_index_remove(NULL, LIT("DEU-1")), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_remove(index, NULL, 0), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("armsmatch_index_remove: id is empty");
    EXPECT(armsmatch_index_remove(index, "", 0), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_index_remove(index, "NEW-1\0", 6), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("id ends in a NUL byte");
    EXPECT(armsmatch_index_remove(index, NULL, 5), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_remove(index, LIT("\xed\xa0\x80")), ARMSMATCH_STATUS_INVALID_UTF8);
    OK(armsmatch_index_get_info(index, &info));
    CHECK(info.records == 3 && info.live_added == 1 && info.live_removed == 1);

    OK(armsmatch_index_compact(index));
    OK(armsmatch_index_get_info(index, &info));
    CHECK(info.records == 3 && info.base_records == 3 && info.live_added == 0 && info.live_removed == 0);
    EXPECT(armsmatch_index_compact(NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    q = make_query("ZX111222");
    OK(armsmatch_index_check(index, &q, NULL, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 1);
    armsmatch_hits_free(hits);

    /* Hits outlive the index. */
    OK(armsmatch_index_check(index, &q, NULL, &hits));
    armsmatch_index_free(index);
    const char *p;
    size_t len;
    OK(armsmatch_hit_record_id(hits, 0, &p, &len));
    CHECK(text_is(p, len, "NEW-1"));
    armsmatch_hits_free(hits);
    armsmatch_index_free(NULL);
}

static void test_save_open_corrupt(void) {
    armsmatch_index *index = small_index();
    armsmatch_record r = make_record("LIVE-1", "LV-445566");
    OK(armsmatch_index_insert(index, &r)); /* live changes are saved too */
    const char *path = work_path("saved.armsidx");
    OK(armsmatch_index_save(index, path, strlen(path)));
    EXPECT(armsmatch_index_save(NULL, path, strlen(path)), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_save(index, NULL, 0), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_index_save(index, NULL, 3), ARMSMATCH_STATUS_NULL_ARGUMENT);
    const char *nodir = work_path("no/such/dir/x.armsidx");
    EXPECT(armsmatch_index_save(index, nodir, strlen(nodir)), ARMSMATCH_STATUS_IO);
    CHECK_MESSAGE("no/such/dir");
    armsmatch_index_free(index);

    armsmatch_index *opened = NULL;
    OK(armsmatch_index_open(path, strlen(path), &opened));
    size_t n = 0;
    OK(armsmatch_index_len(opened, &n));
    CHECK(n == 4);
    /* The live change was saved as the file's journal, and is the live layer again. */
    armsmatch_index_info info;
    OK(armsmatch_index_get_info(opened, &info));
    CHECK(info.base_records == 3 && info.live_added == 1 && info.format_version == 4);
    armsmatch_hits *hits = NULL;
    armsmatch_query q = make_query("LV445566");
    OK(armsmatch_index_check(opened, &q, NULL, &hits));
    OK(armsmatch_hits_len(hits, &n));
    CHECK(n == 1);
    armsmatch_hits_free(hits);
    armsmatch_index_free(opened);

    armsmatch_index *untouched = (armsmatch_index *)&n;
    opened = untouched;
    const char *missing = work_path("missing.armsidx");
    EXPECT(armsmatch_index_open(missing, strlen(missing), &opened), ARMSMATCH_STATUS_IO);
    CHECK_MESSAGE("missing.armsidx");
    EXPECT(armsmatch_index_open(NULL, 0, &opened), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("path is empty");
    EXPECT(armsmatch_index_open(NULL, 7, &opened), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_open(path, strlen(path), NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_open(LIT("\xff.armsidx"), &opened), ARMSMATCH_STATUS_INVALID_UTF8);

    size_t len = 0;
    unsigned char *bytes = read_file(path, &len);
    CHECK(len > 64);

    /* Truncated, empty and foreign files are refused. */
    const char *trunc = work_path("truncated.armsidx");
    write_file(trunc, bytes, len / 2);
    EXPECT(armsmatch_index_open(trunc, strlen(trunc), &opened), ARMSMATCH_STATUS_CORRUPT_INDEX);
    CHECK_MESSAGE("truncated.armsidx");
    write_file(trunc, bytes, len - 1);
    EXPECT(armsmatch_index_open(trunc, strlen(trunc), &opened), ARMSMATCH_STATUS_CORRUPT_INDEX);
    write_file(trunc, bytes, 0);
    EXPECT(armsmatch_index_open(trunc, strlen(trunc), &opened), ARMSMATCH_STATUS_CORRUPT_INDEX);
    const char *foreign = "#!/bin/sh\necho this is not an index\n";
    write_file(trunc, foreign, strlen(foreign));
    EXPECT(armsmatch_index_open(trunc, strlen(trunc), &opened), ARMSMATCH_STATUS_CORRUPT_INDEX);
    CHECK_MESSAGE("truncated.armsidx");

    /* A flipped byte in the data is refused. */
    const char *flipped = work_path("flipped.armsidx");
    bytes[len / 2] ^= 0x20;
    write_file(flipped, bytes, len);
    EXPECT(armsmatch_index_open(flipped, strlen(flipped), &opened), ARMSMATCH_STATUS_CORRUPT_INDEX);
    CHECK_MESSAGE("checksum");
    bytes[len / 2] ^= 0x20;
    CHECK(opened == untouched);

    /* Sweeps: a flipped bit at every byte of the first and last KiB (header, section
     * table, tail) and at ~300 positions between, and truncation at the same lengths:
     * every one is refused with CORRUPT_INDEX (every byte of the format is checksummed
     * or checked to be zero, and the length must be exact). */
    size_t step = len / 300 + 1, refused = 0, tried = 0;
    for (size_t pass = 0; pass < 2; pass++) {
        for (size_t at = 0; at < len; at += (at < 1024 || at + 1024 >= len) ? 1 : step) {
            armsmatch_index *ix = NULL;
            if (pass == 0) {
                bytes[at] ^= 0x01;
            }
            armsmatch_status st = armsmatch_index_from_bytes(bytes, pass == 0 ? len : at, &ix);
            if (pass == 0) {
                bytes[at] ^= 0x01;
            }
            tried++;
            if (st == ARMSMATCH_STATUS_CORRUPT_INDEX) {
                refused++;
            } else {
                fprintf(stderr, "%s at byte %zu of %zu: %s\n", pass == 0 ? "flip" : "cut", at, len,
                        status_name(st));
                if (st == ARMSMATCH_STATUS_OK) {
                    armsmatch_index_free(ix);
                }
            }
        }
    }
    printf("corruption sweep: %zu damaged copies, %zu refused\n", tried, refused);
    CHECK(refused == tried);

    /* From bytes: the whole file works, the buffer can go right after. */
    unsigned char *copy = malloc(len);
    CHECK(copy != NULL);
    memcpy(copy, bytes, len);
    armsmatch_index *from_bytes = NULL;
    OK(armsmatch_index_from_bytes(copy, len, &from_bytes));
    free(copy);
    OK(armsmatch_index_len(from_bytes, &n));
    CHECK(n == 4);
    armsmatch_index_free(from_bytes);
    EXPECT(armsmatch_index_from_bytes(NULL, 10, &opened), ARMSMATCH_STATUS_NULL_ARGUMENT);
    /* (NULL, 0) is the empty buffer: not an index, like any other empty buffer. */
    EXPECT(armsmatch_index_from_bytes(NULL, 0, &opened), ARMSMATCH_STATUS_CORRUPT_INDEX);
    EXPECT(armsmatch_index_from_bytes(bytes, 0, &opened), ARMSMATCH_STATUS_CORRUPT_INDEX);
    EXPECT(armsmatch_index_from_bytes(bytes, len, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_from_bytes(bytes, (size_t)-1, &opened), ARMSMATCH_STATUS_INVALID_ARGUMENT);

    /* To bytes: the bytes of the file (nothing changed since), read back whole; a
     * change shows in the next bytes. */
    OK(armsmatch_index_from_bytes(bytes, len, &from_bytes));
    uint8_t *out = NULL;
    size_t out_len = 0;
    OK(armsmatch_index_to_bytes(from_bytes, &out, &out_len));
    CHECK(out != NULL && out_len == len && memcmp(out, bytes, len) == 0);
    armsmatch_bytes_free(out, out_len);
    armsmatch_record added = make_record("TB-1", "TB445566");
    OK(armsmatch_index_insert(from_bytes, &added));
    OK(armsmatch_index_to_bytes(from_bytes, &out, &out_len));
    armsmatch_index *again = NULL;
    OK(armsmatch_index_from_bytes(out, out_len, &again));
    armsmatch_bytes_free(out, out_len);
    bool present = false;
    OK(armsmatch_index_contains(again, "TB-1", 4, &present));
    CHECK(present);
    /* The record as JSON; absent, blank and NULL arguments. */
    char json[512];
    size_t json_len = 0;
    OK(armsmatch_index_record_json(again, " TB-1 ", 6, json, sizeof json, &json_len));
    CHECK(json_len == strlen(json));
    CHECK(strstr(json, "\"id\":\"TB-1\"") != NULL && strstr(json, "\"serial\":\"TB445566\"") != NULL);
    EXPECT(armsmatch_index_record_json(again, "NOPE", 4, json, sizeof json, NULL), ARMSMATCH_STATUS_NOT_FOUND);
    CHECK_MESSAGE("NOPE");
    EXPECT(armsmatch_index_record_json(again, "  ", 2, json, sizeof json, NULL), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    EXPECT(armsmatch_index_to_bytes(again, NULL, &out_len), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_to_bytes(NULL, &out, &out_len), ARMSMATCH_STATUS_NULL_ARGUMENT);
    armsmatch_bytes_free(NULL, 0);
    armsmatch_index_free(again);
    armsmatch_index_free(from_bytes);
    free(bytes);
}

/* ---- batch --------------------------------------------------------------------------- */

static void test_batch(void) {
    armsmatch_builder *b = NULL;
    armsmatch_index *index = NULL;
    OK(armsmatch_builder_new(&b));
    char ids[300][16], serials[300][16];
    for (int i = 0; i < 300; i++) {
        snprintf(ids[i], sizeof ids[i], "B-%03d", i);
        snprintf(serials[i], sizeof serials[i], "KX%06d", i * 7919 % 1000000);
        armsmatch_record r = make_record(ids[i], serials[i]);
        OK(armsmatch_builder_add(b, &r));
    }
    OK(armsmatch_builder_build(b, &index));
    armsmatch_builder_free(b);

    armsmatch_query queries[302];
    for (int i = 0; i < 300; i++) {
        queries[i] = make_query(serials[i]);
    }
    queries[300] = make_query("K\xffX");
    queries[301] = make_query("*1*");

    armsmatch_options *o = NULL;
    OK(armsmatch_options_new(&o));
    OK(armsmatch_options_set_threads(o, 2));
    OK(armsmatch_options_set_top(o, 3));
    armsmatch_batch *batch = NULL;
    OK(armsmatch_index_check_batch(index, queries, 302, o, &batch));
    size_t n = 0;
    OK(armsmatch_batch_len(batch, &n));
    CHECK(n == 302);
    int same = 1;
    for (size_t i = 0; i < 300; i++) {
        armsmatch_status st;
        const armsmatch_hits *borrowed = NULL;
        armsmatch_hits *single = NULL;
        OK(armsmatch_batch_status(batch, i, &st));
        OK(armsmatch_batch_hits(batch, i, &borrowed));
        OK(armsmatch_index_check(index, &queries[i], o, &single));
        size_t a = 0, c = 0;
        OK(armsmatch_hits_len(borrowed, &a));
        OK(armsmatch_hits_len(single, &c));
        same = same && st == ARMSMATCH_STATUS_OK && a == c && a >= 1;
        for (size_t h = 0; h < a && h < c; h++) {
            const char *p1, *p2;
            size_t l1, l2;
            float s1, s2;
            OK(armsmatch_hit_record_id(borrowed, h, &p1, &l1));
            OK(armsmatch_hit_record_id(single, h, &p2, &l2));
            OK(armsmatch_hit_score(borrowed, h, &s1));
            OK(armsmatch_hit_score(single, h, &s2));
            same = same && l1 == l2 && memcmp(p1, p2, l1) == 0 && s1 == s2;
        }
        const char *first;
        size_t flen;
        OK(armsmatch_hit_record_id(borrowed, 0, &first, &flen));
        same = same && text_is(first, flen, ids[i]);
        armsmatch_hits_free(single);
    }
    CHECK(same);
    armsmatch_status st = ARMSMATCH_STATUS_OK;
    OK(armsmatch_batch_status(batch, 300, &st));
    CHECK(st == ARMSMATCH_STATUS_INVALID_UTF8);
    OK(armsmatch_batch_status(batch, 301, &st));
    CHECK(st == ARMSMATCH_STATUS_INVALID_ARGUMENT);
    const armsmatch_hits *borrowed = NULL;
    EXPECT(armsmatch_batch_hits(batch, 300, &borrowed), ARMSMATCH_STATUS_INVALID_UTF8);
    CHECK_MESSAGE("query 300: query.serial is not valid UTF-8");
    CHECK(borrowed == NULL);
    EXPECT(armsmatch_batch_hits(batch, 302, &borrowed), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_batch_status(batch, 302, &st), ARMSMATCH_STATUS_OUT_OF_RANGE);
    EXPECT(armsmatch_batch_hits(NULL, 0, &borrowed), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_batch_hits(batch, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_batch_status(NULL, 0, &st), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_batch_status(batch, 0, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_batch_len(NULL, &n), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_batch_len(batch, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    armsmatch_batch_free(batch);

    /* All cores (default options), an empty batch, and call errors. */
    batch = NULL;
    OK(armsmatch_index_check_batch(index, queries, 10, NULL, &batch));
    OK(armsmatch_batch_len(batch, &n));
    CHECK(n == 10);
    armsmatch_batch_free(batch);
    OK(armsmatch_index_check_batch(index, NULL, 0, o, &batch));
    OK(armsmatch_batch_len(batch, &n));
    CHECK(n == 0);
    armsmatch_batch_free(batch);
    EXPECT(armsmatch_index_check_batch(index, NULL, 3, o, &batch), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_check_batch(NULL, queries, 3, o, &batch), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_check_batch(index, queries, 3, o, NULL), ARMSMATCH_STATUS_NULL_ARGUMENT);
    EXPECT(armsmatch_index_check_batch(index, queries, (size_t)-1, o, &batch),
           ARMSMATCH_STATUS_INVALID_ARGUMENT);
    armsmatch_batch_free(NULL);
    armsmatch_options_free(o);
    armsmatch_index_free(index);
}

/* ---- trace requests: the query that produced the hits ------------------------------- */

/* The trace request of a hit carries the identification of the check that produced the
 * hits: the handle keeps its own copy of the query, so the caller's strings may change
 * or go right after the check, and another query cannot be attached to the hit. */
static void test_trace_request_uses_own_query(void) {
    armsmatch_index *index = small_index();
    char json[16384];
    size_t len = 0;

    /* The check's strings live in a buffer that is overwritten and freed before the
     * trace request is made (ASan and valgrind see any read of it). */
    char *serial = malloc(16), *make = malloc(16), *country = malloc(16);
    CHECK(serial != NULL && make != NULL && country != NULL);
    strcpy(serial, "AB123465");
    strcpy(make, "GLOCK GmbH");
    strcpy(country, "NLD");
    armsmatch_query q = make_query(serial);
    set_text(&q.make, &q.make_len, make);
    set_text(&q.country, &q.country_len, country);
    armsmatch_hits *hits = NULL;
    OK(armsmatch_index_check(index, &q, NULL, &hits));
    memset(serial, 'Z', 8);
    memset(make, 'Z', 10);
    free(serial);
    free(make);
    free(country);
    OK(armsmatch_hit_trace_request_json(hits, 0, LIT("BEL"), LIT("Federal Police"), LIT("C-1"),
                                        json, sizeof json, &len));
    CHECK(len < sizeof json);
    CHECK(strstr(json, "\"serial\":\"AB123465\"") != NULL); /* the check's serial */
    CHECK(strstr(json, "\"recovery\":{\"country\":\"NLD\"") != NULL); /* the check's country */
    CHECK(strstr(json, "ZZZZ") == NULL);
    armsmatch_hits_free(hits);

    /* A batch: the hits of each query carry that query. */
    armsmatch_query qs[3];
    qs[0] = make_query("AB123465");
    qs[1] = make_query("K\xffX"); /* fails on its own: no hits handle */
    qs[2] = make_query("AB12345O");
    armsmatch_batch *batch = NULL;
    OK(armsmatch_index_check_batch(index, qs, 3, NULL, &batch));
    const armsmatch_hits *borrowed = NULL;
    OK(armsmatch_batch_hits(batch, 0, &borrowed));
    OK(armsmatch_hit_trace_request_json(borrowed, 0, LIT("BEL"), LIT("FP"), LIT("C-2"), json,
                                        sizeof json, &len));
    CHECK(strstr(json, "\"serial\":\"AB123465\"") != NULL);
    OK(armsmatch_batch_hits(batch, 2, &borrowed));
    OK(armsmatch_hit_trace_request_json(borrowed, 0, LIT("BEL"), LIT("FP"), LIT("C-3"), json,
                                        sizeof json, &len));
    CHECK(strstr(json, "\"serial\":\"AB12345O\"") != NULL);
    CHECK(strstr(json, "AB123465") == NULL);
    armsmatch_batch_free(batch);
    armsmatch_index_free(index);
}

/* ---- paths: NUL bytes, directories; NUL bytes in messages --------------------------- */

static void test_paths(void) {
    armsmatch_index *index = small_index();
    armsmatch_index *opened = NULL;
    armsmatch_reference *ref = NULL, *loaded = NULL;
    armsmatch_builder *b = NULL;
    OK(armsmatch_reference_embedded(&ref));
    OK(armsmatch_builder_new(&b));

    /* A NUL byte inside a path: refused by every function taking one (the operating
     * system would cut the name there), and the message holds no raw NUL. */
    const char *saved = work_path("paths.armsidx");
    OK(armsmatch_index_save(index, saved, strlen(saved)));
    char with_nul[1100];
    size_t n = strlen(saved);
    memcpy(with_nul, saved, n);
    memcpy(with_nul + n, "\0junk", 5);
    size_t with_nul_len = n + 5;
    EXPECT(armsmatch_index_open(with_nul, with_nul_len, &opened), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("path contains a NUL byte");
    CHECK(message_is_one_c_string());
    CHECK(opened == NULL);
    EXPECT(armsmatch_index_save(index, with_nul, with_nul_len), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK(message_is_one_c_string());
    EXPECT(armsmatch_reference_load(with_nul, with_nul_len, &loaded),
           ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK(message_is_one_c_string());
    EXPECT(armsmatch_reference_extend_from_file(ref, with_nul, with_nul_len),
           ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK(message_is_one_c_string());
    EXPECT(armsmatch_builder_add_file(b, with_nul, with_nul_len, false, NULL),
           ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK(message_is_one_c_string());
    /* The usual slip: a length that counts the terminating NUL. */
    EXPECT(armsmatch_index_open(saved, n + 1, &opened), ARMSMATCH_STATUS_INVALID_ARGUMENT);
    CHECK_MESSAGE("must not count the terminating NUL");
    OK(armsmatch_index_open(saved, n, &opened));
    armsmatch_index_free(opened);
    opened = NULL;

    /* A directory is an I/O error that says so, whatever the function. */
    size_t dl = strlen(work_dir);
    EXPECT(armsmatch_index_open(work_dir, dl, &opened), ARMSMATCH_STATUS_IO);
    CHECK_MESSAGE("is a directory");
    EXPECT(armsmatch_builder_add_file(b, work_dir, dl, false, NULL), ARMSMATCH_STATUS_IO);
    CHECK_MESSAGE("is a directory");
    EXPECT(armsmatch_reference_load(work_dir, dl, &loaded), ARMSMATCH_STATUS_IO);
    CHECK_MESSAGE("is a directory");
    EXPECT(armsmatch_reference_extend_from_file(ref, work_dir, dl), ARMSMATCH_STATUS_IO);
    CHECK_MESSAGE("is a directory");
    EXPECT(armsmatch_index_save(index, work_dir, dl), ARMSMATCH_STATUS_IO);
    CHECK_MESSAGE("is a directory");
    CHECK(opened == NULL && loaded == NULL);

    armsmatch_builder_free(b);
    armsmatch_reference_free(ref);
    armsmatch_index_free(index);
}

/* ---- shared test vectors ------------------------------------------------------------- */

#define MAX_FIELDS 10
#define MAX_STRINGS 4096

static char *owned[MAX_STRINGS];
static int owned_len;

/* Decodes a field: hex UTF-8, "=" empty, "-" absent (NULL). Numbers stay as text. */
static char *field(const char *tok, int hex) {
    if (strcmp(tok, "-") == 0) {
        return NULL;
    }
    size_t n = strlen(tok);
    char *s = malloc(n + 1);
    if (s == NULL || owned_len == MAX_STRINGS) {
        exit(2);
    }
    owned[owned_len++] = s;
    if (!hex) {
        memcpy(s, tok, n + 1);
    } else if (strcmp(tok, "=") == 0) {
        s[0] = '\0';
    } else {
        for (size_t i = 0; i + 1 < n; i += 2) {
            unsigned v;
            sscanf(tok + i, "%2x", &v);
            s[i / 2] = (char)v;
        }
        s[n / 2] = '\0';
    }
    return s;
}

static int split(char *line, char **tok) {
    int n = 0;
    for (char *t = strtok(line, " \n"); t != NULL && n < MAX_FIELDS; t = strtok(NULL, " \n")) {
        tok[n++] = t;
    }
    return n;
}

static uint32_t code_of(armsmatch_status (*name_fn)(uint32_t, const char **), const char *name) {
    if (name == NULL) {
        return 0;
    }
    for (uint32_t c = 0; c < 32; c++) {
        const char *n = NULL;
        if (name_fn(c, &n) == ARMSMATCH_STATUS_OK && strcmp(n, name) == 0) {
            return c;
        }
    }
    fprintf(stderr, "unknown name %s\n", name);
    tests_failed++;
    return 0;
}

static const char *name_of(armsmatch_status (*name_fn)(uint32_t, const char **), uint32_t code) {
    const char *n = "?";
    name_fn(code, &n);
    return n;
}

typedef struct {
    char *record_id, *serial_match, *distance, *make, *model, *calibre, *shape;
} expected_hit;

static void run_case(const armsmatch_index *index, const char *name, char **q, char **o,
                     expected_hit *expect, int n_expect, const char *expect_error, FILE *dump) {
    armsmatch_query query;
    memset(&query, 0, sizeof query);
    set_text(&query.serial, &query.serial_len, q[0]);
    set_text(&query.make, &query.make_len, q[1]);
    set_text(&query.model, &query.model_len, q[2]);
    set_text(&query.calibre, &query.calibre_len, q[3]);
    set_text(&query.country, &query.country_len, q[4]);
    armsmatch_options *opts = NULL;
    OK(armsmatch_options_new(&opts));
    armsmatch_status st = ARMSMATCH_STATUS_OK;
    if (o[0] != NULL) {
        st = armsmatch_options_set_max_edits(opts, atoi(o[0]));
    }
    if (st == ARMSMATCH_STATUS_OK && o[1] != NULL) {
        st = armsmatch_options_set_top(opts, (size_t)strtoul(o[1], NULL, 10));
    }
    if (st == ARMSMATCH_STATUS_OK && o[2] != NULL) {
        st = armsmatch_options_set_threshold(opts, strtof(o[2], NULL));
    }
    armsmatch_hits *hits = NULL;
    if (st == ARMSMATCH_STATUS_OK) {
        st = armsmatch_index_check(index, &query, opts, &hits);
    }
    armsmatch_options_free(opts);
    fprintf(dump, "case %s\n", name);
    if (st != ARMSMATCH_STATUS_OK) {
        fprintf(dump, "error %s\n", status_name(st));
        if (expect_error == NULL || strcmp(expect_error, status_name(st)) != 0) {
            tests_failed++;
            fprintf(stderr, "vector \"%s\": %s (%s), expected %s\n", name, status_name(st),
                    last_error(), expect_error ? expect_error : "hits");
        } else {
            tests_passed++;
        }
        return;
    }
    if (expect_error != NULL) {
        tests_failed++;
        fprintf(stderr, "vector \"%s\": OK, expected %s\n", name, expect_error);
    }
    size_t n = 0;
    OK(armsmatch_hits_len(hits, &n));
    int ok = n == (size_t)n_expect;
    for (size_t i = 0; i < n; i++) {
        const char *id;
        size_t id_len;
        float score;
        armsmatch_serial_match sm;
        uint32_t dist;
        armsmatch_field_match mk, md, cl;
        armsmatch_edit_shape shape;
        OK(armsmatch_hit_record_id(hits, i, &id, &id_len));
        OK(armsmatch_hit_score(hits, i, &score));
        OK(armsmatch_hit_serial_match(hits, i, &sm));
        OK(armsmatch_hit_serial_distance(hits, i, &dist));
        OK(armsmatch_hit_make_match(hits, i, &mk));
        OK(armsmatch_hit_model_match(hits, i, &md));
        OK(armsmatch_hit_calibre_match(hits, i, &cl));
        OK(armsmatch_hit_serial_shape(hits, i, &shape));
        uint32_t bits;
        memcpy(&bits, &score, sizeof bits);
        const char *sm_name = name_of(armsmatch_serial_match_name, sm);
        const char *mk_name = name_of(armsmatch_field_match_name, mk);
        const char *md_name = name_of(armsmatch_field_match_name, md);
        const char *cl_name = name_of(armsmatch_field_match_name, cl);
        const char *shape_name = name_of(armsmatch_edit_shape_name, shape);
        fprintf(dump, "%zu %.*s %08x %s %u %s %s %s %s\n", i + 1, (int)id_len, id,
                (unsigned)bits, sm_name, (unsigned)dist, mk_name, md_name, cl_name, shape_name);
        if (i < (size_t)n_expect) {
            expected_hit *x = &expect[i];
            ok = ok && strlen(x->record_id) == id_len && memcmp(x->record_id, id, id_len) == 0 &&
                 strcmp(x->serial_match, sm_name) == 0 &&
                 (unsigned)strtoul(x->distance, NULL, 10) == dist &&
                 strcmp(x->make, mk_name) == 0 && strcmp(x->model, md_name) == 0 &&
                 strcmp(x->calibre, cl_name) == 0 && strcmp(x->shape, shape_name) == 0;
        }
    }
    if (ok) {
        tests_passed++;
    } else {
        tests_failed++;
        fprintf(stderr, "vector \"%s\": hits differ from the expectation (see the dump)\n", name);
    }
    armsmatch_hits_free(hits);
}

static void test_vectors(const char *lines_path, const char *dump_path) {
    FILE *in = fopen(lines_path, "r");
    FILE *dump = fopen(dump_path, "w");
    if (in == NULL || dump == NULL) {
        fprintf(stderr, "cannot open %s or %s\n", lines_path, dump_path);
        exit(2);
    }
    armsmatch_builder *b = NULL;
    armsmatch_index *index = NULL;
    OK(armsmatch_builder_new(&b));
    static char line[65536];
    char *tok[MAX_FIELDS];
    char *name = NULL, *q[5] = {0}, *o[3] = {0}, *expect_error = NULL;
    expected_hit expect[64];
    int n_expect = 0, cases = 0;
    while (fgets(line, sizeof line, in) != NULL) {
        int n = split(line, tok);
        if (n == 0) {
            continue;
        }
        switch (tok[0][0]) {
        case 'R': {
            if (n != 10) {
                exit(2);
            }
            armsmatch_record r;
            memset(&r, 0, sizeof r);
            set_text(&r.id, &r.id_len, field(tok[1], 1));
            set_text(&r.serial, &r.serial_len, field(tok[2], 1));
            set_text(&r.make, &r.make_len, field(tok[3], 1));
            set_text(&r.model, &r.model_len, field(tok[4], 1));
            set_text(&r.calibre, &r.calibre_len, field(tok[5], 1));
            set_text(&r.country, &r.country_len, field(tok[6], 1));
            r.kind = code_of(armsmatch_kind_name, field(tok[7], 1));
            r.status = code_of(armsmatch_record_status_name, field(tok[8], 1));
            const char *date = field(tok[9], 1);
            if (date != NULL) {
                unsigned y = 0, m = 0, d = 0;
                sscanf(date, "%u-%u-%u", &y, &m, &d);
                r.reported_on.year = (uint16_t)y;
                r.reported_on.month = (uint8_t)m;
                r.reported_on.day = (uint8_t)d;
            }
            OK(armsmatch_builder_add(b, &r));
            break;
        }
        case 'C':
            if (index == NULL) {
                OK(armsmatch_builder_build(b, &index));
                armsmatch_builder_free(b);
                b = NULL;
                /* Saved for the example program run by run.sh. */
                const char *saved = work_path("vectors.armsidx");
                OK(armsmatch_index_save(index, saved, strlen(saved)));
            }
            name = field(tok[1], 1);
            n_expect = 0;
            expect_error = NULL;
            break;
        case 'Q':
            for (int i = 0; i < 5; i++) {
                q[i] = field(tok[1 + i], 1);
            }
            break;
        case 'O':
            for (int i = 0; i < 3; i++) {
                o[i] = field(tok[1 + i], 0);
            }
            break;
        case 'X':
            if (n_expect < 64) {
                expected_hit *x = &expect[n_expect++];
                x->record_id = field(tok[1], 1);
                x->serial_match = field(tok[2], 1);
                x->distance = field(tok[3], 0);
                x->make = field(tok[4], 1);
                x->model = field(tok[5], 1);
                x->calibre = field(tok[6], 1);
                x->shape = field(tok[7], 1);
            }
            break;
        case 'E':
            expect_error = field(tok[1], 1);
            break;
        case 'Z':
            run_case(index, name, q, o, expect, n_expect, expect_error, dump);
            cases++;
            break;
        default:
            fprintf(stderr, "bad line in %s\n", lines_path);
            exit(2);
        }
    }
    CHECK(cases > 0);
    printf("vectors: %d cases\n", cases);
    armsmatch_builder_free(b);
    armsmatch_index_free(index);
    fclose(in);
    fclose(dump);
    for (int i = 0; i < owned_len; i++) {
        free(owned[i]);
    }
    owned_len = 0;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s WORK_DIR VECTORS.lines DUMP_OUT\n", argv[0]);
        return 2;
    }
    work_dir = argv[1];
    test_version_limits_names();
    test_last_error_message();
    test_options();
    test_reference();
    test_builder_errors();
    test_builder_files();
    test_check_and_hits();
    test_index_changes();
    test_save_open_corrupt();
    test_batch();
    test_trace_request_uses_own_query();
    test_paths();
    test_vectors(argv[2], argv[3]);
    return test_summary();
}
