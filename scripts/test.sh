#!/usr/bin/env bash
# Installs what is missing, builds into _build and runs every test headless
# (the GUI tests on a virtual X screen), then the reliability and performance
# harness: the kill test on a 10,000-card workshop, valgrind on the core tests,
# the core and CLI tests under AddressSanitizer and UBSan, each fuzzer for
# V21_FUZZ_SECONDS (default 60), the benchmarks at the smoke size and a
# rotating subset of the mutation suite (V21_MUTATIONS mutants, default 10;
# tests/mutations/README.md).
#
# Extra arguments go to `meson test` and run only that (no harness); so does
# V21_HARNESS=0.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
xvfb=(xvfb-run -a -s "-screen 0 1280x800x24")
if [ $# -gt 0 ] || [ "${V21_HARNESS:-1}" = 0 ]; then
  exec "${xvfb[@]}" meson test -C _build --print-errorlogs --num-processes 2 "$@"
fi

step () {
  local name=$1 start=$SECONDS
  shift
  echo "== $name"
  "$@"
  echo "== $name: done in $((SECONDS - start)) s"
}

step "tests" "${xvfb[@]}" meson test -C _build --print-errorlogs --num-processes 2
step "kill test" meson test -C _build --suite reliability --print-errorlogs
step "valgrind (core)" meson test -C _build --setup valgrind --suite core --print-errorlogs --num-processes 2
step "sanitizers" tests/sanitize.sh
step "fuzzing" tests/fuzz/run.sh "${V21_FUZZ_SECONDS:-60}"
step "benchmarks (smoke size; figures not asserted)" \
  "${xvfb[@]}" meson test -C _build --benchmark --suite bench --print-errorlogs
step "mutations (each applies)" tests/mutations/run.sh --check
step "mutations (a rotating subset, each caught)" tests/mutations/run.sh --subset "${V21_MUTATIONS:-10}"
