#pragma once

// What the fuzz targets check besides "no crash, no leak, no undefined behaviour": the promises the parsers make
// in their headers. A broken promise aborts, so libFuzzer (or the corpus replay) reports the input.

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "%s:%d: promise broken: %s\n", __FILE__, __LINE__, #condition);                       \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)
