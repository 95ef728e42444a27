#!/usr/bin/env bash
# Whole-process comparison: `isms check` against jq running the same rules over the same
# model as JSON, and against regorus (the Rust Rego engine) running benches/rego/defects.rego
# through the small runner in benches/rego. First checks that all report the same defect
# counts, then times them with hyperfine (or one run each when hyperfine is missing) and
# prints the ratios. When the runner does not build (offline, say), regorus is skipped.
#
#   benches/compare.sh [N…]        (default: 300 10000 100000 risks)
#   QUICK=1 benches/compare.sh     (one run each, for CI smoke tests)
#   NO_REGO=1 benches/compare.sh   (without regorus)
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(300 10000 100000)
cargo build --release --quiet -p isms -p isms-xtask
isms=target/release/isms
gen=target/release/isms-gen
work=target/compare
mkdir -p "$work"

# The regorus runner is its own crate, outside the workspace, with its own target directory.
rego=target/rego/release/rego-check
policy=benches/rego/defects.rego
if [ -n "${NO_REGO:-}" ]; then
  rego=
elif ! CARGO_TARGET_DIR=target/rego cargo build --release --quiet --locked \
  --manifest-path benches/rego/Cargo.toml 2>"$work/rego-build.log"; then
  echo "note: the regorus runner did not build (see $work/rego-build.log): regorus skipped"
  rego=
fi

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

# Seconds as a duration, or a dash when the tool was skipped; the ratio of two of them.
secs() { if [ -n "$1" ]; then printf '%9.3fs' "$1"; else printf '%10s' -; fi; }
ratio() { if [ -n "$1" ]; then printf '%8.2f' "$(echo "$1 / $2" | bc -l)"; else printf '%8s' -; fi; }
counts='[.diagnostics[].code] | group_by(.) | map({key: .[0], value: length}) | from_entries'

printf '%-8s %-8s %10s %10s %10s %8s %8s\n' risks input isms jq regorus jq/isms rego/isms
for n in "${sizes[@]}"; do
  dir="$work/$n"
  [ -d "$dir/isms" ] || "$gen" "$n" "$dir" >/dev/null
  want=$(jq -cS "$rules" "$dir/model.json")
  # isms exits 1 because the project has errors: that is the expected outcome here.
  got=$({ "$isms" check "$dir/isms" --today 2026-11-23 --format json || true; } | jq -cS "$counts")
  if [ "$want" != "$got" ]; then
    echo "defect counts differ for $n risks: jq $want, isms $got" >&2
    exit 1
  fi
  if [ -n "$rego" ]; then
    got=$("$rego" "$policy" "$dir/model.json" | jq -cS .)
    if [ "$want" != "$got" ]; then
      echo "defect counts differ for $n risks: jq $want, regorus $got" >&2
      exit 1
    fi
  fi
  size=$(du -sh "$dir/isms" | cut -f1)
  t_rego=
  if command -v hyperfine >/dev/null && [ -z "${QUICK:-}" ]; then
    hyperfine --warmup 1 --runs 5 --ignore-failure --export-json "$dir/times.json" \
      "$isms check $dir/isms --today 2026-11-23 --format json" \
      "jq -c '$rules' $dir/model.json" \
      ${rego:+"$rego $policy $dir/model.json"} >/dev/null
    t_isms=$(jq '.results[0].median' "$dir/times.json")
    t_jq=$(jq '.results[1].median' "$dir/times.json")
    [ -z "$rego" ] || t_rego=$(jq '.results[2].median' "$dir/times.json")
  else
    s=$(date +%s.%N); "$isms" check "$dir/isms" --today 2026-11-23 --format json >/dev/null || true
    t_isms=$(echo "$(date +%s.%N) - $s" | bc)
    s=$(date +%s.%N); jq -c "$rules" "$dir/model.json" >/dev/null
    t_jq=$(echo "$(date +%s.%N) - $s" | bc)
    if [ -n "$rego" ]; then
      s=$(date +%s.%N); "$rego" "$policy" "$dir/model.json" >/dev/null
      t_rego=$(echo "$(date +%s.%N) - $s" | bc)
    fi
  fi
  printf '%-8s %-8s %s %s %s %s %s\n' "$n" "$size" "$(secs "$t_isms")" "$(secs "$t_jq")" \
    "$(secs "$t_rego")" "$(ratio "$t_jq" "$t_isms")" "$(ratio "$t_rego" "$t_isms")"
done
echo "same defect counts at every size (isms runs all of its rules; jq${rego:+ and regorus} only the four seeded ones)"
