// Loads `.ocd2` dictionaries with libopencc's MarisaDict and copies their lexicon into plain
// byte strings, so that Swift reads them through a C interface.

#include "COpenCCDictionary.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <exception>
#include <string>
#include <vector>

// libopencc's headers (found through pkg-config's include path, so not treated as system
// headers) derive from std::iterator, which C++17 deprecates; the warning is theirs, not ours.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
#include <opencc.h>
#include <DictEntry.hpp>
#include <Exception.hpp>
#include <Lexicon.hpp>
#include <MarisaDict.hpp>
#pragma clang diagnostic pop

struct hanzi_ocd2_dictionary {
    struct Entry {
        std::string key;
        std::vector<std::string> values;
    };
    std::vector<Entry> entries;
};

namespace {

void store_error(char **error, const std::string &message) {
    if (error == nullptr) { return; }
    *error = strdup(message.c_str());
}

// Loads `path` with libopencc; throws whatever libopencc or marisa throws.
hanzi_ocd2_dictionary *load(const char *path, char **error) {
    FILE *file = std::fopen(path, "rb");
    if (file == nullptr) {
        store_error(error, std::strerror(errno));
        return nullptr;
    }
    opencc::MarisaDictPtr dictionary;
    try {
        dictionary = opencc::MarisaDict::NewFromFile(file);
    } catch (...) {
        std::fclose(file);
        throw;
    }
    std::fclose(file);
    const opencc::LexiconPtr lexicon = dictionary->GetLexicon();
    if (!lexicon) {
        store_error(error, "libopencc returned no lexicon");
        return nullptr;
    }
    auto *result = new hanzi_ocd2_dictionary();
    result->entries.reserve(lexicon->Length());
    for (size_t index = 0; index < lexicon->Length(); index++) {
        const opencc::DictEntry *entry = lexicon->At(index);
        if (entry == nullptr) {
            // MarisaDict leaves a hole when the trie holds fewer keys than the value table.
            delete result;
            store_error(error, "entry " + std::to_string(index) + " has no key in the trie (damaged file)");
            return nullptr;
        }
        result->entries.push_back({entry->Key(), entry->Values()});
    }
    return result;
}

} // namespace

extern "C" hanzi_ocd2_dictionary *hanzi_ocd2_open(const char *path, char **error) {
    if (error != nullptr) { *error = nullptr; }
    try {
        return load(path, error);
    } catch (const opencc::Exception &exception) {
        store_error(error, exception.what());
    } catch (const std::exception &exception) {
        store_error(error, std::string("not a readable OpenCC dictionary (") + exception.what() + ")");
    } catch (...) {
        store_error(error, "not a readable OpenCC dictionary");
    }
    return nullptr;
}

extern "C" void hanzi_ocd2_close(hanzi_ocd2_dictionary *dictionary) { delete dictionary; }

extern "C" void hanzi_ocd2_free_error(char *error) { std::free(error); }

extern "C" size_t hanzi_ocd2_entry_count(const hanzi_ocd2_dictionary *dictionary) {
    return dictionary->entries.size();
}

extern "C" const uint8_t *hanzi_ocd2_key(const hanzi_ocd2_dictionary *dictionary, size_t entry,
                                         size_t *length) {
    const std::string &key = dictionary->entries.at(entry).key;
    *length = key.size();
    return reinterpret_cast<const uint8_t *>(key.data());
}

extern "C" size_t hanzi_ocd2_value_count(const hanzi_ocd2_dictionary *dictionary, size_t entry) {
    return dictionary->entries.at(entry).values.size();
}

extern "C" const uint8_t *hanzi_ocd2_value(const hanzi_ocd2_dictionary *dictionary, size_t entry,
                                           size_t value, size_t *length) {
    const std::string &text = dictionary->entries.at(entry).values.at(value);
    *length = text.size();
    return reinterpret_cast<const uint8_t *>(text.data());
}

extern "C" const char *hanzi_opencc_library_path(void) {
    Dl_info info;
    if (dladdr(reinterpret_cast<void *>(&opencc_open), &info) == 0 || info.dli_fname == nullptr) {
        return nullptr;
    }
    return info.dli_fname;
}
