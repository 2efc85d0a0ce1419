#!/usr/bin/env bash
# regl test for 3 locations and for 1,000 locations (~100 generated scenarios each), each
# timed as a whole process (start, load, generate, run, report). Targets on a 2-core
# machine: ≤ 100 ms and ≤ 10 s. Build first: cargo build --release.
# Measured (release, 2 cores shared with other builds, so CPU = user + system compared):
# 3 locations 0.08 s → 0.04 s CPU; 1,000 locations 19.6 s → 12.5 s CPU (locations on both
# cores: about 6.5 s of wall time on an idle machine; 21.7 s wall before).
# REGL_THREADS=1 runs the locations on one thread (the output is the same).
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
