#!/usr/bin/env bash
# Mutation smoke test: plants each bug of tests/mutations/*.mut in a scratch
# copy of the sources (_build-mutations/src: HEAD plus the working tree's
# changes), builds it once per mutant (incremental) and runs the tests the
# mutant names; a mutant they let through is a survivor and the run fails.
#
#   tests/mutations/run.sh [--check] [--subset N | --all] [NAME…]
#
# --check only verifies that every mutant still applies (no build): a stale
# mutant fails with what to re-anchor. See tests/mutations/README.md.
set -euo pipefail
exec python3 "$(dirname "$0")/mutate.py" "$@"
