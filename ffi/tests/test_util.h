/* Small test helpers shared by the C tests: counters, status checks, string helpers. */
#ifndef ARMSMATCH_TEST_UTIL_H
#define ARMSMATCH_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "armsmatch.h"

static int tests_passed;
static int tests_failed;

/* A string literal as (pointer, length). */
#define LIT(s) (s), (sizeof(s) - 1)

static inline const char *last_error(void) {
    static char buf[2048];
    size_t written = 0;
    if (armsmatch_last_error_message(buf, sizeof buf, &written) != ARMSMATCH_STATUS_OK) {
        return "(armsmatch_last_error_message failed)";
    }
    return buf;
}

static inline const char *status_name(armsmatch_status status) {
    const char *name = NULL;
    if (armsmatch_status_name(status, &name) != ARMSMATCH_STATUS_OK) {
        return "(not a status)";
    }
    return name;
}

static inline void check_at(int ok, const char *what, const char *file, int line) {
    if (ok) {
        tests_passed++;
    } else {
        tests_failed++;
        fprintf(stderr, "%s:%d: FAILED: %s (last error: %s)\n", file, line, what, last_error());
    }
}

static inline void expect_at(armsmatch_status got, armsmatch_status want, const char *call,
                      const char *file, int line) {
    if (got == want) {
        tests_passed++;
    } else {
        tests_failed++;
        fprintf(stderr, "%s:%d: FAILED: %s returned %s, expected %s (last error: %s)\n", file,
                line, call, status_name(got), status_name(want), last_error());
    }
}

#define CHECK(cond) check_at((cond) ? 1 : 0, #cond, __FILE__, __LINE__)
#define EXPECT(call, status) expect_at((call), (status), #call, __FILE__, __LINE__)
#define OK(call) EXPECT(call, ARMSMATCH_STATUS_OK)
/* The last error message contains `needle`. */
#define CHECK_MESSAGE(needle) check_at(strstr(last_error(), (needle)) != NULL, \
                                       "last error contains \"" needle "\"", __FILE__, __LINE__)

/* Prints the closing line and returns the exit code. */
static inline int test_summary(void) {
    printf("%d passed, %d failed\n", tests_passed, tests_failed);
    return tests_failed == 0 ? 0 : 1;
}

static inline void set_text(const char **ptr, size_t *len, const char *s) {
    *ptr = s;
    *len = s != NULL ? strlen(s) : 0;
}

static inline armsmatch_record make_record(const char *id, const char *serial) {
    armsmatch_record r;
    memset(&r, 0, sizeof r);
    set_text(&r.id, &r.id_len, id);
    set_text(&r.serial, &r.serial_len, serial);
    return r;
}

static inline armsmatch_query make_query(const char *serial) {
    armsmatch_query q;
    memset(&q, 0, sizeof q);
    set_text(&q.serial, &q.serial_len, serial);
    return q;
}

/* True if the borrowed string (ptr, len) equals the NUL-terminated `want`. */
static inline int text_is(const char *ptr, size_t len, const char *want) {
    if (want == NULL) {
        return ptr == NULL && len == 0;
    }
    return ptr != NULL && len == strlen(want) && memcmp(ptr, want, len) == 0 && ptr[len] == '\0';
}

#endif /* ARMSMATCH_TEST_UTIL_H */
