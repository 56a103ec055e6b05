#!/usr/bin/env bash
# Installs what is missing, builds into _build and opens Visions+21 on the demo
# workshop (or on the files given as arguments).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
if [ $# -eq 0 ]; then
  set -- data/examples/demo.visions21
fi
exec _build/src/visions21 "$@"
