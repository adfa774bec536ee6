#!/bin/sh
# The brief fuzz run of `make check`: each libFuzzer target for 10 seconds.
# `make fuzz` runs them for 5 minutes each.
exec "$(dirname "$0")/../fuzz/run.sh" 10
