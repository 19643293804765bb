#!/usr/bin/env bash
# Mutation check: makes each small deliberate bug listed in a mutants file
# (default scripts/mutants.txt) one at a time in the working tree, runs the
# whole test suite against it, restores the file, and reports whether the
# suite caught it. Lines: FILE<TAB>ORIGINAL TEXT<TAB>MUTATED TEXT<TAB>WHAT
# (the original text must occur exactly once in FILE). Slow: one build and
# one suite run per mutant (the fuzz suite, which checks input handling, is skipped).
set -uo pipefail
cd "$(dirname "$0")/.."
list="${1:-scripts/mutants.txt}"
caught=0; missed=0; n=0
while IFS=$'\t' read -r file original mutated what; do
  [ -z "${file:-}" ] && continue
  case "$file" in \#*) continue ;; esac
  n=$((n + 1))
  cp "$file" "$file.orig"
  if ! python3 - "$file" "$original" "$mutated" <<'PY'
import sys
path, old, new = (a.replace("\\n", "\n") for a in sys.argv[1:4])
text = open(path).read()
if text.count(old) != 1:
    sys.exit(f"mutant not applicable: {old!r} occurs {text.count(old)} times in {path}")
open(path, "w").write(text.replace(old, new))
PY
  then mv "$file.orig" "$file"; echo "SKIP  $n $what"; continue; fi
  if ! swift build -c release --build-tests >/dev/null 2>&1; then
    echo "BROKEN $n $what (does not compile: not a valid mutant)"
  elif swift test -c release --disable-swift-testing --skip-build --skip FuzzTests >/dev/null 2>&1; then
    missed=$((missed + 1)); echo "MISS  $n $what"
  else
    caught=$((caught + 1)); echo "CAUGHT $n $what"
  fi
  mv "$file.orig" "$file"
done < "$list"
echo "mutants: $caught caught, $missed missed"
