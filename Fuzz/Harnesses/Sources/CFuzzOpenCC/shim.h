#ifndef HANZI_FUZZ_CFUZZOPENCC_SHIM_H
#define HANZI_FUZZ_CFUZZOPENCC_SHIM_H
#include <opencc/opencc.h>
#endif
