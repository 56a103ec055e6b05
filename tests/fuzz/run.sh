#!/usr/bin/env bash
# Fuzzes the loader (and every target listed in tests/fuzz/targets) with libFuzzer,
# each for SECONDS (default 60), and fails on any crash, leak, timeout or GLib
# warning. Builds with clang, AddressSanitizer and UndefinedBehaviorSanitizer in
# its own build folder, _build-fuzz (the normal build uses gcc).
#
#   tests/fuzz/run.sh [SECONDS]
#
# What a crash leaves: _build-fuzz/fuzz-artifacts/NAME-crash-… (or -leak-, -timeout-).
# Replay it with `_build-fuzz/tests/fuzz/NAME FILE`; then copy it to tests/data/bad/
# with a name that says what is wrong, add its line to tests/data/bad/EXPECTED,
# and fix the cause in src/core (the bad-fixtures and replay tests keep it fixed).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=_build-fuzz

# clang and libFuzzer come from Debian's clang and libclang-rt-14-dev; only this
# script needs them, so only this script installs them.
missing=()
for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "fuzz: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi

mapfile -t lines < <(grep -v '^[[:space:]]*#' tests/fuzz/targets | grep -v '^[[:space:]]*$')
names=()
for line in "${lines[@]}"; do
  read -r -a words <<<"$line"
  names+=("tests/fuzz/${words[0]}")
done
ninja -C "$build" "${names[@]}" >/dev/null

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
mkdir -p "$build/fuzz-artifacts"

status=0
for line in "${lines[@]}"; do
  read -r -a words <<<"$line"
  name=${words[0]}
  seeds=("${words[@]:1}")
  corpus="$build/fuzz-corpus/$name"
  mkdir -p "$corpus"
  dict=()
  [ -f "tests/fuzz/$name.dict" ] && dict=(-dict="tests/fuzz/$name.dict")
  echo "fuzz: $name for ${seconds}s (seeds: ${seeds[*]})"
  # New inputs go to the first folder (the working corpus); the seeds are only read.
  if ! "$build/tests/fuzz/$name" "$corpus" "${seeds[@]}" "${dict[@]}" \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$build/fuzz-artifacts/$name-" -print_final_stats=1 \
       >"$build/fuzz-$name.log" 2>&1; then
    status=1
    echo "fuzz: $name FAILED — see $build/fuzz-$name.log and $build/fuzz-artifacts/" >&2
    grep -E "ERROR|SUMMARY|Test unit written|GLib" "$build/fuzz-$name.log" | head -20 >&2 || true
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$build/fuzz-$name.log" | tail -3
    echo "fuzz: $name ok"
  fi
done
exit $status
