#!/usr/bin/env bash
# The whole journey of a new user, through the real binary, in a temporary folder: start a
# salon in Ufa, open in Omsk and Novosibirsk, render the documents, export the bot configs,
# put them where the bot runtime reads them, lint clean; then break the bot config and see
# lint point at the line, and change the config and see `render --check` catch the stale
# documents. Each step says what it checks; the last line says whether all of them held.
#
# Usage: tests/journey.sh [path/to/regl]   (default: $CARGO_TARGET_DIR or target, debug)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
regl="${1:-${CARGO_TARGET_DIR:-$repo/target}/debug/regl}"
regl="$(cd "$(dirname "$regl")" && pwd)/$(basename "$regl")"
[[ -x "$regl" ]] || { echo "journey: no regl binary at $regl (build it first)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
export NO_COLOR=1

steps=0
step() { steps=$((steps + 1)); printf '%2d. %s\n' "$steps" "$*"; }
fail() { echo "JOURNEY FAILED at step $steps: $*" >&2; exit 1; }
# Runs regl, keeping its exit code and output instead of letting `set -e` end the script.
run() { set +e; out="$("$regl" "$@" 2>&1)"; code=$?; set -e; }
expect() {
  [[ "$code" == "$1" ]] || { printf '%s\n' "$out" >&2; fail "expected exit $1, got $code"; }
}

step "init: a salon in Уфа from the preset, with its bot config"
run init salon --name "Студия красоты «Лада»" --city Уфа
expect 0
[[ -f salon/business.toml && -f salon/bot/ufa.json ]] || fail "business.toml or bot/ufa.json missing"
cd salon

step "init: Омск and Новосибирск added, every earlier byte of business.toml kept"
cp business.toml ../before.toml
run init --city Омск; expect 0
run init --city Новосибирск; expect 0
[[ "$(grep -c '^\[\[locations\]\]' business.toml)" == 3 ]] || fail "expected 3 [[locations]]"
# Only additions: no line of the owner's file removed or changed.
if diff ../before.toml business.toml | grep -q '^<'; then
  fail "adding a city changed the owner's existing text"
fi
ids=(ufa omsk novosibirsk)
for id in "${ids[@]}"; do [[ -f "bot/$id.json" ]] || fail "bot/$id.json not written"; done

# Lint judges review dates by today; pin it to the documents' effective date.
REGL_TODAY="$(sed -n 's/^effective_date = \([0-9-]*\).*/\1/p' business.toml | head -1)"
export REGL_TODAY

step "render: nine documents per location, the operator's policy, consent and register, and the manifest"
run render; expect 0
for id in "${ids[@]}"; do
  n="$(find "out/$id" -name "*-$id.docx" -o -name "*-$id.xlsx" | wc -l)"
  # SOP, escalation rules, cancellation policy, retention, AI training; SLA sheet, and the
  # working copies: pilot plan, launch checklist, staff acknowledgement.
  [[ "$n" == 9 ]] || fail "out/$id has $n documents, expected 9"
done
[[ -f out/regl-manifest.json ]] || fail "no manifest"
for doc in pd-policy pd-consent; do [[ -f "out/$doc.docx" ]] || fail "no out/$doc.docx"; done
[[ -f out/pd-register.xlsx ]] || fail "no out/pd-register.xlsx"

step "render --check: nothing to do right after a render"
run render --check; expect 0

step "export: a bot config per location and the Bitrix24 mapping"
run export; expect 0
for id in "${ids[@]}"; do [[ -f "out/$id/bot-scripts-$id.json" ]] || fail "no bot scripts for $id"; done
[[ -f out/bitrix24-mapping.json ]] || fail "no bitrix24-mapping.json"

step "the exported bot configs copied where the bot runtime reads them (bot_config)"
for id in "${ids[@]}"; do cp "out/$id/bot-scripts-$id.json" "bot/$id.json"; done

step "lint: clean but for the to-dos of a fresh business (exit 0, no other finding)"
run lint; expect 0
grep -qE '^(error|ошибка)\[|^(warning|предупреждение)\[[^T]' <<<"$out" && { printf '%s\n' "$out" >&2; fail "lint found something"; }

step "lint --format json: to-dos only"
run lint --format json; expect 0
grep -qE '"code": "[^T]' <<<"$out" && fail "expected to-dos only, got: $out"

step "bot config broken: Omsk's bot answers in 30 s against a 3 s SLA"
line="$(grep -n '"first_response_s": 3,' bot/omsk.json | cut -d: -f1)"
[[ -n "$line" ]] || fail "first_response_s not found in bot/omsk.json"
sed -i 's/"first_response_s": 3,/"first_response_s": 30,/' bot/omsk.json

step "lint catches it: exit 1, B302 at bot/omsk.json:$line"
run lint; expect 1
grep -q 'B302' <<<"$out" || { printf '%s\n' "$out" >&2; fail "no B302"; }
grep -q "bot/omsk.json:$line:" <<<"$out" || { printf '%s\n' "$out" >&2; fail "B302 not at line $line"; }
run lint --format json; expect 1
grep -q '"code": *"B302"' <<<"$out" || fail "no B302 in the JSON output"

step "bot config restored: lint clean again"
cp out/omsk/bot-scripts-omsk.json bot/omsk.json
run lint; expect 0

step "business.toml changed (version 1.0 → 1.1): render --check names the stale documents"
sed -i 's/^version = "1.0"/version = "1.1"/' business.toml
run render --check; expect 1
grep -q 'lead-handling-ufa.docx' <<<"$out" || { printf '%s\n' "$out" >&2; fail "stale document not listed"; }
stale="$(grep -c '^changed: ' <<<"$out" || true)"
# Four documents for each of the three locations, and the operator's policy and consent.
[[ "$stale" -ge 14 ]] || fail "expected every document listed as changed, got $stale"

step "render brings them up to date, and render --check agrees"
run render; expect 0
run render --check; expect 0

echo "JOURNEY OK: $steps steps held (init ×3, render, export, lint clean, lint caught B302, render --check caught stale documents)"
