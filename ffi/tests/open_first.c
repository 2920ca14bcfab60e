/*
 * open_first: a program whose first armsmatch call is armsmatch_index_open.
 *
 *   usage: open_first INDEX_FILE
 *
 * The embedded reference (a process-wide static, "possibly lost" to valgrind) is then
 * first made while reading the index file, on a call stack where core's
 * `Reference::embedded_shared` is inlined, which valgrind names differently from the
 * stack test_api first makes it on. tests/run.sh runs this under valgrind with
 * tests/valgrind.supp, so the suppression for that stack is tested.
 */
#include "test_util.h"

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s INDEX_FILE\n", argv[0]);
        return 2;
    }
    armsmatch_index *index = NULL;
    OK(armsmatch_index_open(argv[1], strlen(argv[1]), &index));
    if (index == NULL) {
        return 1;
    }
    size_t n = 0;
    OK(armsmatch_index_len(index, &n));
    CHECK(n > 0);

    armsmatch_query query;
    memset(&query, 0, sizeof query);
    query.serial = "AB123465";
    query.serial_len = strlen(query.serial);
    armsmatch_hits *hits = NULL;
    OK(armsmatch_index_check(index, &query, NULL, &hits));
    armsmatch_hits_free(hits);
    armsmatch_index_free(index);
    return test_summary();
}
