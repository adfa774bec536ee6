# falco2seccomp: see README.md. `make` builds, `make check` runs every test.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
LDFLAGS ?=
PKG_CONFIG ?= pkg-config
VERSION = 0.4.0

WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wwrite-strings -Wformat=2 -Wconversion
# Recursive (=), so that they are asked for when a recipe runs: after `deps`.
DEPS_CFLAGS = $(shell $(PKG_CONFIG) --cflags libcjson libseccomp zlib libzstd yaml-0.1 2>/dev/null || echo -I/usr/include/cjson)
DEPS_LIBS = $(shell $(PKG_CONFIG) --libs libcjson libseccomp zlib libzstd yaml-0.1 2>/dev/null || echo -lcjson -lseccomp -lz -lzstd -lyaml)
ALL_CFLAGS = -std=c11 -pthread -D_GNU_SOURCE -DF2S_VERSION='"$(VERSION)"' -Isrc $(DEPS_CFLAGS) $(WARNINGS) $(CFLAGS)
LIBS = $(DEPS_LIBS) -lm -pthread

# Every module is a folder's .c with its .h beside it (ARCHITECTURE.md); main is apart for the tests.
MAIN = src/cli/main.c
LIB_SOURCES = $(filter-out $(MAIN),$(sort $(wildcard src/*/*.c)))
UNIT_SOURCES = $(sort $(wildcard tests/unit/*.c))
FUZZ_TARGETS = $(patsubst fuzz/fuzz_%.c,%,$(sort $(wildcard fuzz/fuzz_*.c)))

# The builds, each with objects of its own under build/FLAVOUR/ and their
# dependencies tracked (-MMD), so that a change rebuilds what it touches:
#   release  falco2seccomp itself, with CFLAGS
#   asan     AddressSanitizer and UBSan, warnings as errors: the tests' build
#   plain    -O1 without sanitizers, DWARF 4, for valgrind (which runs no ASan
#            binary and cannot read the DWARF 5 that clang writes by default)
#   tsan     ThreadSanitizer, for the suite of the parallel pass
#   nosimd   ASan and UBSan without the SSE2 and AVX2 paths (F2S_NO_SIMD): the
#            plain C of the pre-filter and the quick reader, as on any CPU
SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -Werror
FLAVOUR_FLAGS_release =
FLAVOUR_FLAGS_asan = $(SAN_FLAGS)
FLAVOUR_FLAGS_plain = -O1 -g -gdwarf-4 -Werror
FLAVOUR_FLAGS_tsan = -O1 -g -fno-omit-frame-pointer -fsanitize=thread -Werror
FLAVOUR_FLAGS_nosimd = $(SAN_FLAGS) -DF2S_NO_SIMD
FLAVOURS = release asan plain tsan nosimd

objects = $(patsubst %.c,build/$(1)/%.o,$(2))

define flavour_rules
build/$(1)/%.o: %.c Makefile
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CFLAGS) $$(FLAVOUR_FLAGS_$(1)) -Itests/unit -MMD -MP -c -o $$@ $$<
endef
$(foreach f,$(FLAVOURS),$(eval $(call flavour_rules,$(f))))

.PHONY: all clean install uninstall check check-builds example deps bench fuzz print-lib-sources print-version \
	docker-facts

all: falco2seccomp

falco2seccomp: $(call objects,release,$(LIB_SOURCES) $(MAIN))
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) $(LIBS)

define flavour_binary
build/$(1)/falco2seccomp: $(call objects,$(1),$(LIB_SOURCES) $(MAIN))
	$$(CC) $$(ALL_CFLAGS) $$(FLAVOUR_FLAGS_$(1)) -o $$@ $$^ $$(LDFLAGS) $$(LIBS)
endef
$(foreach f,asan plain tsan nosimd,$(eval $(call flavour_binary,$(f))))

build/asan/unit_tests: $(call objects,asan,$(LIB_SOURCES) $(UNIT_SOURCES))
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -o $@ $^ $(LDFLAGS) $(LIBS)

# The fuzz targets built with gcc and a main that replays their corpus and
# regression inputs once, for make check; `make fuzz` builds them with
# clang's libFuzzer and fuzzes for minutes.
FUZZ_REPLAYS = $(patsubst %,build/asan/fuzz_%,$(FUZZ_TARGETS))
$(FUZZ_REPLAYS): build/asan/fuzz_%: build/asan/fuzz/fuzz_%.o build/asan/fuzz/replay.o $(call objects,asan,$(LIB_SOURCES))
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -o $@ $^ $(LDFLAGS) $(LIBS)

# The aarch64 build, cross-compiled (Debian's gcc-aarch64-linux-gnu and the
# arm64 -dev packages through multiarch) and run under qemu-user by
# tests/aarch64.sh: the same sources, without x86's SIMD paths.
AARCH64_CC ?= aarch64-linux-gnu-gcc
AARCH64_PKG = PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig $(PKG_CONFIG)
AARCH64_CFLAGS = -std=c11 -pthread -D_GNU_SOURCE -DF2S_VERSION='"$(VERSION)"' -Isrc -Itests/unit \
	$(shell $(AARCH64_PKG) --cflags libcjson libseccomp zlib libzstd yaml-0.1 2>/dev/null) $(WARNINGS) -O1 -g -Werror
AARCH64_LIBS = $(shell $(AARCH64_PKG) --libs libcjson libseccomp zlib libzstd yaml-0.1 2>/dev/null) -lm -pthread

build/aarch64/%.o: %.c Makefile
	@mkdir -p $(@D)
	$(AARCH64_CC) $(AARCH64_CFLAGS) -MMD -MP -c -o $@ $<

build/aarch64/falco2seccomp: $(call objects,aarch64,$(LIB_SOURCES) $(MAIN))
	$(AARCH64_CC) $(AARCH64_CFLAGS) -o $@ $^ $(AARCH64_LIBS)

build/aarch64/unit_tests: $(call objects,aarch64,$(LIB_SOURCES) $(UNIT_SOURCES))
	$(AARCH64_CC) $(AARCH64_CFLAGS) -o $@ $^ $(AARCH64_LIBS)

CHECK_BUILDS = falco2seccomp build/asan/falco2seccomp build/asan/unit_tests build/plain/falco2seccomp \
	build/tsan/falco2seccomp build/nosimd/falco2seccomp build/aarch64/falco2seccomp build/aarch64/unit_tests \
	$(FUZZ_REPLAYS)
check-builds: $(CHECK_BUILDS)

-include $(wildcard build/*/src/*/*.d build/*/tests/unit/*.d build/*/fuzz/*.d)

# The one source list and the version, for fuzz/run.sh.
print-lib-sources:
	@echo $(LIB_SOURCES)

print-version:
	@echo $(VERSION)

deps:
	@scripts/deps.sh build

# Docker's facts, generated from its file (data/moby/README.md says which).
docker-facts:
	python3 scripts/docker_facts.py

example: deps falco2seccomp
	./falco2seccomp -log examples/events.jsonl -container-id 3ad7b26ded6d

check:
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory -j$$(nproc) check-builds
	@tests/run_all.sh

bench: falco2seccomp
	@scripts/deps.sh bench
	@bench/run.sh

fuzz:
	@scripts/deps.sh fuzz
	@fuzz/run.sh 300

install: falco2seccomp
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 falco2seccomp $(DESTDIR)$(BINDIR)/falco2seccomp
	install -m 644 man/falco2seccomp.1 $(DESTDIR)$(MANDIR)/man1/falco2seccomp.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/falco2seccomp $(DESTDIR)$(MANDIR)/man1/falco2seccomp.1

clean:
	rm -rf falco2seccomp build
