# Day-to-day shortcuts. The newcomer's way in stays ./run.sh and ./test.sh.
.PHONY: build run test unit bench sanitize fuzz format clean

build:
	./scripts/build.sh all

run:
	./run.sh

test:
	./test.sh

unit: build
	ctest --test-dir build --output-on-failure -E 'browser|http_integration'

bench:
	./scripts/bench.sh

sanitize:
	./scripts/sanitize.sh

# Every fuzz harness for an hour (FUZZ_SECONDS=... to change); scripts/fuzz.sh.
FUZZ_SECONDS ?= 3600
fuzz:
	./scripts/fuzz.sh long $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'bench/*.cpp')

clean:
	rm -rf build build-fuzz
