#ifndef HANZI_COPENCC_SHIM_H
#define HANZI_COPENCC_SHIM_H
#include <opencc/opencc.h>
#endif
