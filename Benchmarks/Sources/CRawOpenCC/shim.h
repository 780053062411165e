#ifndef HANZI_BENCH_CRAWOPENCC_SHIM_H
#define HANZI_BENCH_CRAWOPENCC_SHIM_H
#include <opencc/opencc.h>
#endif
