#!/usr/bin/env bash
# Builds Visions+21 with AddressSanitizer and UndefinedBehaviorSanitizer into
# _build-asan and runs the core, CLI and render suites there: any invalid memory
# access, leak or undefined behaviour fails the run. Extra arguments go to
# `meson test` (e.g. a test name).
#
#   tests/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=_build-asan

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
ninja -C "$build" >/dev/null

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export G_SLICE=always-malloc

suites=()
for suite in core cli render; do
  if meson test -C "$build" --list 2>/dev/null | grep -q "^visions21:$suite / "; then
    suites+=(--suite "$suite")
  fi
done
meson test -C "$build" --print-errorlogs --num-processes 2 "${suites[@]}" "$@"
