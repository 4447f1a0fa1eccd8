#!/usr/bin/env python3
"""Deterministic inputs for one big story (docs/BENCHMARKS.md, "Big stories").

  python3 bench/make_big_story.py --kind templated --count 10000 --out bench/out/big-templated.jsonl
  python3 bench/make_big_story.py --kind identical --count 8000 --out bench/out/big-identical.rss
  python3 bench/make_big_story.py --kind recombined --count 10000 --out bench/out/big-recombined.jsonl \
      [--source bench/out/corpus-10k.jsonl]

templated:  tiny JSON Lines wire items of one event, one template, numbers, names and outlets varied.
identical:  an RSS feed whose items all carry the same text (a feed that repeats itself).
recombined: articles of one story made of real sentences: the body sentences of the source corpus's articles on
            one topic (--topic, a regex on titles; default the dam-burst stories)
            (bench/make_corpus.py output, or any JSON Lines with "text"), recombined and lightly edited per article
            (six of eight core facts, four of 392 common sentences, two rare ones), with quotes, numbers and 15 %
            verbatim wire copies; dated over --days days (default 7).
Same arguments, same bytes (random.Random seeded).
"""
import argparse
import datetime as dt
import json
import random
import re
import sys
from xml.sax.saxutils import escape

OUTLETS = [f"Outlet {c}{d}" for c in "ABCDEFGHIJ" for d in range(10)]
NAMES = ["Ilse Varga", "Tomas Brandt", "Mira Okafor", "Jonas Lind", "Sara Petrov", "Ali Haddad", "Lena Kovacs",
         "Paul Moreau", "Nina Rossi", "Omar Diallo"]
PLACES = ["Riverton", "Stavar", "Kelzel", "Ororzel", "Varmor", "Isor", "Belrosh", "Dunmar"]


def templated(count, rng):
    day0 = dt.date(2024, 5, 1)
    for i in range(count):
        n = rng.randint(2, 400)
        m = rng.randint(1, 60)
        name = rng.choice(NAMES)
        place = rng.choice(PLACES)
        day = day0 + dt.timedelta(days=rng.randint(0, 4))
        text = (f"{place.upper()} - At least {n} people were evacuated after the dam on the Stavar river burst on "
                f"Tuesday, officials said. {m} people were taken to hospital in {place}. "
                f"\"We are doing everything we can for the families,\" said {name}, the regional water minister. "
                f"Rescue teams searched flooded streets in {place} into the night.")
        yield {"id": f"tpl-{i:06d}", "outlet": OUTLETS[i % len(OUTLETS)],
               "url": f"https://wire{i % 37}.example/{day.isoformat()}/dam-{i}", "title": f"Dam bursts near {place}",
               "published": day.isoformat(), "text": text}


def identical_rss(count):
    items = []
    for i in range(count):
        items.append(f"<item><title>Item {i}</title><link>https://example.com/{i}</link><guid>g{i}</guid>"
                     "<pubDate>Thu, 30 May 2024 10:00:00 +0000</pubDate><description>Officials said the dam burst on "
                     "Tuesday, flooding three villages.</description></item>")
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>https://example.com/</link>'
            + "".join(items) + "</channel></rss>\n")


SENTENCE = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


def body_sentences(text):
    """Sentences of the article body: lines long enough to be prose (boilerplate lines are short)."""
    out = []
    for para in text.split("\n"):
        para = para.strip()
        if len(para) < 80:
            continue
        out.extend(s.strip() for s in SENTENCE.split(para) if len(s.strip()) > 30)
    return out


def recombined(count, rng, source, days, topic):
    with open(source, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    # One topic: the articles whose title names it (all of them when none does).
    on_topic = [r for r in records if re.search(topic, r.get("title", ""), re.I)]
    records = on_topic or records
    pool = []
    seen = set()
    for r in records:
        for s in body_sentences(r.get("text", "")):
            if s not in seen:
                seen.add(s)
                pool.append(s)
    if len(pool) < 50:
        sys.exit(f"make_big_story: too few sentences in {source}")
    # One story: a core of facts every outlet repeats, a wider set each article samples, and rare extras.
    rng.shuffle(pool)
    core, wide, extra = pool[:8], pool[8:400], pool[400:]
    day0 = dt.date(2024, 1, 1)
    wires = []
    for i in range(count):
        day = day0 + dt.timedelta(days=(i * days) // count)
        if wires and rng.random() < 0.15:
            text = rng.choice(wires)  # a verbatim wire copy
        else:
            picked = rng.sample(core, 6) + rng.sample(wide, 4) + (rng.sample(extra, 2) if extra else [])
            edited = []
            for s in picked:
                r = rng.random()
                if r < 0.2:
                    s = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), s)
                elif r < 0.3:
                    words = s.split(" ")
                    if len(words) > 8:
                        del words[rng.randrange(1, len(words) - 1)]
                    s = " ".join(words)
                edited.append(s)
            paragraphs = [" ".join(edited[k:k + 3]) for k in range(0, len(edited), 3)]
            text = "\n\n".join(paragraphs)
            if rng.random() < 0.3:
                wires.append(text)
                wires = wires[-50:]
        yield {"id": f"big-{i:06d}", "outlet": OUTLETS[rng.randrange(len(OUTLETS))],
               "url": f"https://news{i % 53}.example/{day.isoformat()}/story-{i}",
               "title": "Dam collapse: the months after", "published": day.isoformat(), "text": text}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kind", choices=["templated", "identical", "recombined"], required=True)
    p.add_argument("--count", type=int, default=10000)
    p.add_argument("--out", required=True)
    p.add_argument("--source", default="bench/out/corpus-10k.jsonl")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--days", type=int, default=7, help="recombined: days the articles are spread over")
    p.add_argument("--topic", default=r"\bdam\b", help="recombined: regex on source titles that picks the topic")
    a = p.parse_args()
    rng = random.Random(a.seed)
    with open(a.out, "w", encoding="utf-8") as out:
        if a.kind == "identical":
            out.write(identical_rss(a.count))
            return
        rows = templated(a.count, rng) if a.kind == "templated" else recombined(a.count, rng, a.source, a.days, a.topic)
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
