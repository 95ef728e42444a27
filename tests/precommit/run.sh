#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, end to end: a sample repository made by
# `isms init` uses this repository's hooks, and pre-commit installs and runs them.
#
# Like `pre-commit try-repo`, the hooks come from a snapshot commit of this working tree
# (HEAD plus every change, untracked files included) in a scratch clone, so uncommitted
# work is tested. Unlike try-repo, whose store is a new temporary directory on every call,
# all runs share one PRE_COMMIT_HOME: the hook environment (a release `cargo install` of
# this crate, the slow part) is built once. CARGO_TARGET_DIR is this repository's target/,
# so the hook's release build reuses the dependencies `cargo build --release` compiled
# (CI builds them just before) and only recompiles this crate.
#
# Needs git, cargo and python3; installs pre-commit into target/precommit/venv if it is
# not on PATH. Usage: tests/precommit/run.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
state="$root/target/precommit"
mkdir -p "$state"
work=$(mktemp -d "${TMPDIR:-/tmp}/isms-precommit.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() {
  printf 'FAILED: %s\n' "$*" >&2
  exit 1
}

step "pre-commit"
if command -v pre-commit >/dev/null 2>&1; then
  precommit=$(command -v pre-commit)
else
  if [ ! -x "$state/venv/bin/pre-commit" ]; then
    python3 -m venv "$state/venv"
    "$state/venv/bin/pip" install --quiet pre-commit
  fi
  precommit="$state/venv/bin/pre-commit"
fi
"$precommit" --version

step "isms for the sample project"
(cd "$root" && cargo build --quiet -p isms)
isms="$root/target/debug/isms"

step "snapshot of the working tree"
# A scratch clone receives a commit of the working tree as it is; the real index, refs
# and object store of this repository are not touched.
hooks_repo="$work/isms-repo"
git clone --quiet --no-checkout "$root" "$hooks_repo"
tree=$(
  cd "$root"
  export GIT_INDEX_FILE="$work/index" GIT_OBJECT_DIRECTORY="$hooks_repo/.git/objects"
  git read-tree HEAD
  git add --all
  git write-tree
)
rev=$(
  cd "$hooks_repo"
  export GIT_AUTHOR_NAME=isms GIT_AUTHOR_EMAIL=isms@localhost
  export GIT_COMMITTER_NAME=isms GIT_COMMITTER_EMAIL=isms@localhost
  git commit-tree "$tree" -p HEAD -m "working tree snapshot"
)
git -C "$hooks_repo" update-ref refs/heads/snapshot "$rev"
echo "hooks from $hooks_repo at $rev"

export PRE_COMMIT_HOME="$work/pre-commit-home"
export CARGO_TARGET_DIR="$root/target"
export NO_COLOR=1

# A git repository holding a fresh `isms init` project whose .pre-commit-config.yaml
# points at the snapshot instead of the published repository.
sample_repo() {
  local dir="$work/$1"
  "$isms" init "$dir" >/dev/null
  sed -i.orig \
    -e "s|repo: https://github.com/isms-lang/isms|repo: $hooks_repo|" \
    -e "s|rev: v0.1.0|rev: $rev|" \
    "$dir/.pre-commit-config.yaml"
  rm "$dir/.pre-commit-config.yaml.orig"
  grep -q "rev: $rev" "$dir/.pre-commit-config.yaml" || fail "the scaffold's config changed shape"
  git -C "$dir" init --quiet
  echo "$dir"
}

# run DIR HOOK: pre-commit's output in $work/out, its exit status returned.
run() {
  local status=0
  (cd "$1" && "$precommit" run "$2" --all-files --color never) >"$work/out" 2>&1 || status=$?
  cat "$work/out"
  return "$status"
}

passed=0
expect_pass() {
  run "$1" "$2" || fail "$2 should pass in $1"
}

expect_fail() {
  if run "$1" "$2"; then
    fail "$2 should fail in $1"
  fi
}

# Closes a case whose expectations all held.
ok() {
  passed=$((passed + 1))
  echo "ok: $*"
}

step "a clean project with one unformatted file"
clean=$(sample_repo clean)
printf 'person   deputy "TODO: Deputy CISO"   {   roles ciso }\n' >"$clean/people.isms"
git -C "$clean" add --all

step "isms-check passes (installs the hook environment once)"
expect_pass "$clean" isms-check
ok "isms-check passes on a clean project"

step "isms-fmt fails and reformats the file"
expect_fail "$clean" isms-fmt
grep -q "files were modified by this hook" "$work/out" || fail "isms-fmt did not report its fix"
[ "$(cat "$clean/people.isms")" = 'person deputy "TODO: Deputy CISO" { roles ciso }' ] ||
  fail "people.isms was not formatted: $(cat "$clean/people.isms")"
ok "isms-fmt fails on an unformatted file and fixes it"

step "isms-fmt passes on the formatted files"
git -C "$clean" add --all
expect_pass "$clean" isms-fmt
ok "isms-fmt passes on formatted files"

step "isms-check fails on a project with an error"
broken=$(sample_repo broken)
printf 'risk R-1 "Unowned risk" {\n  likelihood 2\n  impact 2\n}\n' >"$broken/risks.isms"
git -C "$broken" add --all
expect_fail "$broken" isms-check
grep -q "risk/missing-owner" "$work/out" || fail "isms-check did not report risk/missing-owner"
ok "isms-check fails on a project with an error"

step "summary"
echo "pre-commit hooks: $passed passed, 0 failed"
