#!/usr/bin/env bash
# Whole-process comparison: `isms check` against jq running the same rules over the same
# model as JSON. First checks that both report the same defect counts, then times both
# with hyperfine (or a plain loop when hyperfine is missing) and prints the ratios.
#
#   benches/compare.sh [N…]        (default: 300 10000 100000 risks)
#   QUICK=1 benches/compare.sh     (one run each, for CI smoke tests)
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(300 10000 100000)
cargo build --release --quiet -p isms -p isms-xtask
isms=target/release/isms
gen=target/release/isms-gen
work=target/compare
mkdir -p "$work"

# The four seeded defect kinds, as jq rules over the JSON model.
rules='
  ((.roles | map(.id)) + (.persons | map(.id)) | map({(.): true}) | add) as $owners
  | [ .risks[]
      | (if .owner == null then "risk/missing-owner" else empty end),
        (if .treatment == null then "risk/missing-treatment" else empty end),
        (if .owner != null and ($owners[.owner] | not) then "ref/unknown" else empty end),
        (if .likelihood < 1 or .likelihood > 5 then "value/out-of-scale" else empty end),
        (if .impact < 1 or .impact > 5 then "value/out-of-scale" else empty end) ]
  | group_by(.) | map({key: .[0], value: length}) | from_entries'

printf '%-8s %-10s %10s %10s %8s\n' risks input isms jq "jq/isms"
for n in "${sizes[@]}"; do
  dir="$work/$n"
  [ -d "$dir/isms" ] || "$gen" "$n" "$dir" >/dev/null
  want=$(jq -cS "$rules" "$dir/model.json")
  # isms exits 1 because the project has errors: that is the expected outcome here.
  got=$({ "$isms" check "$dir/isms" --today 2026-11-23 --format json || true; } | jq -cS '
    [.diagnostics[].code] | group_by(.) | map({key: .[0], value: length}) | from_entries')
  if [ "$want" != "$got" ]; then
    echo "defect counts differ for $n risks: jq $want, isms $got" >&2
    exit 1
  fi
  size=$(du -sh "$dir/isms" | cut -f1)
  if command -v hyperfine >/dev/null && [ -z "${QUICK:-}" ]; then
    hyperfine --warmup 1 --runs 5 --ignore-failure --export-json "$dir/times.json" \
      "$isms check $dir/isms --today 2026-11-23 --format json" \
      "jq -c '$rules' $dir/model.json" >/dev/null
    t_isms=$(jq '.results[0].median' "$dir/times.json")
    t_jq=$(jq '.results[1].median' "$dir/times.json")
  else
    s=$(date +%s.%N); "$isms" check "$dir/isms" --today 2026-11-23 --format json >/dev/null || true
    t_isms=$(echo "$(date +%s.%N) - $s" | bc)
    s=$(date +%s.%N); jq -c "$rules" "$dir/model.json" >/dev/null
    t_jq=$(echo "$(date +%s.%N) - $s" | bc)
  fi
  printf '%-8s %-10s %9.3fs %9.3fs %8.2f\n' "$n" "$size" "$t_isms" "$t_jq" "$(echo "$t_jq / $t_isms" | bc -l)"
done
echo "same defect counts at every size (isms runs all of its rules; jq only the four seeded ones)"
