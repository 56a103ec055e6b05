#!/usr/bin/env bash
# Runs every benchmark on generated workshops of each size (default 1,000,
# 10,000 and 100,000 cards) in an optimised build, _build-bench, and prints the
# medians with the machine they were measured on.
#
#   tests/bench/run.sh [SIZE…]
#
# Figures, never assertions: the smoke size also runs in CI (scripts/test.sh) as
# `meson test -C _build --benchmark --suite bench`. Then the whole mutation
# suite (tests/mutations/run.sh --all), which does assert: every mutant caught.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=_build-bench
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Dbuildtype=debugoptimized >/dev/null
fi
ninja -C "$build" >/dev/null

# Some benchmarks need a display (the others do not mind one); the settings of
# the GUI tests.
run_gui=()
[ -n "${DISPLAY:-}" ] || run_gui=(xvfb-run -a -s "-screen 0 1280x800x24")
export GSETTINGS_SCHEMA_DIR="$PWD/$build/data" GSETTINGS_BACKEND=memory
export GDK_BACKEND=x11 GTK_A11Y=none NO_AT_BRIDGE=1 DBUS_SESSION_BUS_ADDRESS=disabled:
# No GPU on a CI machine: draw with cairo rather than GL on llvmpipe.
export GSK_RENDERER="${GSK_RENDERER:-cairo}"

echo "# Visions+21 benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; $(free -h | awk '/^Mem:/ {print $2}') memory; Linux $(uname -r)"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$build/bench-data"
for size in "${sizes[@]}"; do
  file="$build/bench-data/workshop-$size.visions21"
  "$build/tests/bench/gen-workshop" --cards "$size" -o "$file"
  "$build/src/visions21" check "$file"
  runs=11
  [ "$size" -le 10000 ] || runs=5
  echo
  echo "## $size cards ($(du -h "$file" | cut -f1)) — valid (visions21 check)"
  # The programs that take "--runs N FILE": bench_programs and bench_gui_programs
  # in tests/bench/meson.build (bench-board, -diagram and -report make their own
  # workshops: suite bench-full).
  for name in core edit scene frame wall; do
    "${run_gui[@]}" "$build/tests/bench/bench-$name" --runs "$runs" "$file"
  done
  if [ "$size" -le 10000 ]; then
    echo "# from a fresh heap (page faults included), 4 KiB pages"
    "$build/tests/bench/bench-core" --cold --runs 5 "$file" | grep -E '^(raw-parse|load)\b'
    echo "# from a fresh heap, transparent huge pages (as the visions21 program runs)"
    GLIBC_TUNABLES=glibc.malloc.hugetlb=1 "$build/tests/bench/bench-core" --cold --runs 5 "$file" \
      | grep -E '^(raw-parse|load)\b'
  fi
  "$build/tests/bench/bench-core" --memory "$file"
done

# Every mutant of the mutation suite (tests/mutations/README.md): CI runs a
# rotating subset; here, the whole set. V21_MUTATIONS=0 skips it.
if [ "${V21_MUTATIONS:-all}" != 0 ]; then
  echo
  echo "## mutation suite, every mutant (tests/mutations/run.sh --all)"
  tests/mutations/run.sh --all
fi
