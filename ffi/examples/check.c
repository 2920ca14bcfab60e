/*
 * check: open an armsmatch index and check one seized firearm against it.
 *
 *   usage: check INDEX_FILE SERIAL [MAKE [MODEL [CALIBRE]]]
 *
 * Prints each hit, best first, with the registered record and why it matched.
 */
#include <stdio.h>
#include <string.h>

#include "armsmatch.h"

/* Prints the message of the last failed call and returns 1. */
static int fail(const char *what, armsmatch_status status) {
    char message[1024];
    size_t written = 0;
    const char *name = "?";
    armsmatch_status_name(status, &name);
    armsmatch_last_error_message(message, sizeof message, &written);
    fprintf(stderr, "%s failed (%s): %s\n", what, name, message);
    return 1;
}

/* A borrowed string of a hit, or "-" when unknown. */
static void print_field(const char *label, const char *ptr, size_t len) {
    printf("    %-8s %.*s\n", label, ptr != NULL ? (int)len : 1, ptr != NULL ? ptr : "-");
}

int main(int argc, char **argv) {
    if (argc < 3 || argc > 6) {
        fprintf(stderr, "usage: %s INDEX_FILE SERIAL [MAKE [MODEL [CALIBRE]]]\n", argv[0]);
        return 2;
    }

    armsmatch_index *index = NULL;
    armsmatch_status st = armsmatch_index_open(argv[1], strlen(argv[1]), &index);
    if (st != ARMSMATCH_STATUS_OK) {
        return fail("opening the index", st);
    }

    /* NULL (length 0) means unknown. (memset rather than `= {0}`, which g++ -Wextra
     * flags: this file also compiles as C++.) */
    armsmatch_query query;
    memset(&query, 0, sizeof query);
    query.serial = argv[2];
    query.serial_len = strlen(argv[2]);
    if (argc > 3) {
        query.make = argv[3];
        query.make_len = strlen(argv[3]);
    }
    if (argc > 4) {
        query.model = argv[4];
        query.model_len = strlen(argv[4]);
    }
    if (argc > 5) {
        query.calibre = argv[5];
        query.calibre_len = strlen(argv[5]);
    }

    armsmatch_hits *hits = NULL;
    st = armsmatch_index_check(index, &query, NULL /* default options */, &hits);
    if (st != ARMSMATCH_STATUS_OK) {
        armsmatch_index_free(index);
        return fail("the check", st);
    }

    size_t n = 0;
    armsmatch_hits_len(hits, &n);
    printf("%zu hit%s for serial %s\n", n, n == 1 ? "" : "s", argv[2]);
    for (size_t i = 0; i < n; i++) {
        const char *ptr;
        size_t len;
        float score = 0;
        armsmatch_serial_match how = ARMSMATCH_SERIAL_MATCH_NONE;
        const char *how_name = "?";
        char why[512];
        size_t why_len = 0;

        armsmatch_hit_score(hits, i, &score);
        armsmatch_hit_serial_match(hits, i, &how);
        armsmatch_serial_match_name(how, &how_name);
        armsmatch_hit_record_id(hits, i, &ptr, &len);
        printf("%zu. %.*s  score %.2f  serial %s\n", i + 1, (int)len, ptr, score, how_name);

        armsmatch_hit_record_serial(hits, i, &ptr, &len);
        print_field("serial", ptr, len);
        armsmatch_hit_record_make(hits, i, &ptr, &len);
        print_field("make", ptr, len);
        armsmatch_hit_record_model(hits, i, &ptr, &len);
        print_field("model", ptr, len);
        armsmatch_hit_record_calibre(hits, i, &ptr, &len);
        print_field("calibre", ptr, len);
        armsmatch_hit_record_country(hits, i, &ptr, &len);
        print_field("country", ptr, len);

        /* The explanation: a buffer copy, cut (and flagged) if longer than the buffer. */
        armsmatch_hit_explanation_text(hits, i, why, sizeof why, &why_len);
        printf("    why      %s%s\n", why, why_len >= sizeof why ? "…" : "");
    }

    armsmatch_hits_free(hits);
    armsmatch_index_free(index);
    return 0;
}
