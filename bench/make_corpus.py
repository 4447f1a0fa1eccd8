#!/usr/bin/env python3
"""Makes a large synthetic corpus for `parallax analyze` benchmarks: many distinct stories, not copies.

Reads the bundled example corpus (examples/corpus: seed-format .txt files and .jsonl files) and, when present,
the seed articles in ../shared/corpus/seeds, groups them into story templates (one per source file group), and
writes COUNT articles as JSON Lines. Each synthetic story takes one template and gives it

  * new proper names: every capitalized word that is not sentence-initial is mapped, consistently within the
    story, to an invented name, and so is a third of the content words, so stories do not collapse into one
    cluster;
  * a new base date (articles keep their relative day offsets) and new outlets from an invented pool;
  * per article: a subset of the template's articles, sentences dropped or swapped, noise lines added, and now
    and then a near-copy of another article of the story (a wire copy).

Output: one JSON object per line with id, outlet, url, title, published (YYYY-MM-DD) and text. Deterministic
(--seed). Standard library only.

    python3 bench/make_corpus.py                      # 10,000 articles into bench/out/corpus-10k.jsonl
    python3 bench/make_corpus.py --count 500 --out /tmp/small.jsonl
"""
import argparse
import datetime as dt
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYLLABLES = ["ar", "bel", "cor", "dan", "el", "fen", "gar", "hal", "is", "jor", "kel", "lin", "mor", "nev",
             "or", "pel", "quin", "ros", "sal", "tor", "ul", "var", "wen", "yar", "zel", "bro", "dri", "sta"]
NOISE = ["Share this article", "Read also: more on this story", "Advertisement", "Subscribe to our newsletter",
         "We use cookies to improve your experience.", "Photo: staff photographer", "Most read",
         "Updated {date} {hh}:{mm}", "{date} {hh}:{mm}", "Copy link", "Follow us for updates"]
DATE_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$", re.S)
SENTENCE_RE = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[\u201c\"A-Z0-9])")
WORD_RE = re.compile(r"\b[A-Z][a-z]{2,}\b")


def read_txt(path):
    """A seed-format file: optional ' date YYYY-MM-DD' prefix, optional URL line, title line, body."""
    raw = open(path, encoding="utf-8", errors="replace").read()
    date = None
    m = DATE_RE.match(raw)
    if m:
        date, raw = m.group(1), m.group(2)
    lines = [l for l in raw.split("\n")]
    url = None
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and lines[0].strip().startswith("http"):
        url = lines.pop(0).strip()
    title = lines.pop(0).strip() if lines else ""
    return {"title": title, "url": url, "published": date, "text": "\n".join(lines).strip()}


def pick(obj, keys):
    for k in keys:
        if isinstance(obj.get(k), str) and obj[k].strip():
            return obj[k]
    return None


def read_jsonl(path):
    out = []
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.strip()
        if not line:
            continue
        try:
            o = json.loads(line)
        except ValueError:
            continue
        text = pick(o, ["text", "body", "content", "article", "maintext"])
        if not text:
            continue
        date = pick(o, ["published", "date", "published_at", "publish_date"])
        out.append({"title": pick(o, ["title", "headline"]) or "", "url": pick(o, ["url", "link"]),
                    "published": date[:10] if date else None, "text": text, "group": o.get("id", "")})
    return out


def load_templates(corpus_dirs):
    """Story templates: articles grouped by a shared topic word in their file name (e.g. '-harlow-dam')."""
    groups = {}
    for d in corpus_dirs:
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if name.endswith(".txt"):
                arts = [read_txt(path)]
            elif name.endswith(".jsonl"):
                arts = read_jsonl(path)
            else:
                continue
            for a in arts:
                key = story_key(d, name, a)
                groups.setdefault(key, []).append(a)
    return [g for g in groups.values() if g]


def story_key(directory, name, article):
    # Files named outlet-topic.txt share their topic; seeds (numbered files) are one story; JSONL lines join the
    # template whose title shares most words with theirs.
    if re.match(r"^\d{3}_", name):
        return directory
    stem = name.rsplit(".", 1)[0]
    if name.endswith(".txt") and "-" in stem:
        return stem.split("-", 1)[1]
    return words_key(article["title"] + " " + article["text"][:300])


TOPIC_WORDS = {}


def words_key(text):
    words = set(w.lower() for w in WORD_RE.findall(text))
    best, score = None, 0
    for key, ws in TOPIC_WORDS.items():
        s = len(words & ws)
        if s > score:
            best, score = key, s
    return best or "misc"


def invented_name(rng, used):
    while True:
        n = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if n not in used:
            used.add(n)
            return n


KEEP = set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
           "August September October November December".split())


def proper_names(texts):
    """Capitalized words that are not sentence-initial somewhere and never written in lower case: the names to
    replace (weekdays and months stay, so relative dates still resolve)."""
    texts = list(texts)
    lower = set(w for t in texts for w in re.findall(r"\b[a-z]{3,}\b", t))
    names = set()
    for t in texts:
        for sent in SENTENCE_RE.split(t):
            for m in WORD_RE.finditer(sent):
                w = m.group(0)
                if m.start() > 0 and w.lower() not in lower and w not in KEEP:
                    names.add(w)
    return names


def content_words(texts):
    """Lower-case words of five letters or more (function words are shorter or rarely replaced)."""
    return set(w for t in texts for w in re.findall(r"\b[a-z]{5,}\b", t))


def vary_text(text, rng, mapping, day, noise_rate=0.15):
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(mapping, key=len, reverse=True)) + r")\b") \
        if mapping else None
    paragraphs = []
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        sents = SENTENCE_RE.split(para)
        sents = [s for s in sents if rng.random() > 0.08 or len(sents) == 1]
        if len(sents) > 2 and rng.random() < 0.2:
            i = rng.randrange(len(sents) - 1)
            sents[i], sents[i + 1] = sents[i + 1], sents[i]
        para = " ".join(sents)
        if pattern:
            para = pattern.sub(lambda m: mapping[m.group(0)], para)
        paragraphs.append(para)
        if rng.random() < noise_rate:
            paragraphs.append(rng.choice(NOISE).format(date=day.isoformat(), hh="%02d" % rng.randrange(24),
                                                       mm="%02d" % rng.randrange(60)))
    return "\n\n".join(paragraphs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "corpus-10k.jsonl"))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--no-seeds", action="store_true", help="use only examples/corpus, not ../shared seeds")
    args = ap.parse_args()

    dirs = [os.path.join(ROOT, "examples", "corpus")]
    if not args.no_seeds:
        dirs.append(os.path.join(os.path.dirname(ROOT), "shared", "corpus", "seeds"))
    # Topic words of the .txt templates, so JSON Lines articles join the right template.
    for d in dirs[:1]:
        for name in os.listdir(d) if os.path.isdir(d) else []:
            if name.endswith(".txt") and "-" in name:
                a = read_txt(os.path.join(d, name))
                key = name.rsplit(".", 1)[0].split("-", 1)[1]
                TOPIC_WORDS.setdefault(key, set()).update(w.lower() for w in WORD_RE.findall(a["title"] + " " + a["text"]))
    templates = load_templates(dirs)
    if not templates:
        sys.exit("make_corpus: no articles found in " + ", ".join(dirs))

    rng = random.Random(args.seed)
    used = set()
    outlets = [invented_name(rng, used) + rng.choice([" Herald", " Times", " Post", " Ledger", " Daily", " Wire",
                                                      " Courier", " Observer", " News", " Gazette"])
               for _ in range(400)]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    written = 0
    story = 0
    with open(args.out, "w", encoding="utf-8") as f:
        while written < args.count:
            story += 1
            template = rng.choice(templates)
            names = proper_names(a["title"] + ". " + a["text"] for a in template)
            story_names = set()  # unique within the story; stories may share a name now and then, as real ones do
            mapping = {n: invented_name(rng, story_names) for n in sorted(names)}
            # A third of the content words become invented words too (consistently within the story), so stories
            # made from one template differ in vocabulary the way different events do, not only in names.
            words = sorted(content_words(a["title"] + " " + a["text"] for a in template))
            for w in rng.sample(words, k=len(words) // 3):
                mapping[w] = invented_name(rng, story_names).lower()
            base = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
            first = min((a["published"] for a in template if a["published"]), default=None)
            members = rng.sample(template, k=rng.randint(min(2, len(template)), len(template)))
            story_articles = []
            for a in members:
                offset = 0
                if a["published"] and first:
                    offset = (dt.date.fromisoformat(a["published"]) - dt.date.fromisoformat(first)).days
                day = base + dt.timedelta(days=offset)
                if story_articles and rng.random() < 0.1:
                    text = story_articles[-1]["text"]  # a wire copy, word for word
                else:
                    text = vary_text(a["text"], rng, mapping, day)
                outlet = rng.choice(outlets)
                slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
                row = {"id": "bench-%05d" % (written + 1), "outlet": outlet,
                       "url": "https://%s.example/%s/story-%d-%d" % (slug, day.isoformat().replace("-", "/"), story,
                                                                     written + 1),
                       "title": vary_text(a["title"], rng, mapping, day, noise_rate=0) or "Untitled",
                       "published": day.isoformat(), "text": text}
                story_articles.append(row)
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
                if written >= args.count:
                    break
    print("make_corpus: %d articles in %d stories from %d templates -> %s" % (written, story, len(templates),
                                                                             args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
