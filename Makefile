# falco2seccomp: see README.md. `make` builds, `make check` runs every test.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
LDFLAGS ?=
PKG_CONFIG ?= pkg-config
VERSION = 0.2.0

WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wwrite-strings -Wformat=2 -Wconversion
# Recursive (=), so that they are asked for when a recipe runs: after `deps`.
DEPS_CFLAGS = $(shell $(PKG_CONFIG) --cflags libcjson libseccomp zlib libzstd yaml-0.1 2>/dev/null || echo -I/usr/include/cjson)
DEPS_LIBS = $(shell $(PKG_CONFIG) --libs libcjson libseccomp zlib libzstd yaml-0.1 2>/dev/null || echo -lcjson -lseccomp -lz -lzstd -lyaml)
ALL_CFLAGS = -std=c11 -pthread -D_GNU_SOURCE -DF2S_VERSION='"$(VERSION)"' -Iinclude $(DEPS_CFLAGS) $(WARNINGS) $(CFLAGS)
LIBS = $(DEPS_LIBS) -lm -pthread

LIB_SOURCES = src/arg_facts.c src/arg_rules.c src/container_filter.c src/container_life.c src/docker_default.c src/event.c src/json_arena.c src/json_scan.c src/json_writer.c src/line_reader.c src/log_source.c \
	src/merge.c src/options.c src/output.c src/output_names.c src/read_ahead.c src/profile.c src/profile_judge.c src/profile_set.c src/rule_order.c \
	src/report.c src/run.c src/runtime_baseline.c src/scan.c src/syscall_names.c src/syscall_set.c src/translate.c src/workload.c src/yaml_tree.c
SOURCES = $(LIB_SOURCES) src/main.c
HEADERS = $(wildcard include/*.h)

# The sanitizer build that tests run; warnings are errors there.
SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -Werror

.PHONY: all clean install uninstall check example deps bench fuzz print-lib-sources print-version

all: falco2seccomp

falco2seccomp: $(SOURCES) $(HEADERS) Makefile
	$(CC) $(ALL_CFLAGS) -o $@ $(SOURCES) $(LDFLAGS) $(LIBS)

build/asan/falco2seccomp: $(SOURCES) $(HEADERS) Makefile
	@mkdir -p build/asan
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -o $@ $(SOURCES) $(LDFLAGS) $(LIBS)

build/asan/unit_tests: tests/unit/*.c tests/unit/*.h $(LIB_SOURCES) $(HEADERS) Makefile
	@mkdir -p build/asan
	$(CC) $(ALL_CFLAGS) $(SAN_FLAGS) -Itests/unit -o $@ tests/unit/*.c $(LIB_SOURCES) $(LDFLAGS) $(LIBS)

# A plain build with -Werror, for valgrind (which cannot run ASan binaries, nor read
# the DWARF 5 that clang writes by default).
build/plain/falco2seccomp: $(SOURCES) $(HEADERS) Makefile
	@mkdir -p build/plain
	$(CC) $(ALL_CFLAGS) -O1 -g -gdwarf-4 -Werror -o $@ $(SOURCES) $(LDFLAGS) $(LIBS)

# The one source list and the version, for fuzz/run.sh.
print-lib-sources:
	@echo $(LIB_SOURCES)

print-version:
	@echo $(VERSION)

deps:
	@scripts/deps.sh build

example: deps falco2seccomp
	./falco2seccomp -log examples/events.jsonl -container-id 3ad7b26ded6d

check: 
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory build/asan/falco2seccomp build/asan/unit_tests build/plain/falco2seccomp falco2seccomp
	@tests/run_all.sh

bench: falco2seccomp
	@scripts/deps.sh bench
	@bench/run.sh

fuzz:
	@scripts/deps.sh test
	@fuzz/run.sh 300

install: falco2seccomp
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 falco2seccomp $(DESTDIR)$(BINDIR)/falco2seccomp
	install -m 644 man/falco2seccomp.1 $(DESTDIR)$(MANDIR)/man1/falco2seccomp.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/falco2seccomp $(DESTDIR)$(MANDIR)/man1/falco2seccomp.1

clean:
	rm -rf falco2seccomp build
