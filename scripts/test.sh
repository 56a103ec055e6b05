#!/usr/bin/env bash
# Installs what is missing, builds into _build and runs every test headless
# (the GUI tests on a virtual X screen). Extra arguments go to `meson test`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C _build --print-errorlogs --num-processes 2 "$@"
