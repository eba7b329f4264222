#!/usr/bin/env bash
# Runs the whole test suite under the sanitizers: address + undefined behaviour, then thread.
# Usage: Tests/sanitize.sh [address|thread]...   (default: both)
# Each sanitizer builds into its own folder (.build-asan, .build-tsan) so the normal build stays as it is.
# The end-to-end tests run the instrumented `themescan` binary too, so every child process is checked as well.
set -euo pipefail
cd "$(dirname "$0")/.."

# Stop at the first report, so a finding fails the run instead of scrolling past.
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
# Leaks inside the toolchain's libraries are listed, with the reason, in this file.
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/Tests/lsan-suppressions.txt:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"

kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(address thread)
status=0
for kind in "${kinds[@]}"; do
  case "$kind" in
    # Swift has no undefined-behaviour sanitizer on Linux (its arithmetic traps already); the C targets get clang's.
    address) flags=(--sanitize=address -Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined); path=.build-asan ;;
    thread) flags=(--sanitize=thread); path=.build-tsan ;;
    *) echo "unknown sanitizer: $kind (use address or thread)" >&2; exit 2 ;;
  esac
  echo "== swift test ${flags[*]}"
  # The hostile suites then allow ten times longer before calling a run hung, and leave peak memory unchecked:
  # it would measure the sanitizer's shadow memory, not ThemeScan's.
  if THEMESCAN_SANITIZER="$kind" swift test --build-path "$path" "${flags[@]}"; then
    echo "== $kind: clean"
  else
    echo "== $kind: FAILED" >&2
    status=1
  fi
done
exit $status
