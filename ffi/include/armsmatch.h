/*
 * armsmatch: check seized or found firearms against a register of firearms reported
 * lost, stolen, trafficked or smuggled.
 *
 * Conventions of this API
 *
 * - Every function except the `_free` functions returns an `armsmatch_status`;
 *   ARMSMATCH_STATUS_OK is 0. Outputs go through out-pointers, written only on success.
 *   After a failure, armsmatch_last_error_message() gives a readable message
 *   (thread-local; kept until another call on the same thread fails).
 * - Handles are opaque: armsmatch_index, armsmatch_builder, armsmatch_hits,
 *   armsmatch_batch, armsmatch_reference, armsmatch_options. Each is freed by its
 *   `_free` function, which accepts NULL.
 * - Strings in are a pointer and a length in bytes (no NUL needed), valid UTF-8
 *   (else ARMSMATCH_STATUS_INVALID_UTF8) holding no NUL byte (else
 *   ARMSMATCH_STATUS_INVALID_ARGUMENT naming the argument or field: don't count the
 *   terminating NUL in a length). An optional string is NULL (with length 0) or empty
 *   when unknown.
 * - (NULL, 0) is empty everywhere: a pointer with length 0 is never read, so NULL with
 *   length 0 is the same as an empty string, byte buffer or array (as a C++ empty
 *   std::string_view or std::vector gives). Whether empty is accepted is up to the
 *   function: an empty record id (to add, look up, change or remove), path or agency
 *   is ARMSMATCH_STATUS_INVALID_ARGUMENT, empty bytes are not an index (CORRUPT_INDEX),
 *   empty TOML is an empty reference. A NULL pointer with a nonzero length is
 *   ARMSMATCH_STATUS_NULL_ARGUMENT.
 * - A file path that is a directory is ARMSMATCH_STATUS_IO.
 * - Strings out are either borrowed from a handle (valid until it is freed, also
 *   NUL-terminated), static, or copied into a caller buffer snprintf-style
 *   (buf, buf_len, &written: `*written` is the full length; `*written >= buf_len` means
 *   the copy was cut; `buf` may be NULL with `buf_len` 0 to ask for the length; `written`
 *   may be NULL, the copy is still made). A copy is one C string: a NUL byte inside the
 *   text is written as the two characters `\0`. The caller never frees a string.
 * - ARMSMATCH_VERSION_MAJOR/_MINOR/_PATCH give the version of this header;
 *   armsmatch_version() that of the library loaded at run time.
 * - Thread safety is stated on each handle and function. An index is shared: checks run
 *   on any number of threads while other threads insert, update, remove or compact.
 * - No Rust panic crosses this boundary: it becomes ARMSMATCH_STATUS_PANIC.
 */


#ifndef ARMSMATCH_H
#define ARMSMATCH_H

/* Generated with cbindgen:0.29.4 */

/* Generated from ffi/src by ffi/src/bin/gen-header.rs (cbindgen). Do not edit by hand. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * Most threads `armsmatch_options_set_threads` accepts.
 */
#define ARMSMATCH_MAX_THREADS 256

/**
 * The major version of the library this header belongs to. At run time
 * `armsmatch_version` gives the version of the library actually loaded, which starts
 * with `ARMSMATCH_VERSION_MAJOR.ARMSMATCH_VERSION_MINOR.ARMSMATCH_VERSION_PATCH` when
 * header and library match.
 */
#define ARMSMATCH_VERSION_MAJOR 0

/**
 * The minor version of the library this header belongs to.
 */
#define ARMSMATCH_VERSION_MINOR 1

/**
 * The patch version of the library this header belongs to.
 */
#define ARMSMATCH_VERSION_PATCH 0

/**
 * The edit budget that grows with the serial's length (0 up to 3 characters, 1 for 4
 * and 5, 2 from 6, of the longer of the check's and the record's serial key: a copy
 * that dropped characters is short because of them): pass it to
 * `armsmatch_options_set_max_edits`.
 */
#define ARMSMATCH_MAX_EDITS_AUTO (-1)

/**
 * The result of every call. `ARMSMATCH_STATUS_OK` is 0; the other codes are stable:
 * a code is never reused for another meaning, new codes are only added.
 *
 * On any status other than OK, `armsmatch_last_error_message` gives a readable message
 * that names the function and the argument, field, file or limit at fault.
 */
enum armsmatch_status
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : uint32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * Success.
   */
  ARMSMATCH_STATUS_OK = 0,
  /**
   * A required pointer argument was NULL (or a string was NULL with a nonzero length).
   */
  ARMSMATCH_STATUS_NULL_ARGUMENT = 1,
  /**
   * A string argument was not valid UTF-8.
   */
  ARMSMATCH_STATUS_INVALID_UTF8 = 2,
  /**
   * An argument cannot be used: an empty record id, an impossible date, a bad country
   * code, an option out of range, an unknown enum code, a partial serial with too few
   * known characters, an empty file path or one holding a NUL byte.
   */
  ARMSMATCH_STATUS_INVALID_ARGUMENT = 3,
  /**
   * An input was over a documented limit (see `armsmatch_limits`).
   */
  ARMSMATCH_STATUS_LIMIT_EXCEEDED = 4,
  /**
   * A record id was added twice to one index.
   */
  ARMSMATCH_STATUS_DUPLICATE_ID = 5,
  /**
   * No record with that id is in the index.
   */
  ARMSMATCH_STATUS_NOT_FOUND = 6,
  /**
   * A row of a records file could not be read (the message names file, line and column).
   */
  ARMSMATCH_STATUS_PARSE = 7,
  /**
   * Reference data (TOML) could not be read or is inconsistent.
   */
  ARMSMATCH_STATUS_REFERENCE = 8,
  /**
   * An index file (or byte buffer) is truncated, corrupted, of another format version,
   * or not an index at all.
   */
  ARMSMATCH_STATUS_CORRUPT_INDEX = 9,
  /**
   * Reading or writing a file failed, or the path is a directory (the message has the
   * path and the OS error).
   */
  ARMSMATCH_STATUS_IO = 10,
  /**
   * A position (hit, edit, batch entry) past the end.
   */
  ARMSMATCH_STATUS_OUT_OF_RANGE = 11,
  /**
   * A bug in armsmatch: a Rust panic was caught at the boundary. Handles passed to the
   * call remain safe to free.
   */
  ARMSMATCH_STATUS_PANIC = 12,
  /**
   * An error of a kind this version of the C API does not know (from a newer core);
   * the message says what it was.
   */
  ARMSMATCH_STATUS_OTHER = 13,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum armsmatch_status armsmatch_status;
#else
typedef uint32_t armsmatch_status;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * The kind of firearm (after the NCIC type codes).
 */
enum armsmatch_kind
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : uint32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * Not recorded.
   */
  ARMSMATCH_KIND_UNKNOWN = 0,
  /**
   * Self-loading or single-shot handgun.
   */
  ARMSMATCH_KIND_PISTOL = 1,
  /**
   * Revolver.
   */
  ARMSMATCH_KIND_REVOLVER = 2,
  /**
   * Rifle or carbine.
   */
  ARMSMATCH_KIND_RIFLE = 3,
  /**
   * Shotgun.
   */
  ARMSMATCH_KIND_SHOTGUN = 4,
  /**
   * Submachine gun (machine pistol).
   */
  ARMSMATCH_KIND_SUBMACHINE_GUN = 5,
  /**
   * Machine gun.
   */
  ARMSMATCH_KIND_MACHINE_GUN = 6,
  /**
   * Combination gun or anything else.
   */
  ARMSMATCH_KIND_OTHER = 7,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum armsmatch_kind armsmatch_kind;
#else
typedef uint32_t armsmatch_kind;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * Why a firearm is in the register.
 */
enum armsmatch_record_status
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : uint32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * Not recorded.
   */
  ARMSMATCH_RECORD_STATUS_UNKNOWN = 0,
  /**
   * Reported lost.
   */
  ARMSMATCH_RECORD_STATUS_LOST = 1,
  /**
   * Reported stolen.
   */
  ARMSMATCH_RECORD_STATUS_STOLEN = 2,
  /**
   * Illicitly trafficked.
   */
  ARMSMATCH_RECORD_STATUS_TRAFFICKED = 3,
  /**
   * Smuggled across a border.
   */
  ARMSMATCH_RECORD_STATUS_SMUGGLED = 4,
  /**
   * Any other reason.
   */
  ARMSMATCH_RECORD_STATUS_OTHER = 5,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum armsmatch_record_status armsmatch_record_status;
#else
typedef uint32_t armsmatch_record_status;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * How the serial of a hit matched.
 */
enum armsmatch_serial_match
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : uint32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * Identical as written.
   */
  ARMSMATCH_SERIAL_MATCH_EXACT = 1,
  /**
   * Identical after normalization (case, separators, Cyrillic/Greek folding).
   */
  ARMSMATCH_SERIAL_MATCH_NORMALIZED = 2,
  /**
   * Identical up to commonly confused characters (O/0, I/1, S/5, …).
   */
  ARMSMATCH_SERIAL_MATCH_CONFUSABLE = 3,
  /**
   * Within the edit budget.
   */
  ARMSMATCH_SERIAL_MATCH_FUZZY = 4,
  /**
   * Matches a partial serial (`?`, `*`).
   */
  ARMSMATCH_SERIAL_MATCH_PARTIAL = 5,
  /**
   * No serial compared (a check or record without a usable serial).
   */
  ARMSMATCH_SERIAL_MATCH_NONE = 6,
  /**
   * A kind this version of the C API does not know (from a newer core).
   */
  ARMSMATCH_SERIAL_MATCH_OTHER = 7,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum armsmatch_serial_match armsmatch_serial_match;
#else
typedef uint32_t armsmatch_serial_match;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * One edit in the alignment of the check's serial key against the record's.
 */
enum armsmatch_edit_kind
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : uint32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * Characters of one confusable class (O/0, I/1, …).
   */
  ARMSMATCH_EDIT_KIND_CONFUSABLE = 1,
  /**
   * A rarer reading confusion (A/4, T/7, …).
   */
  ARMSMATCH_EDIT_KIND_RARE_CONFUSION = 2,
  /**
   * Any other substitution.
   */
  ARMSMATCH_EDIT_KIND_SUBSTITUTION = 3,
  /**
   * Two adjacent characters swapped (`at` and `at + 1` of the record key; the edit's
   * `check` and `record` are 0).
   */
  ARMSMATCH_EDIT_KIND_TRANSPOSITION = 4,
  /**
   * A character in the check that the record does not have.
   */
  ARMSMATCH_EDIT_KIND_INSERTION = 5,
  /**
   * A character of the record missing from the check.
   */
  ARMSMATCH_EDIT_KIND_DELETION = 6,
  /**
   * A kind this version of the C API does not know (from a newer core).
   */
  ARMSMATCH_EDIT_KIND_OTHER = 7,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum armsmatch_edit_kind armsmatch_edit_kind;
#else
typedef uint32_t armsmatch_edit_kind;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * The shape of two or more edits of a hit's serial alignment, which prices them: a slip
 * of the hand (a transposition, or a character dropped or added) or the serial of a
 * sibling firearm of the same batch (digits replaced in place). See
 * `armsmatch_hit_serial_shape`.
 */
enum armsmatch_edit_shape
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : uint32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * One edit or none, or a mix that is neither of the others.
   */
  ARMSMATCH_EDIT_SHAPE_PLAIN = 1,
  /**
   * Two or more edits, one a transposition or a change of length: cheaper.
   */
  ARMSMATCH_EDIT_SHAPE_SLIP = 2,
  /**
   * Two or more edits at the same length, digits for digits: dearer.
   */
  ARMSMATCH_EDIT_SHAPE_SIBLING = 3,
  /**
   * A shape this version of the C API does not know (from a newer core).
   */
  ARMSMATCH_EDIT_SHAPE_OTHER = 4,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum armsmatch_edit_shape armsmatch_edit_shape;
#else
typedef uint32_t armsmatch_edit_shape;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * How one identity field (make, model, calibre) of the check agrees with the record.
 */
enum armsmatch_field_match
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : uint32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * The same name.
   */
  ARMSMATCH_FIELD_MATCH_SAME = 1,
  /**
   * Different names of the same thing (an alias, a misspelling, a synonym calibre).
   */
  ARMSMATCH_FIELD_MATCH_ALIAS = 2,
  /**
   * Close but not the same (a related calibre, a model variant, a similar text).
   */
  ARMSMATCH_FIELD_MATCH_SIMILAR = 3,
  /**
   * Different.
   */
  ARMSMATCH_FIELD_MATCH_DIFFERENT = 4,
  /**
   * Missing on one side.
   */
  ARMSMATCH_FIELD_MATCH_UNKNOWN = 5,
  /**
   * A kind this version of the C API does not know (from a newer core).
   */
  ARMSMATCH_FIELD_MATCH_OTHER = 6,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum armsmatch_field_match armsmatch_field_match;
#else
typedef uint32_t armsmatch_field_match;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * The character encoding of a records file, for `armsmatch_builder_add_file_encoded`
 * (passed as a `uint32_t` code).
 */
enum armsmatch_encoding
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : uint32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * UTF-8 (a byte-order mark is allowed).
   */
  ARMSMATCH_ENCODING_UTF8 = 0,
  /**
   * Windows-1252: western European exports.
   */
  ARMSMATCH_ENCODING_WINDOWS1252 = 1,
  /**
   * Windows-1251: Cyrillic exports.
   */
  ARMSMATCH_ENCODING_WINDOWS1251 = 2,
  /**
   * ISO-8859-1 (Latin-1).
   */
  ARMSMATCH_ENCODING_LATIN1 = 3,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum armsmatch_encoding armsmatch_encoding;
#else
typedef uint32_t armsmatch_encoding;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * The results of a batch check (opaque): for each query, in order, its hits or its
 * error.
 *
 * Thread safety: a batch never changes; any number of threads may read it at once.
 */
typedef struct armsmatch_batch armsmatch_batch;

/**
 * Collects records and builds an `armsmatch_index` (opaque).
 *
 * Thread safety: a builder is used by one thread at a time (it may move between
 * threads).
 */
typedef struct armsmatch_builder armsmatch_builder;

/**
 * The hits of one check (opaque), ranked by score (ties: first the record that names more
 * of make, model and calibre as the check does, then by record id). Hit `i` is
 * `0 <= i < armsmatch_hits_len`; a larger `i` fails with ARMSMATCH_STATUS_OUT_OF_RANGE.
 *
 * Strings handed out by the accessors are borrowed from the handle: valid until it is
 * freed, never to be freed by the caller. They are also NUL-terminated (`ptr[len] ==
 * '\0'`), but the length is authoritative.
 *
 * The handle keeps a copy of the query that produced the hits, so the caller's query
 * strings need not outlive the check; `armsmatch_hit_trace_request_json` takes the
 * firearm's identification from it.
 *
 * Thread safety: a hits handle never changes; any number of threads may read it at
 * once. It does not depend on the index: it stays valid after the index is changed or
 * freed.
 */
typedef struct armsmatch_hits armsmatch_hits;

/**
 * A searchable register of firearms (opaque).
 *
 * Thread safety: an index is shared by many threads. Every call taking an index may
 * run on any number of threads at once, checks concurrently with inserts, updates,
 * removes and compactions: an insert is visible to every check that starts after it
 * returns. Only `armsmatch_index_free` needs the index to itself. The calls that change
 * the index (insert, update, remove, compact) take it as `armsmatch_index *`, the others
 * as `const armsmatch_index *`; constness says what a call does, not that it needs the
 * index to itself: the index locks inside.
 */
typedef struct armsmatch_index armsmatch_index;

/**
 * Options of a check (opaque). Made by `armsmatch_options_new` with the defaults: AUTO
 * edit budget, top 10, threshold 0.1, make/model/calibre compared, all cores for a
 * batch. Every check function also accepts NULL for "the defaults".
 *
 * Thread safety: one thread may change an options handle while no other thread uses
 * it; once set up, it may be read by any number of concurrent checks.
 */
typedef struct armsmatch_options armsmatch_options;

/**
 * Reference data (opaque): canonical makes, models and calibres with aliases,
 * misspellings and related calibres, against which names are compared. An index
 * built with a reference keeps its own copy (stored in the index file), so a
 * reference handle can be freed once the builder is made.
 *
 * Thread safety: read-only calls may run on many threads at once;
 * `armsmatch_reference_extend_from_file` needs the handle to itself.
 */
typedef struct armsmatch_reference armsmatch_reference;

/**
 * The documented limits of the library; inputs over them fail with
 * `ARMSMATCH_STATUS_LIMIT_EXCEEDED` (or `INVALID_ARGUMENT` for `top`), never truncated.
 */
typedef struct armsmatch_limits {
  /**
   * Longest serial accepted, in bytes of input.
   */
  size_t max_serial_bytes;
  /**
   * Longest serial key after normalization, in characters.
   */
  size_t max_key_chars;
  /**
   * Longest record id, make, model, calibre or country, in bytes.
   */
  size_t max_field_bytes;
  /**
   * Largest edit budget a check may ask for.
   */
  uint32_t max_edits;
  /**
   * Most `?` and `*` wildcards in one check's serial.
   */
  size_t max_wildcards;
  /**
   * Fewest known (non-wildcard) characters in a partial serial.
   */
  size_t min_known_chars;
  /**
   * Most hits one check may ask for (`top`).
   */
  size_t max_top;
  /**
   * Most candidate records one check may gather before scoring.
   */
  size_t max_candidates;
  /**
   * Most records in one index.
   */
  size_t max_records;
  /**
   * Most threads a batch check may ask for (`ARMSMATCH_MAX_THREADS`).
   */
  size_t max_threads;
} armsmatch_limits;

/**
 * A calendar date. All zero means "not recorded".
 */
typedef struct armsmatch_date {
  /**
   * Year (1000–9999).
   */
  uint16_t year;
  /**
   * Month (1–12).
   */
  uint8_t month;
  /**
   * Day (1–31).
   */
  uint8_t day;
} armsmatch_date;

/**
 * A record of the register, filled in by the caller for `armsmatch_builder_add`,
 * `armsmatch_index_insert` and `armsmatch_index_update`.
 *
 * Every string is a pointer and a length in bytes (no NUL needed), UTF-8 without a NUL
 * byte (one is ARMSMATCH_STATUS_INVALID_ARGUMENT naming the field). `id` is required
 * (an empty one, (NULL, 0) included, is ARMSMATCH_STATUS_INVALID_ARGUMENT). For the
 * other strings NULL (with length 0) or length 0 means "unknown"; a NULL `serial` is an
 * empty serial (no serial, like a placeholder). `kind`, `status` and `reported_on` are
 * unknown when zero, so a record zeroed with `memset(&r, 0, sizeof r)` starts with every
 * field unknown (`= {0}` does the same in C, but g++ -Wextra warns about it in C++).
 * The strings are copied; they need to live only during the call.
 */
typedef struct armsmatch_record {
  /**
   * The reporting country's reference; unique within an index. Required. Stored
   * without the white space around it (` X9\t` is `X9`, and a hit gives `X9` back),
   * as ids from files are; two ids equal once trimmed are one id.
   */
  const char *id;
  /**
   * Length of `id` in bytes.
   */
  size_t id_len;
  /**
   * The serial number as reported.
   */
  const char *serial;
  /**
   * Length of `serial` in bytes.
   */
  size_t serial_len;
  /**
   * Manufacturer, as reported.
   */
  const char *make;
  /**
   * Length of `make` in bytes.
   */
  size_t make_len;
  /**
   * Model, as reported.
   */
  const char *model;
  /**
   * Length of `model` in bytes.
   */
  size_t model_len;
  /**
   * Calibre, as reported.
   */
  const char *calibre;
  /**
   * Length of `calibre` in bytes.
   */
  size_t calibre_len;
  /**
   * Reporting country: an ISO 3166-1 code of two or three ASCII letters, any case. An
   * assigned alpha-2 code is stored as its alpha-3 code (`nl` → `NLD`, `UK` → `GBR`,
   * and Kosovo's `XK` → `XKX` as the EU and INTERPOL use them); other codes of two or
   * three letters (user-assigned, former or unofficial ones: `ZZ`, `YUG`) are kept as
   * written, uppercase. Anything else is refused.
   */
  const char *country;
  /**
   * Length of `country` in bytes.
   */
  size_t country_len;
  /**
   * An `armsmatch_kind` code (0 = unknown).
   */
  uint32_t kind;
  /**
   * An `armsmatch_record_status` code (0 = unknown).
   */
  uint32_t status;
  /**
   * When it was reported (all zero = unknown).
   */
  struct armsmatch_date reported_on;
} armsmatch_record;

/**
 * What reading a records file did.
 */
typedef struct armsmatch_read_report {
  /**
   * Rows read.
   */
  uint64_t rows;
  /**
   * Rows skipped as malformed (only with `skip_bad_rows`).
   */
  uint64_t skipped;
} armsmatch_read_report;

/**
 * Sizes and counts of an index.
 */
typedef struct armsmatch_index_info {
  /**
   * Records findable now (base − removed + added).
   */
  uint64_t records;
  /**
   * Records in the compacted base.
   */
  uint64_t base_records;
  /**
   * Distinct serial keys (confusable skeletons) in the base.
   */
  uint64_t keys;
  /**
   * Base records without a usable serial.
   */
  uint64_t no_serial;
  /**
   * Records added since the last compaction.
   */
  uint64_t live_added;
  /**
   * Base records removed since the last compaction.
   */
  uint64_t live_removed;
  /**
   * Bytes of the base as built, compacted or opened (an opened file's size, with
   * the journal of changes it was saved with).
   */
  uint64_t bytes;
  /**
   * Format version of the file the base was read from (the current version for an
   * index built or compacted in this process).
   */
  uint32_t format_version;
} armsmatch_index_info;

/**
 * A check: the identifiers of a seized or found firearm, for `armsmatch_index_check`
 * and `armsmatch_index_check_batch`.
 *
 * Strings as in `armsmatch_record`: pointer + length in bytes, UTF-8 without a NUL
 * byte, NULL or length 0 meaning unknown; zero it as a record (`memset`). `serial` may hold `?` (one unknown character) and `*` (any run) for
 * a partially obliterated serial. A check without a usable serial finds records
 * without a serial by make, model and calibre.
 */
typedef struct armsmatch_query {
  /**
   * The serial as read from the firearm, possibly with wildcards.
   */
  const char *serial;
  /**
   * Length of `serial` in bytes.
   */
  size_t serial_len;
  /**
   * Manufacturer, if known.
   */
  const char *make;
  /**
   * Length of `make` in bytes.
   */
  size_t make_len;
  /**
   * Model, if known.
   */
  const char *model;
  /**
   * Length of `model` in bytes.
   */
  size_t model_len;
  /**
   * Calibre, if known.
   */
  const char *calibre;
  /**
   * Length of `calibre` in bytes.
   */
  size_t calibre_len;
  /**
   * The checking country, if known: a country code as a record's (`country` of
   * `armsmatch_record`: two or three letters, an assigned alpha-2 code read as its
   * alpha-3 code).
   */
  const char *country;
  /**
   * Length of `country` in bytes.
   */
  size_t country_len;
} armsmatch_query;

/**
 * One edit of a hit's serial alignment (see `armsmatch_hit_serial_edit`).
 *
 * Positions count characters (not bytes) of the record's serial key
 * (`armsmatch_hit_serial_record_key`) from 0, while the explanation text counts them
 * from 1: an edit with `at == 6` reads "transposition at 7" there.
 */
typedef struct armsmatch_edit {
  /**
   * What kind of edit.
   */
  armsmatch_edit_kind kind;
  /**
   * 0-based character position in the record's serial key (the explanation text says
   * `at + 1`). For a transposition: the first of the two swapped characters (`at` and
   * `at + 1`); for an insertion: the position before which the extra character
   * stands.
   */
  size_t at;
  /**
   * The character in the check, as a Unicode code point; 0 if the edit has none: a
   * deletion, and a transposition, which carries no characters (read the two swapped
   * ones from the record key at `at` and `at + 1`).
   */
  uint32_t check;
  /**
   * The character in the record, as a Unicode code point; 0 if the edit has none: an
   * insertion, and a transposition (as for `check`).
   */
  uint32_t record;
} armsmatch_edit;

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * The name of a status code without its prefix: "OK", "NULL_ARGUMENT",
 * "LIMIT_EXCEEDED", … (static, NUL-terminated; never freed).
 *
 * Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for a code that is not a status.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `name_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_status_name(uint32_t status, const char **name_out);

/**
 * Copies the message of the most recent failed call on this thread into `buf`.
 *
 * The message stays until another call on this thread fails (successful calls leave it
 * alone), so it can be read after cleanup calls; it is "" if no call has failed. Copying
 * is `snprintf`-style: at most `buf_len - 1` bytes (cut at a UTF-8 character boundary)
 * then a NUL; `*written` receives the full length of the message (without the NUL), so
 * `*written >= buf_len` means it was cut. `buf` may be NULL when `buf_len` is 0, to ask
 * for the length; `written` may be NULL when the length is not wanted (the copy is made
 * all the same). A NUL byte inside the message (say, from a file name) is written as the
 * two characters `\0`, so the message is always one C string. This call does not change
 * the message, even when it fails.
 *
 * Thread safety: any thread; each thread has its own message.
 *
 * # Safety
 *
 * A non-NULL `buf` must be valid for writes of `buf_len` bytes; `written` must be NULL
 * or valid for a write.
 */
armsmatch_status armsmatch_last_error_message(char *buf, size_t buf_len, size_t *written);

/**
 * The lowercase name of an `armsmatch_kind` code: "unknown", "pistol", "revolver",
 * "rifle", "shotgun", "submachine_gun", "machine_gun", "other" (static,
 * NUL-terminated; never freed).
 *
 * Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `name_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_kind_name(uint32_t kind, const char **name_out);

/**
 * The lowercase name of an `armsmatch_record_status` code: "unknown", "lost",
 * "stolen", "trafficked", "smuggled", "other" (static, NUL-terminated; never freed).
 *
 * Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `name_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_record_status_name(uint32_t status, const char **name_out);

/**
 * The lowercase name of an `armsmatch_serial_match` code, as in hits files: "exact",
 * "normalized", "confusable", "fuzzy", "partial", "none" (static, NUL-terminated;
 * never freed).
 *
 * Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code (including
 * ARMSMATCH_SERIAL_MATCH_OTHER, which has no name).
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `name_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_serial_match_name(uint32_t serial_match, const char **name_out);

/**
 * The lowercase name of an `armsmatch_field_match` code, as in hits files: "same",
 * "alias", "similar", "different", "unknown" (static, NUL-terminated; never freed).
 *
 * Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code (including
 * ARMSMATCH_FIELD_MATCH_OTHER, which has no name).
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `name_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_field_match_name(uint32_t field_match, const char **name_out);

/**
 * The lowercase name of an `armsmatch_edit_kind` code: "confusable",
 * "rare_confusion", "substitution", "transposition", "insertion", "deletion" (static,
 * NUL-terminated; never freed).
 *
 * Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code (including
 * ARMSMATCH_EDIT_KIND_OTHER, which has no name).
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `name_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_edit_kind_name(uint32_t edit_kind, const char **name_out);

/**
 * The lowercase name of an `armsmatch_edit_shape` code: "plain", "slip", "sibling"
 * (static, NUL-terminated; never freed).
 *
 * Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an unknown code (including
 * ARMSMATCH_EDIT_SHAPE_OTHER, which has no name).
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `name_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_edit_shape_name(uint32_t edit_shape, const char **name_out);

/**
 * The calibrated score of a hit of this `evidence` (serial score × identity factor):
 * the probability that the record is the checked firearm, in [0, 1], rising with the
 * evidence. Evidence outside [0, 1] is clamped; NaN counts as 0. A hit's score is
 * `armsmatch_calibrate` of its `armsmatch_hit_evidence` (for a partial serial matching
 * several registered serials, shared among them: `armsmatch_hit_shared_with`).
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `probability_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_calibrate(float evidence, float *probability_out);

/**
 * The library version, e.g. "0.1.0" (static, NUL-terminated; never freed).
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `version_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_version(const char **version_out);

/**
 * The documented limits (see `armsmatch_limits`).
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `limits_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_get_limits(struct armsmatch_limits *limits_out);

/**
 * Makes an options handle with the defaults. Free it with `armsmatch_options_free`.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `options_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_options_new(struct armsmatch_options **options_out);

/**
 * Frees an options handle. NULL is a no-op.
 *
 * Thread safety: no other thread may use the handle during or after the call.
 *
 * # Safety
 *
 * `options` must be NULL or a live handle from `armsmatch_options_new`, not used again.
 */
void armsmatch_options_free(struct armsmatch_options *options);

/**
 * Sets the edit budget of the serial comparison: `ARMSMATCH_MAX_EDITS_AUTO` (-1, the
 * default) or 0 to `armsmatch_limits.max_edits` (3). Transpositions count as one edit.
 *
 * Fails with ARMSMATCH_STATUS_LIMIT_EXCEEDED over the limit and
 * ARMSMATCH_STATUS_INVALID_ARGUMENT below -1; the options are then unchanged.
 *
 * Thread safety: not while another thread uses `options`.
 *
 * # Safety
 *
 * `options` must be NULL or a live options handle.
 */
armsmatch_status armsmatch_options_set_max_edits(struct armsmatch_options *options,
                                                 int32_t max_edits);

/**
 * Sets the most hits a check returns: 1 to `armsmatch_limits.max_top` (1000); default 10.
 *
 * Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT out of range; the options are then
 * unchanged.
 *
 * Thread safety: not while another thread uses `options`.
 *
 * # Safety
 *
 * `options` must be NULL or a live options handle.
 */
armsmatch_status armsmatch_options_set_top(struct armsmatch_options *options, size_t top);

/**
 * Sets the lowest score returned, in [0, 1]; default 0.1. Scores are calibrated
 * probabilities that the record is the checked firearm (`armsmatch_calibrate`); the
 * default keeps an exact serial under a different make and most sibling serials out,
 * one typing slip of a same-make serial in.
 *
 * Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT outside [0, 1] or NaN; the options are
 * then unchanged.
 *
 * Thread safety: not while another thread uses `options`.
 *
 * # Safety
 *
 * `options` must be NULL or a live options handle.
 */
armsmatch_status armsmatch_options_set_threshold(struct armsmatch_options *options,
                                                 float threshold);

/**
 * Compares serials only when `serial_only` is true: make, model and calibre are
 * ignored (all "unknown", identity factor 1). Default false.
 *
 * Thread safety: not while another thread uses `options`.
 *
 * # Safety
 *
 * `options` must be NULL or a live options handle.
 */
armsmatch_status armsmatch_options_set_serial_only(struct armsmatch_options *options,
                                                   bool serial_only);

/**
 * Sets the threads of `armsmatch_index_check_batch`: 0 (the default) one per core, 1 to
 * `ARMSMATCH_MAX_THREADS` that many. Either way they are made for the call and have all
 * exited when it returns. Ignored by a single check.
 *
 * Fails with ARMSMATCH_STATUS_LIMIT_EXCEEDED over `ARMSMATCH_MAX_THREADS`; the options
 * are then unchanged.
 *
 * Thread safety: not while another thread uses `options`.
 *
 * # Safety
 *
 * `options` must be NULL or a live options handle.
 */
armsmatch_status armsmatch_options_set_threads(struct armsmatch_options *options, size_t threads);

/**
 * Makes a copy of the reference embedded in the library (the default of every
 * builder). Free it with `armsmatch_reference_free`.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `reference_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_reference_embedded(struct armsmatch_reference **reference_out);

/**
 * Parses reference data from TOML text (`text`, `text_len` bytes, UTF-8; the format of
 * the core crate's `reference` module: `[[calibre]]` and `[[make]]` tables). Empty text
 * (also (NULL, 0)) is a reference without entries.
 *
 * Fails with ARMSMATCH_STATUS_REFERENCE if the text is not valid reference data.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `text` must be valid for reads of `text_len` bytes; `reference_out` NULL or valid for
 * a write.
 */
armsmatch_status armsmatch_reference_from_toml(const char *text,
                                               size_t text_len,
                                               struct armsmatch_reference **reference_out);

/**
 * Reads reference data from a TOML file (`path`, `path_len` bytes, UTF-8).
 *
 * Fails with ARMSMATCH_STATUS_IO if the file cannot be read (or is a directory),
 * ARMSMATCH_STATUS_REFERENCE if it is not valid reference data, and
 * ARMSMATCH_STATUS_INVALID_ARGUMENT for an empty path or one with a NUL byte.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `path` must be valid for reads of `path_len` bytes; `reference_out` NULL or valid for
 * a write.
 */
armsmatch_status armsmatch_reference_load(const char *path,
                                          size_t path_len,
                                          struct armsmatch_reference **reference_out);

/**
 * Adds the entries of a TOML file to a reference: new makes and calibres are added; an
 * entry whose canonical name is known merges its aliases and models into it.
 *
 * Fails as `armsmatch_reference_load` (ARMSMATCH_STATUS_IO, REFERENCE or
 * INVALID_ARGUMENT); the reference is then unchanged.
 *
 * Thread safety: not while another thread uses `reference`.
 *
 * # Safety
 *
 * `reference` must be NULL or a live reference handle; `path` valid for reads of
 * `path_len` bytes.
 */
armsmatch_status armsmatch_reference_extend_from_file(struct armsmatch_reference *reference,
                                                      const char *path,
                                                      size_t path_len);

/**
 * Copies the version label of the reference data into `buf` (`snprintf`-style, as
 * `armsmatch_last_error_message`).
 *
 * Thread safety: any thread, concurrently with other read-only calls.
 *
 * # Safety
 *
 * `reference` must be NULL or a live reference handle; a non-NULL `buf` valid for
 * writes of `buf_len` bytes; `written` NULL or valid for a write.
 */
armsmatch_status armsmatch_reference_version(const struct armsmatch_reference *reference,
                                             char *buf,
                                             size_t buf_len,
                                             size_t *written);

/**
 * Copies the canonical name of a make into `buf` (`snprintf`-style): "S&W", "Smith and
 * Wesson" and "SMITH & WESSON INC" all give "Smith & Wesson". A make the reference does
 * not know gives its normalized text.
 *
 * Thread safety: any thread, concurrently with other read-only calls.
 *
 * # Safety
 *
 * `reference` must be NULL or a live reference handle; `name` valid for reads of
 * `name_len` bytes; a non-NULL `buf` valid for writes of `buf_len` bytes; `written`
 * NULL or valid for a write.
 */
armsmatch_status armsmatch_reference_canonical_make(const struct armsmatch_reference *reference,
                                                    const char *name,
                                                    size_t name_len,
                                                    char *buf,
                                                    size_t buf_len,
                                                    size_t *written);

/**
 * Copies the canonical name of a calibre into `buf` (`snprintf`-style): "9mm",
 * "9x19", "9mm Luger" all give the same name. A calibre the reference does not know
 * gives its normalized text.
 *
 * Thread safety: any thread, concurrently with other read-only calls.
 *
 * # Safety
 *
 * As `armsmatch_reference_canonical_make`.
 */
armsmatch_status armsmatch_reference_canonical_calibre(const struct armsmatch_reference *reference,
                                                       const char *name,
                                                       size_t name_len,
                                                       char *buf,
                                                       size_t buf_len,
                                                       size_t *written);

/**
 * Frees a reference handle. NULL is a no-op. Builders and indexes made with it keep
 * their own copy.
 *
 * Thread safety: no other thread may use the handle during or after the call.
 *
 * # Safety
 *
 * `reference` must be NULL or a live reference handle, not used again.
 */
void armsmatch_reference_free(struct armsmatch_reference *reference);

/**
 * Makes a builder that compares names with the embedded reference. Free it with
 * `armsmatch_builder_free`.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `builder_out` must be NULL or valid for a write.
 */
armsmatch_status armsmatch_builder_new(struct armsmatch_builder **builder_out);

/**
 * Makes a builder that compares names with a reference of your own (copied; it is
 * stored in the index and its file). Free it with `armsmatch_builder_free`.
 *
 * Thread safety: any thread; `reference` may be read by other threads meanwhile.
 *
 * # Safety
 *
 * `reference` must be NULL or a live reference handle; `builder_out` NULL or valid for a
 * write.
 */
armsmatch_status armsmatch_builder_new_with_reference(const struct armsmatch_reference *reference,
                                                      struct armsmatch_builder **builder_out);

/**
 * Adds one record (copied).
 *
 * Fails with ARMSMATCH_STATUS_NULL_ARGUMENT (a NULL string with a nonzero length),
 * INVALID_UTF8, INVALID_ARGUMENT (empty id, NULL included; a country code not of two or three letters, impossible
 * date, unknown kind or status code) or LIMIT_EXCEEDED (a field over `armsmatch_limits`); the record is then not
 * added. A duplicate id is reported by `armsmatch_builder_build`.
 *
 * Thread safety: not while another thread uses `builder`.
 *
 * # Safety
 *
 * `builder` must be NULL or a live builder handle; `record` NULL or a valid record whose
 * string pointers are valid for reads of their lengths.
 */
armsmatch_status armsmatch_builder_add(struct armsmatch_builder *builder,
                                       const struct armsmatch_record *record);

/**
 * Adds every record of a records file: CSV with a header row
 * (`record_id,make,model,serial,calibre,type,country,status,reported_on`; unknown
 * columns ignored; separated by `,`, or by `;`, a tab or `|` when the header read so holds
 * the required columns), or JSON Lines when the name ends in `.jsonl`, `.ndjson` or
 * `.json`. The file is UTF-8; `armsmatch_builder_add_file_encoded` reads other
 * encodings.
 *
 * With `skip_bad_rows` false, the first malformed row fails the call with
 * ARMSMATCH_STATUS_PARSE, the message naming the file, line and column; the rows before
 * it stay added (build anyway, or free the builder). With `skip_bad_rows` true,
 * malformed rows are skipped and counted in the report, and a record whose id and
 * serial are good but whose country, date, make, model or calibre cannot be read
 * goes in without that field (not counted as skipped). A missing file or a missing
 * required column fails either way (ARMSMATCH_STATUS_IO, ARMSMATCH_STATUS_PARSE), and so
 * does a path that is a directory (ARMSMATCH_STATUS_IO), empty or holding a NUL byte
 * (ARMSMATCH_STATUS_INVALID_ARGUMENT).
 * `report_out` may be NULL.
 *
 * Thread safety: not while another thread uses `builder`.
 *
 * # Safety
 *
 * `builder` must be NULL or a live builder handle; `path` valid for reads of `path_len`
 * bytes; `report_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_builder_add_file(struct armsmatch_builder *builder,
                                            const char *path,
                                            size_t path_len,
                                            bool skip_bad_rows,
                                            struct armsmatch_read_report *report_out);

/**
 * `armsmatch_builder_add_file` for a file in another character encoding: `encoding` is
 * an `armsmatch_encoding` code (ARMSMATCH_ENCODING_WINDOWS1252 for western European
 * exports, ARMSMATCH_ENCODING_WINDOWS1251 for Cyrillic ones, …). The encoding is never
 * guessed: a file that is not UTF-8 read as UTF-8 fails with ARMSMATCH_STATUS_PARSE
 * naming the line and column. An unknown code is ARMSMATCH_STATUS_INVALID_ARGUMENT.
 *
 * Thread safety: not while another thread uses `builder`.
 *
 * # Safety
 *
 * As `armsmatch_builder_add_file`.
 */
armsmatch_status armsmatch_builder_add_file_encoded(struct armsmatch_builder *builder,
                                                    const char *path,
                                                    size_t path_len,
                                                    bool skip_bad_rows,
                                                    uint32_t encoding,
                                                    struct armsmatch_read_report *report_out);

/**
 * The number of records added so far.
 *
 * Thread safety: not while another thread changes `builder`.
 *
 * # Safety
 *
 * `builder` must be NULL or a live builder handle; `len_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_builder_len(const struct armsmatch_builder *builder, size_t *len_out);

/**
 * Builds the index from the records added. Free it with `armsmatch_index_free`.
 *
 * Once its arguments are valid, whether it succeeds or fails, the builder is empty
 * afterwards (same reference) and may be reused or freed; a NULL `index_out`
 * (ARMSMATCH_STATUS_NULL_ARGUMENT) leaves its records in it. Fails with
 * ARMSMATCH_STATUS_DUPLICATE_ID if two records share an id (the message names one).
 *
 * Thread safety: not while another thread uses `builder`.
 *
 * # Safety
 *
 * `builder` must be NULL or a live builder handle; `index_out` NULL or valid for a
 * write.
 */
armsmatch_status armsmatch_builder_build(struct armsmatch_builder *builder,
                                         struct armsmatch_index **index_out);

/**
 * Frees a builder and the records it holds. NULL is a no-op.
 *
 * Thread safety: no other thread may use the handle during or after the call.
 *
 * # Safety
 *
 * `builder` must be NULL or a live builder handle, not used again.
 */
void armsmatch_builder_free(struct armsmatch_builder *builder);

/**
 * Opens a saved index, memory-mapping the file (nothing is re-parsed; the whole file is
 * verified first). Free it with `armsmatch_index_free`.
 *
 * The file must not be modified in place while the index is open: a file truncated or
 * rewritten under the mapping (`cp new old`, `truncate`) kills the process with
 * SIGBUS. Replace an index file by writing a new file and renaming it over the old one
 * (what `armsmatch_index_save` and the CLI do); the open index keeps reading the old
 * contents. `armsmatch_index_from_bytes` maps no file.
 *
 * Fails with ARMSMATCH_STATUS_IO if the file cannot be opened (or is a directory),
 * ARMSMATCH_STATUS_CORRUPT_INDEX if it is truncated, damaged, of another format version
 * or not an index, and ARMSMATCH_STATUS_INVALID_ARGUMENT for an empty path or one with
 * a NUL byte.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `path` must be valid for reads of `path_len` bytes (UTF-8); `index_out` NULL or valid
 * for a write.
 */
armsmatch_status armsmatch_index_open(const char *path,
                                      size_t path_len,
                                      struct armsmatch_index **index_out);

/**
 * Reads an index from bytes (the contents of a saved index file), copying them: the
 * buffer may be freed after the call, and no file is mapped (so nothing can change
 * under the index, unlike `armsmatch_index_open`). Free the index with
 * `armsmatch_index_free`.
 *
 * Fails with ARMSMATCH_STATUS_CORRUPT_INDEX if the bytes are not a valid index (as
 * (NULL, 0), the empty buffer, is not), ARMSMATCH_STATUS_NULL_ARGUMENT if `bytes` is
 * NULL with a nonzero `len`, ARMSMATCH_STATUS_LIMIT_EXCEEDED if memory cannot hold
 * the copy.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `bytes` must be NULL with `len` 0, or valid for reads of `len` bytes; `index_out` NULL
 * or valid for a write.
 */
armsmatch_status armsmatch_index_from_bytes(const uint8_t *bytes,
                                            size_t len,
                                            struct armsmatch_index **index_out);

/**
 * Saves the index with its live changes to one versioned, checksummed file, atomically:
 * written to a temporary file in the same directory, flushed, then renamed over `path`
 * (so an index open on the old file, in this or another process, is not disturbed).
 * Up to 4096 records added and removed since the last compaction are written as the
 * file's journal beside the base copied as it is (no rebuild; reopened, they are the
 * live changes again); more are folded into a rebuilt base, as
 * `armsmatch_index_compact` does. A symbolic link is followed: the file it names is
 * replaced and the link stays. A directory, device, FIFO or socket at `path` is
 * refused with ARMSMATCH_STATUS_IO and nothing is written.
 *
 * Fails with ARMSMATCH_STATUS_IO (the message has the path and the OS error) and
 * ARMSMATCH_STATUS_INVALID_ARGUMENT for an empty path or one with a NUL byte.
 *
 * Thread safety: any thread, concurrently with checks and changes (the file holds the
 * changes made before the call started).
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; `path` valid for reads of `path_len`
 * bytes.
 */
armsmatch_status armsmatch_index_save(const struct armsmatch_index *index,
                                      const char *path,
                                      size_t path_len);

/**
 * The number of records findable now.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; `len_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_index_len(const struct armsmatch_index *index, size_t *len_out);

/**
 * Sizes and counts of the index.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; `info_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_index_get_info(const struct armsmatch_index *index,
                                          struct armsmatch_index_info *info_out);

/**
 * Writes the index as bytes (what `armsmatch_index_save` writes to a file, the records
 * added and removed since included) into a new buffer owned by the library:
 * `*bytes_out` and `*len_out`. Free it with `armsmatch_bytes_free(bytes, len)`.
 * `armsmatch_index_from_bytes` reads it back, in this process or another.
 *
 * The buffer is as large as the index file: a process that cannot allocate it is
 * aborted, as by any allocation the library makes for itself (only the copies sized by
 * the caller's arguments, in `armsmatch_index_from_bytes` and
 * `armsmatch_index_check_batch`, fail with ARMSMATCH_STATUS_LIMIT_EXCEEDED instead).
 *
 * Thread safety: any thread, concurrently with checks and changes (the bytes are
 * those of one moment).
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; `bytes_out` and `len_out` NULL or valid
 * for a write.
 */
armsmatch_status armsmatch_index_to_bytes(const struct armsmatch_index *index,
                                          uint8_t **bytes_out,
                                          size_t *len_out);

/**
 * Frees a buffer from `armsmatch_index_to_bytes`. NULL is a no-op.
 *
 * Thread safety: no other thread may use the buffer during or after the call.
 *
 * # Safety
 *
 * `bytes` must be NULL or a buffer from `armsmatch_index_to_bytes`, with the `len` it
 * gave, not used again.
 */
void armsmatch_bytes_free(uint8_t *bytes, size_t len);

/**
 * Copies the record with this id as JSON into `buf` (`snprintf`-style, as
 * `armsmatch_last_error_message`), as stored and as `armsmatch check --format jsonl
 * --explain` gives a hit's `record`: `{"id": …, "serial": …, "make": …, "model": …,
 * "calibre": …, "kind": …, "country": …, "status": …, "reported_on": "YYYY-MM-DD"}`,
 * a field the record does not have left out.
 *
 * Fails with ARMSMATCH_STATUS_NOT_FOUND if it is absent, and as `armsmatch_index_remove`
 * for a blank or overlong id.
 *
 * Thread safety: any thread, concurrently with changes (the record of one moment).
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; `id` valid for reads of `id_len` bytes;
 * a non-NULL `buf` valid for writes of `buf_len` bytes; `written` NULL or valid for a
 * write.
 */
armsmatch_status armsmatch_index_record_json(const struct armsmatch_index *index,
                                             const char *id,
                                             size_t id_len,
                                             char *buf,
                                             size_t buf_len,
                                             size_t *written);

/**
 * Copies the version label of the index's reference data into `buf`
 * (`snprintf`-style, as `armsmatch_last_error_message`).
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; a non-NULL `buf` valid for writes of
 * `buf_len` bytes; `written` NULL or valid for a write.
 */
armsmatch_status armsmatch_index_reference_version(const struct armsmatch_index *index,
                                                   char *buf,
                                                   size_t buf_len,
                                                   size_t *written);

/**
 * Whether a record with this id is present.
 *
 * Fails with ARMSMATCH_STATUS_INVALID_ARGUMENT for an empty or blank id (also (NULL,
 * 0)) and ARMSMATCH_STATUS_LIMIT_EXCEEDED for one over the length limit, which no
 * record can have: as `armsmatch_index_insert`, `_update` and `_remove`. Spaces around
 * the id are ignored, as when a record goes in.
 *
 * Thread safety: any thread.
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; `id` valid for reads of `id_len` bytes;
 * `contains_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_index_contains(const struct armsmatch_index *index,
                                          const char *id,
                                          size_t id_len,
                                          bool *contains_out);

/**
 * Adds a record, visible to every check that starts after the call returns.
 *
 * Fails with ARMSMATCH_STATUS_DUPLICATE_ID if the id is present, and as
 * `armsmatch_builder_add` for a bad record; the index is then unchanged.
 *
 * Thread safety: any thread, concurrently with checks and other changes (`index` is
 * not `const` because the call changes it; the index locks inside).
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; `record` NULL or a valid record whose
 * string pointers are valid for reads of their lengths.
 */
armsmatch_status armsmatch_index_insert(struct armsmatch_index *index,
                                        const struct armsmatch_record *record);

/**
 * Replaces the record with the same id.
 *
 * Fails with ARMSMATCH_STATUS_NOT_FOUND if the id is absent, and as
 * `armsmatch_builder_add` for a bad record (INVALID_ARGUMENT for an empty id); the
 * index is then unchanged.
 *
 * Thread safety: any thread, concurrently with checks and other changes (`index` is
 * not `const` because the call changes it; the index locks inside).
 *
 * # Safety
 *
 * As `armsmatch_index_insert`.
 */
armsmatch_status armsmatch_index_update(struct armsmatch_index *index,
                                        const struct armsmatch_record *record);

/**
 * Removes the record with this id.
 *
 * Fails with ARMSMATCH_STATUS_NOT_FOUND if it is absent, INVALID_ARGUMENT for an empty
 * or blank id (also (NULL, 0)), LIMIT_EXCEEDED for one over the length limit (as
 * `armsmatch_index_insert`).
 *
 * Thread safety: any thread, concurrently with checks and other changes (`index` is
 * not `const` because the call changes it; the index locks inside).
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; `id` valid for reads of `id_len` bytes.
 */
armsmatch_status armsmatch_index_remove(struct armsmatch_index *index,
                                        const char *id,
                                        size_t id_len);

/**
 * Folds the records added and removed since the last compaction into the searchable
 * base. Checks keep running meanwhile; changes made during the compaction are kept.
 *
 * Thread safety: any thread, concurrently with checks and changes (compactions run
 * one at a time; `index` is not `const` because the call changes it; the index locks
 * inside).
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle.
 */
armsmatch_status armsmatch_index_compact(struct armsmatch_index *index);

/**
 * Checks one firearm against the register. On success `*hits_out` is a new hits handle
 * (possibly with no hits), ranked by score, at most `top`, none under the threshold;
 * free it with `armsmatch_hits_free`. `options` may be NULL for the defaults.
 *
 * Fails with ARMSMATCH_STATUS_INVALID_UTF8 for a bad string, LIMIT_EXCEEDED for a
 * serial or field over the limits or a check that would gather too many candidates,
 * INVALID_ARGUMENT for a partial serial with too few known characters.
 *
 * Thread safety: any thread, concurrently with other checks and with changes.
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; `query` NULL or a valid query whose
 * string pointers are valid for reads of their lengths; `options` NULL or a live options
 * handle; `hits_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_index_check(const struct armsmatch_index *index,
                                       const struct armsmatch_query *query,
                                       const struct armsmatch_options *options,
                                       struct armsmatch_hits **hits_out);

/**
 * Frees an index (and unmaps its file). NULL is a no-op. Hits handles made from it stay
 * valid.
 *
 * Thread safety: no other thread may use the index during or after the call.
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle, not used again.
 */
void armsmatch_index_free(struct armsmatch_index *index);

/**
 * Writes the register's statistics as JSON into `buf`: records by status, reporting
 * country, make (canonical names), kind, calibre and month (the `register` part of
 * `armsmatch stats --format json`). Copies `snprintf`-style, as
 * `armsmatch_last_error_message`: `*written` is the full length, so a cut copy can be
 * detected and retried with a larger buffer; `buf` may be NULL with `buf_len` 0 to ask
 * for the length; `written` may be NULL.
 *
 * Thread safety: any thread, concurrently with checks and changes of the same index
 * (the statistics are of the records findable when the call starts).
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; a non-NULL `buf` valid for writes of
 * `buf_len` bytes; `written` NULL or valid for a write.
 */
armsmatch_status armsmatch_index_stats_json(const struct armsmatch_index *index,
                                            char *buf,
                                            size_t buf_len,
                                            size_t *written);

/**
 * The number of hits (0 when nothing was found).
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `len_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hits_len(const struct armsmatch_hits *hits, size_t *len_out);

/**
 * The score of hit `i`, in [0, 1]: the calibrated probability that the record is the
 * checked firearm (`armsmatch_hit_evidence` calibrated, shared among the serials a
 * partial serial matches: `armsmatch_hit_shared_with`).
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `score_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_score(const struct armsmatch_hits *hits, size_t i, float *score_out);

/**
 * The id of the record of hit `i` (borrowed until `hits` is freed; never NULL).
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `ptr_out` and `len_out` NULL or valid for
 * writes.
 */
armsmatch_status armsmatch_hit_record_id(const struct armsmatch_hits *hits,
                                         size_t i,
                                         const char **ptr_out,
                                         size_t *len_out);

/**
 * The serial of the record of hit `i`, as registered (borrowed until `hits` is freed;
 * never NULL, possibly empty).
 *
 * # Safety
 *
 * As `armsmatch_hit_record_id`.
 */
armsmatch_status armsmatch_hit_record_serial(const struct armsmatch_hits *hits,
                                             size_t i,
                                             const char **ptr_out,
                                             size_t *len_out);

/**
 * The make of the record of hit `i`, as registered (borrowed until `hits` is freed); NULL
 * with length 0 when unknown.
 *
 * # Safety
 *
 * As `armsmatch_hit_record_id`.
 */
armsmatch_status armsmatch_hit_record_make(const struct armsmatch_hits *hits,
                                           size_t i,
                                           const char **ptr_out,
                                           size_t *len_out);

/**
 * The model of the record of hit `i` (borrowed until `hits` is freed); NULL with length
 * 0 when unknown.
 *
 * # Safety
 *
 * As `armsmatch_hit_record_id`.
 */
armsmatch_status armsmatch_hit_record_model(const struct armsmatch_hits *hits,
                                            size_t i,
                                            const char **ptr_out,
                                            size_t *len_out);

/**
 * The calibre of the record of hit `i` (borrowed until `hits` is freed); NULL with
 * length 0 when unknown.
 *
 * # Safety
 *
 * As `armsmatch_hit_record_id`.
 */
armsmatch_status armsmatch_hit_record_calibre(const struct armsmatch_hits *hits,
                                              size_t i,
                                              const char **ptr_out,
                                              size_t *len_out);

/**
 * The reporting country of the record of hit `i`, ISO 3166-1 (borrowed until `hits` is
 * freed); NULL with length 0 when unknown.
 *
 * # Safety
 *
 * As `armsmatch_hit_record_id`.
 */
armsmatch_status armsmatch_hit_record_country(const struct armsmatch_hits *hits,
                                              size_t i,
                                              const char **ptr_out,
                                              size_t *len_out);

/**
 * The kind of firearm of the record of hit `i` (ARMSMATCH_KIND_UNKNOWN when not
 * recorded).
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `kind_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_record_kind(const struct armsmatch_hits *hits,
                                           size_t i,
                                           armsmatch_kind *kind_out);

/**
 * Why the firearm of hit `i` is registered (ARMSMATCH_RECORD_STATUS_UNKNOWN when not
 * recorded).
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `status_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_record_status(const struct armsmatch_hits *hits,
                                             size_t i,
                                             armsmatch_record_status *status_out);

/**
 * When the firearm of hit `i` was reported (all zero when not recorded).
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `date_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_record_reported_on(const struct armsmatch_hits *hits,
                                                  size_t i,
                                                  struct armsmatch_date *date_out);

/**
 * How the serial of hit `i` matched: exact, normalized, confusable, fuzzy, partial or
 * none.
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `match_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_serial_match(const struct armsmatch_hits *hits,
                                            size_t i,
                                            armsmatch_serial_match *match_out);

/**
 * The plain edit distance (optimal string alignment) between the two serial keys of hit
 * `i`; for a partial match, the number of characters of the record key the wildcards
 * stood for.
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `distance_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_serial_distance(const struct armsmatch_hits *hits,
                                               size_t i,
                                               uint32_t *distance_out);

/**
 * The check's normalized serial key that matched in hit `i` (borrowed until `hits` is
 * freed; never NULL, empty when no serial was compared).
 *
 * # Safety
 *
 * As `armsmatch_hit_record_id`.
 */
armsmatch_status armsmatch_hit_serial_check_key(const struct armsmatch_hits *hits,
                                                size_t i,
                                                const char **ptr_out,
                                                size_t *len_out);

/**
 * The record's normalized serial key that matched in hit `i` (borrowed until `hits` is
 * freed; never NULL, empty when no serial was compared).
 *
 * # Safety
 *
 * As `armsmatch_hit_record_id`.
 */
armsmatch_status armsmatch_hit_serial_record_key(const struct armsmatch_hits *hits,
                                                 size_t i,
                                                 const char **ptr_out,
                                                 size_t *len_out);

/**
 * True if the serial match of hit `i` went through a transliteration of a Cyrillic or
 * Greek serial.
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_serial_transliterated(const struct armsmatch_hits *hits,
                                                     size_t i,
                                                     bool *out);

/**
 * True if the serial match of hit `i` went through the check's other Latin spelling
 * of a Cyrillic marking (`BC1234` read as `VS1234`), for a make that marks in
 * Cyrillic; such a match is counted as transliterated too.
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_serial_reading(const struct armsmatch_hits *hits,
                                              size_t i,
                                              bool *out);

/**
 * The number of edits in the serial alignment of hit `i` (confusable and fuzzy
 * matches; 0 otherwise).
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `len_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_serial_edits_len(const struct armsmatch_hits *hits,
                                                size_t i,
                                                size_t *len_out);

/**
 * Edit `j` of the serial alignment of hit `i` (positions from 0; see `armsmatch_edit`).
 * Fails with ARMSMATCH_STATUS_OUT_OF_RANGE when `i` or `j` is past the end.
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `edit_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_serial_edit(const struct armsmatch_hits *hits,
                                           size_t i,
                                           size_t j,
                                           struct armsmatch_edit *edit_out);

/**
 * The shape of the serial edits of hit `i` (ARMSMATCH_EDIT_SHAPE_PLAIN for one edit
 * or none): two or more edits shaped like a slip of the hand cost less, shaped like
 * a sibling firearm's serial more (the explanation text says so: "shaped like a slip,
 * cost ×0.85").
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `shape_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_serial_shape(const struct armsmatch_hits *hits,
                                            size_t i,
                                            armsmatch_edit_shape *shape_out);

/**
 * How the make of the check agrees with the record of hit `i`.
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `match_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_make_match(const struct armsmatch_hits *hits,
                                          size_t i,
                                          armsmatch_field_match *match_out);

/**
 * How the model of the check agrees with the record of hit `i`.
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `match_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_model_match(const struct armsmatch_hits *hits,
                                           size_t i,
                                           armsmatch_field_match *match_out);

/**
 * How the calibre of the check agrees with the record of hit `i`.
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `match_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_calibre_match(const struct armsmatch_hits *hits,
                                             size_t i,
                                             armsmatch_field_match *match_out);

/**
 * The serial's part of the score of hit `i`, in [0, 1].
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_serial_score(const struct armsmatch_hits *hits,
                                            size_t i,
                                            float *out);

/**
 * The identity part of the score of hit `i` (make, model and calibre as one tiered
 * comparison), in [0, 1].
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_identity_factor(const struct armsmatch_hits *hits,
                                               size_t i,
                                               float *out);

/**
 * The evidence of hit `i`: serial score × identity factor, in [0, 1]. The hit's score
 * is this evidence calibrated into a probability (`armsmatch_calibrate`), shared with
 * the other serials a partial serial matches (`armsmatch_hit_shared_with`).
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_evidence(const struct armsmatch_hits *hits, size_t i, float *out);

/**
 * How many other registered serials the check's partial serial (`?`, `*`) matches as
 * well as hit `i`'s (0 for a full serial). Only one can be the checked firearm, so the
 * score shares the probability with them: with calibrated odds `o = p / (1 − p)`,
 * `score = o / (1 + o + the others' odds)`.
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `out` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_shared_with(const struct armsmatch_hits *hits,
                                           size_t i,
                                           uint32_t *out);

/**
 * Copies the readable explanation of hit `i` into `buf` (`snprintf`-style, as
 * `armsmatch_last_error_message`; `written` may be NULL), e.g. "serial fuzzy (BA123456
 * vs AB123456; transposition at 1); make same, model unknown, calibre unknown; score
 * 0.97 (probability of the same firearm) from evidence 0.78 = serial 0.82 × identity
 * 0.95". Positions in the text count characters of the record key from 1, for people;
 * `armsmatch_edit.at` counts from 0 (the edit above has `at == 0`).
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; a non-NULL `buf` valid for writes of
 * `buf_len` bytes; `written` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_explanation_text(const struct armsmatch_hits *hits,
                                                size_t i,
                                                char *buf,
                                                size_t buf_len,
                                                size_t *written);

/**
 * Frees a hits handle from `armsmatch_index_check`; the strings borrowed from it become
 * invalid. NULL is a no-op. Never pass a hits handle borrowed from a batch.
 *
 * Thread safety: no other thread may use the handle during or after the call.
 *
 * # Safety
 *
 * `hits` must be NULL or a live, owned hits handle, not used again.
 */
void armsmatch_hits_free(struct armsmatch_hits *hits);

/**
 * Writes a draft trace request built from hit `i` as JSON into `buf` (the schema of
 * `armsmatch trace export`: `{"request": …, "missing": […]}`): the firearm's
 * identification prefilled from the check that produced `hits` (remembered by the
 * handle: for a batch, each query's own) and from the record, the suggested addressees
 * (country of manufacture from the embedded reference, the record's reporting country),
 * the hit as evidence, and the essential fields still missing. `country` (ISO 3166-1
 * alpha-3), `agency` and `case_ref` describe the requester. Copies `snprintf`-style, as
 * `armsmatch_last_error_message` (`buf` may be NULL with `buf_len` 0 to ask for the
 * length; `written` may be NULL).
 *
 * Fails with ARMSMATCH_STATUS_OUT_OF_RANGE when `i` is past the end and
 * ARMSMATCH_STATUS_INVALID_ARGUMENT for a `country` that is not a country code of two or
 * three letters (read as a record's `country`) or
 * an empty `agency`, ARMSMATCH_STATUS_LIMIT_EXCEEDED for an `agency` or `case_ref` over
 * the field length limit (`max_field_bytes` of `armsmatch_get_limits`); `case_ref` may be
 * empty (it is then listed as missing).
 *
 * Thread safety: any number of threads may read one hits handle at once.
 *
 * # Safety
 *
 * `hits` must be NULL or a live hits handle; `country`, `agency` and `case_ref` valid
 * for reads of their lengths; a non-NULL `buf` valid for writes of `buf_len` bytes;
 * `written` NULL or valid for a write.
 */
armsmatch_status armsmatch_hit_trace_request_json(const struct armsmatch_hits *hits,
                                                  size_t i,
                                                  const char *country,
                                                  size_t country_len,
                                                  const char *agency,
                                                  size_t agency_len,
                                                  const char *case_ref,
                                                  size_t case_ref_len,
                                                  char *buf,
                                                  size_t buf_len,
                                                  size_t *written);

/**
 * Checks `len` firearms (`queries[0]` … `queries[len - 1]`) on several threads: as many
 * as `armsmatch_options_set_threads` says (default: all cores), started for this call
 * and exited before it returns (safe to fork between calls). Result `i` is exactly what
 * `armsmatch_index_check` gives for `queries[i]`, and its hits remember `queries[i]`.
 * Free the batch with `armsmatch_batch_free`. `options` may be NULL for the defaults;
 * `queries` may be NULL when `len` is 0 (an empty batch).
 *
 * A query that cannot be checked (invalid UTF-8, over a limit, …) does not fail the
 * call: its own status is in the batch (`armsmatch_batch_status`). The call itself
 * fails only for NULL arguments, or ARMSMATCH_STATUS_INVALID_ARGUMENT if the thread
 * pool cannot be made.
 *
 * Thread safety: any thread, concurrently with other checks and with changes.
 *
 * # Safety
 *
 * `index` must be NULL or a live index handle; a non-NULL `queries` valid for reads of
 * `len` queries whose string pointers are valid for reads of their lengths; `options`
 * NULL or a live options handle; `batch_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_index_check_batch(const struct armsmatch_index *index,
                                             const struct armsmatch_query *queries,
                                             size_t len,
                                             const struct armsmatch_options *options,
                                             struct armsmatch_batch **batch_out);

/**
 * The number of queries in the batch.
 *
 * # Safety
 *
 * `batch` must be NULL or a live batch handle; `len_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_batch_len(const struct armsmatch_batch *batch, size_t *len_out);

/**
 * The status of query `i` of the batch: ARMSMATCH_STATUS_OK if it was checked, else
 * what `armsmatch_index_check` would have returned for it.
 *
 * Fails with ARMSMATCH_STATUS_OUT_OF_RANGE when `i` is past the end.
 *
 * # Safety
 *
 * `batch` must be NULL or a live batch handle; `status_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_batch_status(const struct armsmatch_batch *batch,
                                        size_t i,
                                        armsmatch_status *status_out);

/**
 * The hits of query `i` of the batch, borrowed: valid until the batch is freed; read it
 * with the `armsmatch_hit_*` functions and never pass it to `armsmatch_hits_free`.
 *
 * If query `i` failed, this call returns that query's status and
 * `armsmatch_last_error_message` gives its message. Fails with
 * ARMSMATCH_STATUS_OUT_OF_RANGE when `i` is past the end.
 *
 * # Safety
 *
 * `batch` must be NULL or a live batch handle; `hits_out` NULL or valid for a write.
 */
armsmatch_status armsmatch_batch_hits(const struct armsmatch_batch *batch,
                                      size_t i,
                                      const struct armsmatch_hits **hits_out);

/**
 * Frees a batch and every hits handle borrowed from it. NULL is a no-op.
 *
 * Thread safety: no other thread may use the batch during or after the call.
 *
 * # Safety
 *
 * `batch` must be NULL or a live batch handle, not used again.
 */
void armsmatch_batch_free(struct armsmatch_batch *batch);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* ARMSMATCH_H */
