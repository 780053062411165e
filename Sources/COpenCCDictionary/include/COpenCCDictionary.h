#ifndef HANZI_COPENCC_DICTIONARY_H
#define HANZI_COPENCC_DICTIONARY_H

/* Reads an installed OpenCC `.ocd2` dictionary through libopencc's own C++ API
 * (opencc::MarisaDict, Lexicon, DictEntry), so the marisa format is never re-implemented.
 * A plain C interface, so that Swift imports it without C++ interoperability. */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A dictionary loaded by libopencc and copied out of it: keys and values as UTF-8 bytes,
 *  in the order of libopencc's lexicon. */
typedef struct hanzi_ocd2_dictionary hanzi_ocd2_dictionary;

/** Loads the `.ocd2` file at `path`. On failure returns NULL and, when `error` is not NULL,
 *  stores a malloc'd one-line message (free it with `hanzi_ocd2_free_error`). */
hanzi_ocd2_dictionary *_Nullable hanzi_ocd2_open(const char *_Nonnull path,
                                                 char *_Nullable *_Nullable error);

/** Releases a dictionary returned by `hanzi_ocd2_open`. */
void hanzi_ocd2_close(hanzi_ocd2_dictionary *_Nullable dictionary);

/** Releases a message stored by `hanzi_ocd2_open`. */
void hanzi_ocd2_free_error(char *_Nullable error);

/** The number of entries. */
size_t hanzi_ocd2_entry_count(const hanzi_ocd2_dictionary *_Nonnull dictionary);

/** The key of entry `entry` (UTF-8, `*length` bytes, not NUL-terminated). */
const uint8_t *_Nonnull hanzi_ocd2_key(const hanzi_ocd2_dictionary *_Nonnull dictionary,
                                       size_t entry, size_t *_Nonnull length);

/** The number of values of entry `entry` (0 when the entry has none). */
size_t hanzi_ocd2_value_count(const hanzi_ocd2_dictionary *_Nonnull dictionary, size_t entry);

/** Value `value` of entry `entry` (UTF-8, `*length` bytes, not NUL-terminated). */
const uint8_t *_Nonnull hanzi_ocd2_value(const hanzi_ocd2_dictionary *_Nonnull dictionary,
                                         size_t entry, size_t value, size_t *_Nonnull length);

/** The path of the loaded libopencc shared library (found with dladdr), or NULL when it
 *  cannot be told. The string lives as long as the process. */
const char *_Nullable hanzi_opencc_library_path(void);

#ifdef __cplusplus
}
#endif

#endif
