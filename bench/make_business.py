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
# Each location has an address and a phone of its own, as real ones do (a copy of the first
# location's is a to-do, T132, that would dominate the timing with 999 findings).
ADDRESS, PHONE, E164 = "ул. Ленина, д. 10", "+7 347 200-45-10", "+73472004510"
bot["location"] = "{loc}"
bot_text = json.dumps(bot, ensure_ascii=False, indent=2)
assert ADDRESS in ufa and PHONE in ufa and ADDRESS in bot_text and PHONE in bot_text
blocks = []
for i in range(n):
    a, b = divmod(i, 100)
    own = {ADDRESS: f"ул. Ленина, д. {i + 1}", PHONE: f"+7 347 3{a:02d}-{b:02d}-10",
           E164: f"+73473{a:02d}{b:02d}10", '"{loc}"': f'"loc{i}"'}
    block = ufa.replace('id = "ufa"', f'id = "loc{i}"').replace("bot/ufa.json", f"bot/loc{i}.json")
    config = bot_text
    for old, new in own.items():
        block, config = block.replace(old, new), config.replace(old, new)
    blocks.append(block)
    with open(os.path.join(out, "bot", f"loc{i}.json"), "w", encoding="utf-8") as f:
        f.write(config)
with open(os.path.join(out, "business.toml"), "w", encoding="utf-8") as f:
    f.write(text[:start] + "".join(blocks) + text[after:])
