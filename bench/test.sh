#!/usr/bin/env bash
# regl test for 3 locations and for 1,000 locations (~100 generated scenarios each), each
# timed as a whole process (start, load, generate, run, report). Targets on a 2-core
# machine: ≤ 100 ms and ≤ 10 s. Build first: cargo build --release.
set -euo pipefail
regl="${REGL:-$(cd "$(dirname "$0")/.." && pwd)/target/release/regl}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

"$regl" init --name "Бенч" --city "Омск" >/dev/null
"$regl" init --city "Томск" >/dev/null
"$regl" init --city "Уфа" >/dev/null
"$regl" export --bot-configs >/dev/null
start=$(date +%s%N)
"$regl" test >/dev/null
echo "3 locations: $(( ($(date +%s%N) - start) / 1000000 )) ms"

# 1,000 locations: the same city repeated under new ids, each with its own bot config.
python3 - <<'PY'
import re
text = open("business.toml", encoding="utf-8").read()
first = text.index("[[locations]]")
end = text.find("\n[[locations]]", first + 1)
block = text[first:end if end > 0 else None]
m = re.search(r'^id = "([a-z0-9-]+)"', block, re.M)
extra = []
for i in range(997):
    b = block.replace(f'id = "{m.group(1)}"', f'id = "{m.group(1)}-{i}"')
    b = re.sub(r'bot_config = "([^"]+)"', f'bot_config = "bot/{m.group(1)}-{i}.json"', b)
    extra.append(b)
open("business.toml", "w", encoding="utf-8").write(text.rstrip() + "\n\n" + "\n".join(extra))
PY
"$regl" export --bot-configs >/dev/null
start=$(date +%s%N)
"$regl" test >/dev/null
echo "1,000 locations: $(( ($(date +%s%N) - start) / 1000000 )) ms"
