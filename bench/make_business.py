#!/usr/bin/env python3
"""Writes a business with N locations, copies of the salon example's Ufa location, each
with the Ufa bot config `regl export` wrote for the example: bench/lint.sh's
input. Usage: make_business.py OUT_DIR N"""
import json, os, re, sys

out, n = sys.argv[1], int(sys.argv[2])
root = os.path.join(os.path.dirname(__file__), "..")
text = open(os.path.join(root, "examples/salon-ufa-omsk/business.toml"), encoding="utf-8").read()
bot = json.load(open(os.path.join(root, "examples/salon-ufa-omsk/bot/ufa.json"), encoding="utf-8"))
start = text.index("[[locations]]")
end = text.index("[[locations]]", start + 1)
after = re.search(r"(?m)^# ── Услуги", text).start()
ufa = text[start:end]
os.makedirs(os.path.join(out, "bot"), exist_ok=True)
blocks = []
for i in range(n):
    blocks.append(ufa.replace('id = "ufa"', f'id = "loc{i}"').replace("bot/ufa.json", f"bot/loc{i}.json"))
    bot["location"] = f"loc{i}"
    with open(os.path.join(out, "bot", f"loc{i}.json"), "w", encoding="utf-8") as f:
        json.dump(bot, f, ensure_ascii=False, indent=2)
with open(os.path.join(out, "business.toml"), "w", encoding="utf-8") as f:
    f.write(text[:start] + "".join(blocks) + text[after:])
