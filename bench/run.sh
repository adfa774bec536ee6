#!/bin/sh
# make bench: times falco2seccomp, the jq pipeline people use today, and
# `wc -l` (the reader's limit) on the same generated logs, in one run, and
# reports throughput, ratios and peak memory. Each timing is the best of
# five runs, files in the page cache, taken by bench/timeit.c (wall time to
# the microsecond, peak resident set size from wait4). The gzip and zstd
# logs are timed against decompressing them into wc -l. The last table
# holds each figure against its target, from issues 5 and 11:
#   1M lines, one of five containers wanted    >= 20x jq, <= 1.5x wc -l
#   1M lines, every line the wanted container    >= 5x jq, <= 3x wc -l
#   gzip and zstd logs                           <= 1.3x decompressing into wc -l
#   peak memory on 10 MB and 1 GB logs           < 16 MiB per job, flat
#   --strict, --full-parse: --jobs 2             faster than --jobs 1 (issue 17)
#   --diff of two 100,000-rule profiles, --group-by of 65,536 workloads, 65,536 profiles written   seconds (issue 17)
# Results go to standard output and bench/out/results.txt.
set -eu
export LC_ALL=C
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
cc -O2 -o "$out/genlog" bench/genlog.c
cc -O2 -o "$out/timeit" bench/timeit.c
binary=./falco2seccomp
id=3ad7b26ded6d
jobs=$(nproc)
jq_filter='select(.output_fields["container.id"]=="'$id'") | .output_fields["syscall.type"] // empty'

[ -s "$out/mixed.jsonl" ] || "$out/genlog" 1000000 mixed >"$out/mixed.jsonl"
[ -s "$out/one.jsonl" ] || "$out/genlog" 1000000 one >"$out/one.jsonl"
[ -s "$out/small.jsonl" ] || "$out/genlog" 19000 mixed >"$out/small.jsonl"
[ -s "$out/large.jsonl" ] || "$out/genlog" 1850000 mixed >"$out/large.jsonl"
[ -s "$out/mixed.jsonl.gz" ] || gzip -6 -c "$out/mixed.jsonl" >"$out/mixed.jsonl.gz"
[ -s "$out/mixed.jsonl.zst" ] || zstd -q -3 -c "$out/mixed.jsonl" >"$out/mixed.jsonl.zst"

# best_of COMMAND: prints "SECONDS PEAK_KIB" of the fastest of five runs;
# stops the benchmark when the command fails.
best_of() {
	command=$1
	best=""
	for run in 1 2 3 4 5; do
		if ! timing=$("$out/timeit" "$command"); then
			echo "bench: failed: $command" >&2
			exit 1
		fi
		set -- $timing
		if [ -z "$best" ] || awk "BEGIN { exit !($1 < $best) }"; then
			best=$1
			best_peak=$2
		fi
	done
	echo "$best $best_peak"
}

mb() { awk "BEGIN { printf \"%.0f\", $(stat -c %s "$1") / 1e6 }"; }
targets="$out/targets"
: >"$targets"
# target LABEL VALUE BOUND LIMIT UNIT: notes a figure and whether it meets
# its target, BOUND "<=" (at most LIMIT) or ">=" (at least LIMIT).
target() {
	awk -v label="$1" -v value="$2" -v bound="$3" -v limit="$4" -v unit="$5" 'BEGIN {
		met = bound == "<=" ? value <= limit : value >= limit
		printf "%-40s %8.2f%-4s %s %s%-4s %s\n", label, value, unit, bound, limit, unit, met ? "met" : "NOT MET" }' >>"$targets"
}
{
	echo "falco2seccomp benchmark, $(date -u +%Y-%m-%d)"
	echo "machine: $jobs cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo),"\
		"$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
	echo "tools: $($binary --version), $(jq --version), $(wc --version | head -1)"
	echo
	printf '%-40s %14s %8s %8s %8s %9s\n' log tool seconds "MB/s" "vs jq" "peak KiB"
	for log in mixed one; do
		size=$(mb "$out/$log.jsonl")
		set -- $(best_of "$binary -q -log $out/$log.jsonl -container-id $id")
		f2s=$1 f2s_peak=$2
		set -- $(best_of "jq -r '$jq_filter' $out/$log.jsonl | sort -u")
		jq_time=$1 jq_peak=$2
		set -- $(best_of "wc -l $out/$log.jsonl")
		wc_time=$1 wc_peak=$2
		case $log in
		mixed) label="1M lines, 1 of 5 containers + host, $size MB" jq_target=20 wc_target=1.5 ;;
		one) label="1M lines, all one container, $size MB" jq_target=5 wc_target=3 ;;
		esac
		for row in "falco2seccomp $f2s $f2s_peak" "jq|sort $jq_time $jq_peak" "wc-l $wc_time $wc_peak"; do
			set -- $row
			awk -v label="$label" -v tool="$1" -v t="$2" -v peak="$3" -v size="$size" -v jq="$jq_time" \
				'BEGIN { printf "%-40s %14s %8.3f %8.0f %7.1fx %9d\n", label, tool, t, size / t, jq / t, peak }'
			label=""
		done
		target "$log log: times faster than jq" "$(awk "BEGIN { print $jq_time / $f2s }")" ">=" "$jq_target" "x"
		target "$log log: times the time of wc -l" "$(awk "BEGIN { print $f2s / $wc_time }")" "<=" "$wc_target" "x"
	done
	echo
	# Every core against one.
	for log in mixed one; do
		set -- $(best_of "$binary -q --jobs 1 -log $out/$log.jsonl -container-id $id")
		one=$1
		set -- $(best_of "$binary -q -log $out/$log.jsonl -container-id $id")
		many=$1 many_peak=$2
		set -- $(best_of "wc -l $out/$log.jsonl")
		awk -v name="$log" -v one="$one" -v many="$many" -v wc="$1" -v jobs="$jobs" -v peak="$many_peak" \
			'BEGIN { printf "%s log: --jobs 1 %.3f s, --jobs %d %.3f s (%.1fx faster), %.2fx wc -l, peak %d KiB\n", name, one, jobs, many, one / many, many / wc, peak }'
	done
	echo
	# Compressed logs against decompressing the same into wc -l.
	for kind in gz zst; do
		case $kind in gz) decompress="gzip -dc" ;; zst) decompress="zstd -dc" ;; esac
		set -- $(best_of "$binary -q -log $out/mixed.jsonl.$kind -container-id $id")
		f2s=$1 f2s_peak=$2
		set -- $(best_of "$decompress $out/mixed.jsonl.$kind | wc -l")
		awk -v kind="$kind" -v t="$f2s" -v d="$1" -v peak="$f2s_peak" -v tool="$decompress" \
			'BEGIN { printf "%s log (1 of 5 containers): falco2seccomp %.3f s, %s | wc -l %.3f s: %.2fx, peak %d KiB\n", kind, t, tool, d, t / d, peak }'
		target "$kind log: times $decompress | wc -l" "$(awk "BEGIN { print $f2s / $1 }")" "<=" 1.3 "x"
	done
	echo
	for log in small large; do
		set -- $(best_of "$binary -q -log $out/$log.jsonl -container-id $id")
		echo "peak memory, $(mb "$out/$log.jsonl") MB log: $2 KiB with $jobs jobs ($1 s)"
		target "peak memory per job, $(mb "$out/$log.jsonl") MB log" "$(awk "BEGIN { print $2 / 1024 / $jobs }")" "<=" 16 "MiB"
	done
	echo
	# Issue 17: --strict and --full-parse decode every line with cJSON, no lock any more between the threads;
	# --diff and --group-by in n log n.
	for mode in --strict --full-parse; do
		set -- $(best_of "$binary -q $mode --jobs 1 -log $out/mixed.jsonl -container-id $id")
		one=$1
		set -- $(best_of "$binary -q $mode --jobs 2 -log $out/mixed.jsonl -container-id $id")
		two=$1
		awk -v mode="$mode" -v one="$one" -v two="$two" \
			'BEGIN { printf "mixed log %s: --jobs 1 %.3f s, --jobs 2 %.3f s (%.2fx)\n", mode, one, two, one / two }'
		target "mixed log $mode: --jobs 2 against --jobs 1" "$(awk "BEGIN { print $one / $two }")" ">=" 1 "x"
	done
	# Issue 30: a workload selection has no id to pre-filter lines by, and is read by one thread.
	set -- $(best_of "$binary -q -log $out/mixed.jsonl -container-id $id")
	by_id=$1
	set -- $(best_of "$binary -q -log $out/mixed.jsonl --image nginx")
	awk -v id="$by_id" -v image="$1" \
		'BEGIN { printf "mixed log, --image nginx %.3f s against -container-id %.3f s (%.1fx)\n", image, id, image / id }'
	for side in old new; do
		[ -s "$out/rules-$side.json" ] || awk -v side=$side 'BEGIN { printf "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":[";
			for (i = 0; i < 100000; i++) printf "%s{\"names\":[\"x_%s_%d\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":%d}",
				i ? "," : "", (i == 7 ? side : "same"), i, 1 + i % 100; printf "]}\n" }' >"$out/rules-$side.json"
	done
	set -- $(best_of "$binary --diff $out/rules-old.json $out/rules-new.json >/dev/null 2>&1; [ \$? = 1 ]")
	echo "--diff of two 100,000-rule profiles: $1 s, peak $2 KiB"
	target "--diff of two 100,000-rule profiles" "$1" "<=" 10 "s"
	[ -s "$out/images.jsonl" ] || awk 'BEGIN { for (i = 0; i < 65536; i++) printf "{\"output_fields\":{\"container.id\":\"%012x\",\"container.image.repository\":\"img%d\",\"evt.type\":\"read\",\"syscall.type\":\"read\"}}\n", i + 1, i }' >"$out/images.jsonl"
	set -- $(best_of "$binary -q --list-containers --group-by image -log $out/images.jsonl >/dev/null")
	echo "--group-by image of 65,536 workloads: $1 s, peak $2 KiB"
	target "--group-by of 65,536 workloads" "$1" "<=" 10 "s"
	# Writing them: one sync of the file system for the lot, not one fsync per profile.
	set -- $(best_of "rm -rf $out/profiles; $binary -q --all-containers --group-by image -log $out/images.jsonl --output-dir $out/profiles")
	echo "--all-containers --group-by image --output-dir, 65,536 profiles written: $1 s, peak $2 KiB"
	target "65,536 profiles written" "$1" "<=" 60 "s"
	rm -rf "$out/profiles"
	# The judge: every profile is built by libseccomp and asked its standing queries before it is written;
	# the same rules once a run. 256 containers with 256 distinct sets are 256 judgements.
	[ -s "$out/distinct.jsonl" ] || awk 'BEGIN { split("read write openat close mmap futex fstat lseek pread64 pwrite64 readv writev access pipe dup dup2 nanosleep getpid socket connect", n, " "); for (c = 1; c <= 256; c++) for (b = 0; b < 20; b++) if (int(c / 2^(b % 8)) % 2 || b < 3) printf "{\"output_fields\":{\"container.id\":\"%012x\",\"evt.type\":\"%s\",\"syscall.type\":\"%s\",\"evt.arg.domain\":\"AF_INET\"}}\n", c, n[b+1], n[b+1] }' >"$out/distinct.jsonl"
	set -- $(best_of "rm -rf $out/profiles; $binary -q --all-containers -log $out/distinct.jsonl --output-dir $out/profiles")
	echo "--all-containers, 256 distinct profiles, each judged on its built filters: $1 s, peak $2 KiB"
	target "256 distinct profiles judged" "$1" "<=" 5 "s"
	rm -rf "$out/profiles"
	# The reducer (--flush-every, issue 31): a node's containers churn, each living for 1,000 lines; fed in
	# chunks a little apart, so that it writes between them and forgets the idle ones. Peak memory over 8
	# chunks against 2: flat, whatever the number of containers a node ever ran.
	[ -s "$out/churn.jsonl" ] || "$out/genlog" 1000000 churn >"$out/churn.jsonl"
	rm -f "$out"/churn-part.*
	split -l 125000 -d -a 1 "$out/churn.jsonl" "$out/churn-part."
	for parts in 2 8; do
		files=$(ls "$out"/churn-part.* | head -n $parts | tr '\n' ' ')
		set -- $("$out/timeit" "rm -rf $out/reduced; for f in $files; do cat \$f; sleep 1.2; done | $binary -q --all-containers --group-by image --output-dir $out/reduced --flush-every 1")
		echo "--flush-every 1, $parts chunks of 125,000 churning lines ($((parts * 125)) containers): peak $2 KiB"
		eval "peak_$parts=$2"
	done
	awk -v a="$peak_2" -v b="$peak_8" 'BEGIN { printf "reducer peak memory, 8 chunks against 2: %.2fx\n", b / a }'
	target "reducer memory, 8 chunks against 2" "$(awk -v a="$peak_2" -v b="$peak_8" 'BEGIN { printf "%.2f", b / a }')" "<=" 1.2 "x"
	rm -rf "$out/reduced" "$out"/churn-part.*
	echo
	echo "targets (issues 5, 11, 17, 25 and 31):"
	cat "$targets"
} | tee "$out/results.txt"
