#ifndef HANZI_COPENCCDATA_H
#define HANZI_COPENCCDATA_H

/// The number of bundled OpenCC data files (dictionaries, configurations, VERSION).
int hanzi_opencc_data_count(void);

/// The bundled file at `index`: its name (`STPhrases.txt`, `config/s2t.json`, `VERSION`),
/// its bytes and their count. Returns 0 when `index` is out of range.
int hanzi_opencc_data_file(int index, const char **name, const unsigned char **bytes, unsigned long *length);

/// The bundled configurations compiled by `make tables` (see the OpenCC module's
/// `PrecompiledOpenCCData`): its bytes and their count, 0 when none was generated.
void hanzi_opencc_compiled(const unsigned char **bytes, unsigned long *length);

/// The script detector's character classes of the bundled data, computed by `make tables`
/// (see the Hanzi module's `StoredDetectionClasses`): its bytes and their count, 0 when none
/// was generated.
void hanzi_detection_classes(const unsigned char **bytes, unsigned long *length);

#endif
