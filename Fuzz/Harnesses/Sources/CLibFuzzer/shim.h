#ifndef HANZI_FUZZ_CLIBFUZZER_SHIM_H
#define HANZI_FUZZ_CLIBFUZZER_SHIM_H
#include <stddef.h>
#include <stdint.h>
/* libFuzzer's entry for a program with its own main (LLVM 12 and later), linked by
   -sanitize=fuzzer. */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
