#!/usr/bin/env python3
"""Convert the ASD state-media matrix into Parallax's outlet registry format.

Input: ``State_Media_Matrix.csv`` from ASD-at-GMF/state-media-profiles (MIT licence, Copyright (c) 2023 ASD-at-GMF;
seed columns from the State Media Monitor, Media and Journalism Research Center). Output: the bundled resource
``Sources/ParallaxCore/Resources/outlets-state-media.json`` (same shape as ``outlets.json``, plus the raw typology
code and the licence notice). The product reads only the generated JSON.

    python3 eval/convert_state_media.py \
        ../shared/data/outlets-state-media-asd/State_Media_Matrix.csv \
        Sources/ParallaxCore/Resources/outlets-state-media.json

What the conversion does:
- every URL is reduced to its registrable domain (public suffix list, ``--psl``); ``www.``, language and section
  subdomains (``russian.rt.com``, ``military.people.com.cn``) fold into the outlet of their domain;
- rows of one country are grouped into one outlet when they share a registrable domain and a company or base
  name, or share company and asset name (language editions: "RT Arabic", "RT Deutsch" on rtde.* are one outlet
  "RT");
- a domain claimed by several unrelated assets (one ministry site for radio and TV) goes to the asset whose
  name matches the domain best, the others keep their names only;
- names lose upstream labels ("Print: ", "News agency: "); a parenthesized acronym or second name becomes an alias;
- country names map to ISO 3166-1 alpha-2 (``EU`` is the exceptionally reserved code);
- typology SC / CaPu / CaPr -> ownership "state-owned", ISFM / ISF / ISM / IP -> "public"; the raw code is kept;
- names that are also common words, places or two-letter codes are marked ``ambiguous`` (found by lookups by
  name, never as a mention in running text).
"""

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from urllib.parse import urlparse

COUNTRIES = {
    "Afghanistan": "AF", "Albania": "AL", "Algeria": "DZ", "Angola": "AO", "Argentina": "AR", "Armenia": "AM",
    "Australia": "AU", "Austria": "AT", "Azerbaijan": "AZ", "Bahrain": "BH", "Bangladesh": "BD", "Belarus": "BY",
    "Belgium": "BE", "Benin": "BJ", "Bhutan": "BT", "Bolivia": "BO", "Bosnia and Herzegovina": "BA",
    "Botswana": "BW", "Brazil": "BR", "Brunei": "BN", "Bulgaria": "BG", "Burkina Faso": "BF", "Burundi": "BI",
    "Cambodia": "KH", "Cameroon": "CM", "Canada": "CA", "Central African Republic": "CF", "Chad": "TD",
    "Chile": "CL", "China": "CN", "Colombia": "CO", "Congo": "CG", "Costa Rica": "CR", "Croatia": "HR", "Cuba": "CU",
    "Cyprus": "CY", "Czechia": "CZ", "Côte d'Ivoire": "CI", "DR Congo": "CD", "Denmark": "DK", "Djibouti": "DJ",
    "Dominican Republic": "DO", "Ecuador": "EC", "Egypt": "EG", "El Salvador": "SV", "Eritrea": "ER",
    "Estonia": "EE", "Ethiopia": "ET", "Europen Union": "EU", "European Union": "EU", "Finland": "FI",
    "France": "FR", "Gabon": "GA", "Georgia": "GE", "Germany": "DE", "Ghana": "GH", "Greece": "GR",
    "Guatemala": "GT", "Haiti": "HT", "Honduras": "HN", "Hong Kong": "HK", "Hungary": "HU", "Iceland": "IS",
    "India": "IN", "Indonesia": "ID", "Iran": "IR", "Iraq": "IQ", "Ireland": "IE", "Israel": "IL", "Italy": "IT",
    "Jamaica": "JM", "Japan": "JP", "Jordan": "JO", "Kazakhstan": "KZ", "Kenya": "KE", "Kuwait": "KW", "Laos": "LA",
    "Latvia": "LV", "Lebanon": "LB", "Lesotho": "LS", "Liberia": "LR", "Libya": "LY", "Liechtenstein": "LI",
    "Lithuania": "LT", "Macao": "MO", "Madagascar": "MG", "Malawi": "MW", "Malaysia": "MY", "Malta": "MT",
    "Mauritania": "MR", "Mexico": "MX", "Moldova": "MD", "Mongolia": "MN", "Montenegro": "ME", "Morocco": "MA",
    "Mozambique": "MZ", "Myanmar": "MM", "Namibia": "NA", "Nepal": "NP", "Netherlands": "NL", "New Zealand": "NZ",
    "Nicaragua": "NI", "Niger": "NE", "Nigeria": "NG", "North Korea": "KP", "North Macedonia": "MK", "Norway": "NO",
    "Oman": "OM", "Pakistan": "PK", "Palestine territories": "PS", "Panama": "PA", "Paraguay": "PY", "Peru": "PE",
    "Philippines": "PH", "Poland": "PL", "Portugal": "PT", "Qatar": "QA", "Romania": "RO", "Russia": "RU",
    "Rwanda": "RW", "Saudi Arabia": "SA", "Senegal": "SN", "Serbia": "RS", "Singapore": "SG", "Slovakia": "SK",
    "Slovenia": "SI", "Somalia": "SO", "South Africa": "ZA", "South Korea": "KR", "South Sudan": "SS", "Spain": "ES",
    "Sri Lanka": "LK", "Sudan": "SD", "Sweden": "SE", "Switzerland": "CH", "Syria": "SY", "Taiwan": "TW",
    "Tajikistan": "TJ", "Tanzania": "TZ", "Thailand": "TH", "The Gambia": "GM", "Togo": "TG", "Tunisia": "TN",
    "Turkey": "TR", "Turkmenistan": "TM", "UAE": "AE", "Uganda": "UG", "Ukraine": "UA", "United Kingdom": "GB",
    "United States of America": "US", "Uruguay": "UY", "Uzbekistan": "UZ", "Vatican City": "VA",
    "Venezuela": "VE", "Vietnam": "VN", "Yemen": "YE", "Zambia": "ZM", "Zimbabwe": "ZW",
}

STATE_CONTROLLED = {"SC", "CaPu", "CaPr"}
INDEPENDENT_PUBLIC = {"ISFM", "ISF", "ISM", "IP"}

# Upstream labels written before an asset's name.
LABEL = re.compile(r"^(print media|print|television|radio|news agency|news portals|online)\s*:\s*", re.I)
# Languages and edition words that name one edition of an outlet ("Sputnik Arabic", "People's Daily (English)").
EDITIONS = {
    "english", "arabic", "chinese", "french", "german", "spanish", "russian", "japanese", "korean", "portuguese",
    "turkish", "italian", "persian", "farsi", "urdu", "polish", "greek", "serbian", "georgian", "kurdi", "deutsch",
    "español", "français", "international", "edition", "uk", "usa", "europe", "africa", "america", "global", "hk",
    "русский", "العربية",
}
# Words that make a name generic when it has no other word: a name made only of these (and numbers) is ambiguous.
GENERIC = {
    "the", "a", "of", "and", "de", "del", "la", "le", "el", "al", "radio", "tv", "television", "channel", "canal",
    "daily", "news", "times", "herald", "star", "mirror", "chronicle", "paper", "post", "public", "national",
    "nacional", "nationale", "today", "weekly", "nation", "world", "network", "sun", "voice", "economic",
    "financial", "legal", "military", "science", "technology", "business", "agency", "gold", "retro",
    "mercury", "tribune", "review", "observer", "reporter", "informer", "horizons", "noticias", "domingo", "hayat",
    "posta", "liter", "lokal", "star", "mir", "respublika", "demokrata", "medi", "first", "one", "new", "era",
    "fm", "online", "net", "info", "online", "media", "group", "service", "broadcasting", "corporation", "soap",
    "box", "space", "real", "urban", "west", "nice", "universidad", "congreso", "gobierno", "legislativa", "matin",
    "soir", "jour",
}
# Single words that are also common words, given names or places in some language: ambiguous as a whole name.
COMMON_SINGLE = {"sabah", "watan", "quds", "javan", "hayat", "erina", "prvi", "prva", "ria", "bors", "orbe"}
# Country names as written in their own language, next to the English names of COUNTRIES.
NATIVE_PLACES = {"ukraina", "turkiye", "qazaqstan", "ozbekiston", "oʻzbekiston", "rossiya", "belarus"}
# Registrable domains of platforms that host many outlets: never an outlet's own domain.
PLATFORMS = {
    "facebook.com", "youtube.com", "twitter.com", "x.com", "t.me", "instagram.com", "vk.com", "ok.ru",
    "google.com", "blogspot.com", "wordpress.com", "tiktok.com", "rutube.ru", "linkedin.com",
}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def words(s):
    return re.findall(r"[^\W_]+", fold(s))


def load_psl(path):
    rules, exceptions, wildcards = set(), set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            rule = line.split()[0].encode("idna").decode("ascii") if line.isascii() else line.split()[0]
            if rule.startswith("!"):
                exceptions.add(rule[1:])
            elif rule.startswith("*."):
                wildcards.add(rule[2:])
            else:
                rules.add(rule)
    return rules, exceptions, wildcards


def registrable(host, psl):
    rules, exceptions, wildcards = psl
    labels = host.split(".")
    for i in range(len(labels)):
        suffix = ".".join(labels[i:])
        if suffix in exceptions:
            return ".".join(labels[i:])
        parent = ".".join(labels[i + 1:])
        if suffix in rules or (parent in wildcards and i + 1 < len(labels)):
            return ".".join(labels[max(i - 1, 0):]) if i > 0 else None
    return ".".join(labels[-2:]) if len(labels) >= 2 else None


def host_of(url):
    url = url.strip()
    if not url:
        return None
    if "://" not in url:
        url = "http://" + url
    try:
        host = urlparse(url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return re.sub(r"^www\d*\.", "", host.lower().rstrip("."))


def clean_name(raw):
    """The display name and the aliases written in parentheses of an upstream asset or company name."""
    name = LABEL.sub("", raw.strip()).replace("*", "").strip()
    aliases = []
    for inner in re.findall(r"\(([^()]*)\)?", name):
        inner = inner.strip()
        ws = words(inner)
        if (inner and len(ws) <= 4 and not set(ws) & EDITIONS and "control" not in ws and "focus" not in ws
                and "in" not in ws and inner[0].isupper()):
            aliases.append(inner)
    name = re.sub(r"\s*\([^()]*\)?", "", name).strip(" )-")
    name = re.sub(r"\s+", " ", name)
    if not name and aliases:
        name = aliases.pop(0)
    return name, aliases


def base_name(name):
    """A name without a trailing edition word ("Sputnik Arabic" -> "Sputnik")."""
    ws = name.split(" ")
    while len(ws) > 1 and fold(ws[-1]) in EDITIONS:
        ws.pop()
    # "Voice of America" is a name, not an edition of "Voice of".
    return name if ws[-1][:1].islower() else " ".join(ws)


def is_acronym(name):
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in name


def is_ambiguous(name, country_words):
    ws = [w for w in words(name)]
    if not ws:
        return True
    if is_acronym(name):
        return len([c for c in name if c.isalpha()]) <= 2
    meaningful = [w for w in ws if not w.isdigit()]
    # Only generic words ("Daily News", "Radio Nacional"), or only a place and numbers ("Turkmenistan",
    # "Russia-1": the tokenizer may keep the place alone): ambiguous. A place with a generic word ("Radio Bahrain",
    # "China Daily") names one outlet.
    if all(w in GENERIC for w in meaningful) or all(w in country_words for w in meaningful):
        return True
    return len(ws) == 1 and (len(ws[0]) <= 4 or ws[0] in COMMON_SINGLE)


def domain_match(name, domain):
    """How well a name matches a domain's first label: initials, squashed name, or a shared word."""
    label = domain.split(".")[0].replace("-", "")
    ws = [w for w in words(name) if w not in {"the", "of", "and", "de", "la", "le", "el", "al"}]
    if not ws:
        return 0
    squashed = "".join(ws)
    initials = "".join(w[0] for w in ws)
    if label == squashed or label == initials:
        return 3
    if squashed in label or label in squashed:
        return 2
    return 1 if any(len(w) >= 4 and w in label for w in ws) else 0


def is_agency(text):
    t = fold(text)
    return any(k in t for k in ("news agency", "press agency", "agence", "agencia", "agência", "agentstvo",
                                "news service", "information agency", "telegraph agency"))


def components(keys_of):
    """Items that share a key, transitively: lists of item indices, each sorted, in order of their first item."""
    by_key = defaultdict(list)
    for i, keys in enumerate(keys_of):
        for key in keys:
            by_key[key].append(i)
    seen, result = set(), []
    for start in range(len(keys_of)):
        if start in seen:
            continue
        seen.add(start)
        stack, group = [start], []
        while stack:
            i = stack.pop()
            group.append(i)
            for key in keys_of[i]:
                for j in by_key[key]:
                    if j not in seen:
                        seen.add(j)
                        stack.append(j)
        result.append(sorted(group))
    return result


def convert(rows, psl):
    country_words = {w for c in COUNTRIES for w in words(c)} | NATIVE_PLACES
    items = []
    for r in rows:
        name, aliases = clean_name(r.get("Main assets") or "")
        company, company_aliases = clean_name(r.get("Media company") or "")
        if not name:
            name, aliases = company, company_aliases
        if not name:
            continue
        host = host_of(r.get("URL") or "")
        domain = registrable(host, psl) if host else None
        if domain in PLATFORMS:
            domain = None
        items.append({
            "row": r, "name": name, "aliases": aliases, "company": fold(company), "base": fold(base_name(name)),
            "domain": domain, "country": COUNTRIES.get((r.get("Country") or "").strip()),
            "typology": (r.get("Typology") or "").strip(), "agency": is_agency(name + " " + company)
            or (r.get("Main assets") or "").lower().startswith("news agency"),
        })

    def keys(it):
        # One country's outlets only: "TV2" of Denmark and "TV2" of Hungary are two outlets.
        c = it["country"]
        ks = [("asset", c, it["company"], fold(it["name"])), ("base", c, it["company"], it["base"])]
        if it["domain"]:
            ks += [("domain-company", c, it["domain"], it["company"]), ("domain-base", c, it["domain"], it["base"])]
        return ks

    outlets = []
    for group in components([keys(it) for it in items]):
        its = [items[i] for i in group]
        counts = defaultdict(int)
        for it in its:
            counts[base_name(it["name"])] += 1
        # The most frequent base name; ties go to the row listed first.
        order = {base_name(it["name"]): k for k, it in reversed(list(enumerate(its)))}
        name = max(counts, key=lambda n: (counts[n], -order[n]))
        aliases = []
        for it in its:
            for a in [it["name"]] + it["aliases"]:
                if a != name and a not in aliases and fold(a) != fold(name):
                    aliases.append(a)
        typologies = [it["typology"] for it in its if it["typology"]]
        # The most frequent code; a tie goes to the row listed first.
        typology = max(typologies, key=typologies.count) if typologies else None
        outlet = {"name": name, "domains": [], "aliases": aliases}
        country = next((it["country"] for it in its if it["country"]), None)
        if country:
            outlet["country"] = country
        bare = typology.rstrip("?") if typology else None
        if bare in STATE_CONTROLLED:
            outlet["ownership"] = "state-owned"
        elif bare in INDEPENDENT_PUBLIC:
            outlet["ownership"] = "public"
        if typology:
            outlet["typology"] = typology
        outlet["kind"] = "agency" if any(it["agency"] for it in its) else "outlet"
        outlet["_domains"] = [it["domain"] for it in its if it["domain"]]
        outlets.append(outlet)

    # A domain claimed by several outlets goes to the one whose name matches it best (then the first listed).
    claims = defaultdict(list)
    for k, o in enumerate(outlets):
        for d in dict.fromkeys(o["_domains"]):
            claims[d].append(k)
    for d, ks in claims.items():
        best = max(ks, key=lambda k: (max(domain_match(n, d) for n in [outlets[k]["name"]] + outlets[k]["aliases"]),
                                      -k))
        outlets[best]["domains"].append(d)
    for o in outlets:
        del o["_domains"]
        ambiguous = [n for n in [o["name"]] + o["aliases"] if is_ambiguous(n, country_words)]
        if ambiguous:
            o["ambiguous"] = ambiguous
        # Field order as in outlets.json.
        for key in ("country", "ownership", "typology", "kind"):
            if key in o:
                o[key] = o.pop(key)
    return outlets


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv")
    ap.add_argument("out")
    ap.add_argument("--psl", default="/usr/share/publicsuffix/public_suffix_list.dat")
    args = ap.parse_args()
    with open(args.csv, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    outlets = convert(rows, load_psl(args.psl))
    doc = {
        "source": "ASD-at-GMF/state-media-profiles State_Media_Matrix.csv (commit d878fee1e0aecce9bd63a65ae826df84c6d80e59); "
        "seed data (country, company, assets, typology) from the State Media Monitor, Media and Journalism Research "
        "Center (statemediamonitor.com). Converted by eval/convert_state_media.py.",
        "license": "MIT License. Copyright (c) 2023 ASD-at-GMF. Permission is hereby granted, free of charge, to any "
        "person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in "
        "the Software without restriction, including without limitation the rights to use, copy, modify, merge, "
        "publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the "
        "Software is furnished to do so, subject to the following conditions: The above copyright notice and this "
        "permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS "
        "PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE "
        "WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE "
        "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF "
        "CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER "
        "DEALINGS IN THE SOFTWARE.",
        "typology": {
            "SC": "state-controlled media", "CaPu": "captured public / state-managed media",
            "CaPr": "captured private media", "ISFM": "independent state-funded and state-managed media",
            "ISF": "independent state-funded media", "ISM": "independent state-managed media",
            "IP": "independent public media",
        },
        "outlets": outlets,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("{\n")
        for key in ("source", "license", "typology"):
            f.write(f"  {json.dumps(key)}: {json.dumps(doc[key], ensure_ascii=False)},\n")
        f.write('  "outlets": [\n')
        f.write(",\n".join("    " + json.dumps(o, ensure_ascii=False) for o in outlets))
        f.write("\n  ]\n}\n")
    print(f"{len(rows)} rows -> {len(outlets)} outlets, "
          f"{sum(len(o['domains']) for o in outlets)} domains, "
          f"{sum(1 for o in outlets if 'ambiguous' in o)} with ambiguous names", file=sys.stderr)


if __name__ == "__main__":
    main()
