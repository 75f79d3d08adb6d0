// mamori/bench/main.cpp
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
