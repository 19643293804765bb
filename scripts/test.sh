#!/usr/bin/env bash
# The whole test suite: install what is missing, build and run every test
# in release mode (the statistical validation runs millions of customers).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
log=$(mktemp)
set +e
swift test -c release --disable-swift-testing 2>&1 | tee "$log" | grep -vE '^\[[0-9]+/[0-9]+\]|^Test Case .* started'
status=${PIPESTATUS[0]}
set -e
# One plain closing line: how many XCTest cases passed and failed.
executed=$(grep -E "^[[:space:]]*Executed [0-9]+ tests" "$log" | tail -1 | sed -E 's/.*Executed ([0-9]+) tests?, with ([0-9]+) failures?.*/\1 \2/')
rm -f "$log"
if [ -n "$executed" ]; then
  set -- $executed
  echo "tests: $(( $1 - $2 )) passed, $2 failed"
fi
exit "$status"
