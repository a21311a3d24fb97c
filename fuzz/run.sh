#!/usr/bin/env bash
# Seeds each target's corpus from corpus/ and fuzzes the targets one after the other on the
# stable toolchain (no sanitizer), SECONDS each (default 120).
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Crashes land in fuzz/artifacts/TARGET/; copy them to tests/regressions/ so that
# `cargo test --test regressions` replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(extract_text html_to_text edgar number)
for t in "${targets[@]}"; do
  dir=fuzz/corpus/$t
  mkdir -p "$dir"
  case $t in
    extract_text) cp -n corpus/*.txt corpus/*.html "$dir"/ ;;
    html_to_text) cp -n corpus/*.html "$dir"/ ;;
    edgar) cp -n corpus/*edgar*.txt "$dir"/ ;;
    number) : ;;
  esac
  cargo fuzz run -s none -a "$t" "$dir" -- \
    -max_total_time="$seconds" -dict=fuzz/minerpress.dict -use_value_profile=1 \
    -max_len=16384 -print_final_stats=1
done
