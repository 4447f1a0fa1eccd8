#!/usr/bin/env python3
"""Makes large deterministic corpora (up to millions of articles) from real sentences, with a gold file.

Sources (read once, at start): the sentences of the real texts in ../shared/eval (events-ecbplus, the
stories-multioutlet articles, attribution-polnear train and dev, the main texts of extraction-zyte and
extraction-l3s-gn1) plus examples/corpus and ../shared/corpus/seeds. Each source document with enough sentences
becomes a template source. Missing folders are skipped (the bundled examples alone are enough to run).

A story takes one source document (a big story takes several) and gives it its own identity:

  * every proper name (a capitalized word that is never written in lower case in the sources and is not a
    weekday or month) is mapped, consistently within the story, to an invented name, so places and people differ
    from story to story;
  * a third of the document's content words (five letters or more) are mapped, consistently within the story, to
    other real words of the sources, so two stories made from one document differ in vocabulary too;
  * it has a start day (the corpus clock) and spreads its articles over 0..4 days, each from a different outlet.

Each article of a story takes 35-70% of the story's sentences in order (some swapped), edits 1-3 words
(substitutions with source words, deletions) in 60% of them (90% in articles of fewer than 8 sentences), adds
0-2 sentences from other documents and gets a title of its own (an article of a big story takes 8-16 of its
sentences). With probability --copy-rate an article (not the first of a story) is instead a copy of an earlier
article of the same story from another outlet: a third exact (same text, new title and URL), the rest near
copies (a few words substituted, perhaps one sentence dropped or one added) - a wire copy with small edits.
Source documents whose words cannot be replaced (other scripts, tables) are left out.

Output is streamed (memory stays constant: a window of active stories is interleaved, so articles come in
roughly date order) as JSON Lines: id, outlet, url, title, published (YYYY-MM-DD), text. The gold file is TSV
with a header: url, story (label), copy_of (the url of the original for a copy, empty otherwise; copies of
copies point to the first original).

    python3 bench/make_scale_corpus.py --count 10000 --out bench/out/scale-10k.jsonl
    python3 bench/make_scale_corpus.py --count 1000000 --big-story 10000 --out bench/out/scale-1m.jsonl
    python3 bench/make_scale_corpus.py --count 100 | head -2          # to stdout (gold: --gold PATH)

Standard library only. Deterministic for a given --seed and the same source files.
"""
import argparse
import datetime as dt
import gzip
import json
import math
import os
import random
import re
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
SYLLABLES = ["ar", "bel", "cor", "dan", "el", "fen", "gar", "hal", "is", "jor", "kel", "lin", "mor", "nev",
             "or", "pel", "quin", "ros", "sal", "tor", "ul", "var", "wen", "yar", "zel", "bro", "dri", "sta"]
OUTLET_SUFFIXES = [" Herald", " Times", " Post", " Ledger", " Daily", " Wire", " Courier", " Observer", " News",
                   " Gazette", " Tribune", " Chronicle"]
KEEP = set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
           "August September October November December I".split())
SENTENCE_RE = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[\u201c\"A-Z0-9])")
TOKEN_RE = re.compile(r"^([^\w]*)([A-Za-z][A-Za-z'\u2019-]*[A-Za-z]|[A-Za-z])([^\w]*)$")
DATE_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$", re.S)
# ECB+ text is tokenized ("eight - year , $200 million offer ."): undo the spaces the tokenizer added.
DETOK = [(re.compile(r" ([,.;:!?%)\]])"), r"\1"), (re.compile(r"([(\[$]) "), r"\1"),
         (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"), (re.compile(r"(\w) - (\w)"), r"\1-\2")]
MIN_SENTENCES = 6
MAX_TEMPLATE = 40


# random.Random's choice/randrange/randint are exact but slow; these are a few times faster (floats in [0, 1) scaled
# down; bias below 2^-40 for the sizes used here).
def pick(rng, seq):
    return seq[int(rng.random() * len(seq))]


def below(rng, n):
    """An int in [0, n)."""
    return int(rng.random() * n)


def between(rng, a, b):
    """An int in [a, b]."""
    return a + int(rng.random() * (b - a + 1))



# ---------------------------------------------------------------------------------------------------- sources

def sentences_of(text):
    out = []
    for para in text.split("\n"):
        para = " ".join(para.split())
        if not para:
            continue
        for s in SENTENCE_RE.split(para):
            n = s.count(" ") + 1
            if 4 <= n <= 80:
                out.append(s)
    return out


def detokenize(line):
    for pattern, repl in DETOK:
        line = pattern.sub(repl, line)
    return line


def read_ecbplus(folder):
    d = os.path.join(folder, "text")
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        lines = [l.strip() for l in open(os.path.join(d, name), encoding="utf-8", errors="replace")]
        lines = [detokenize(l) for l in lines if l]
        if len(lines) > 2:
            # line 1 is the title, line 2 often a date line; sentences are one per line
            body = [l for l in lines[1:] if l.count(" ") >= 3]
            yield lines[0], body


def read_titled_text(folder):
    """Files whose first non-empty line is a title and the rest the body (PolNeAR, seed format)."""
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(".txt"):
            continue
        raw = open(os.path.join(folder, name), encoding="utf-8", errors="replace").read()
        m = DATE_RE.match(raw)
        if m:
            raw = m.group(2)
        lines = raw.strip().split("\n")
        if lines and lines[0].startswith("http"):
            lines.pop(0)
        if len(lines) < 2:
            continue
        title, body = lines[0].strip(), "\n".join(lines[1:])
        if len(title) > 200:  # seeds without a title line: the first sentence is the title
            body, title = raw, ""
        yield title, sentences_of(body)


def read_jsonl(path):
    if not os.path.isfile(path):
        return
    for line in open(path, encoding="utf-8", errors="replace"):
        try:
            o = json.loads(line)
        except ValueError:
            continue
        text = o.get("text") or o.get("body") or ""
        if isinstance(text, str) and text.strip():
            yield str(o.get("title") or ""), sentences_of(text)


def read_json_bodies(path, title_key, body_key):
    if not os.path.isfile(path):
        return
    data = json.load(open(path, encoding="utf-8"))
    for key in sorted(data):
        item = data[key]
        if isinstance(item, dict) and isinstance(item.get(body_key), str):
            yield str(item.get(title_key) or ""), sentences_of(item[body_key])


def load_sources(use_shared):
    """[(title, [sentence])] in a fixed order."""
    docs = []
    ex = os.path.join(ROOT, "examples", "corpus")
    docs += list(read_titled_text(ex))
    for name in sorted(os.listdir(ex)) if os.path.isdir(ex) else []:
        if name.endswith(".jsonl"):
            docs += list(read_jsonl(os.path.join(ex, name)))
    if use_shared:
        ev = os.path.join(SHARED, "eval")
        docs += list(read_titled_text(os.path.join(SHARED, "corpus", "seeds")))
        docs += list(read_ecbplus(os.path.join(ev, "events-ecbplus")))
        docs += list(read_jsonl(os.path.join(ev, "stories-multioutlet", "articles.jsonl")))
        for split in ("train", "dev"):
            docs += list(read_titled_text(os.path.join(ev, "attribution-polnear", split, "text")))
        docs += list(read_json_bodies(os.path.join(ev, "extraction-zyte", "ground-truth.json"), "headline",
                                      "articleBody"))
        docs += list(read_json_bodies(os.path.join(ev, "extraction-l3s-gn1", "gold.json"), "headline",
                                      "fulltext"))
    return [(t, s[:MAX_TEMPLATE]) for t, s in docs if len(s) >= MIN_SENTENCES]


class Source:
    """One template source document: its sentences as word lists and where the replaceable words are."""
    __slots__ = ("title", "sentences", "slots", "content")

    def __init__(self, title, sentences, lower_vocab):
        self.title = title.split() if title else []
        self.sentences = [s.split() for s in sentences]
        # slots: (part, sentence index (-1 = title), word index, prefix, core, suffix); part is "n" (name) or
        # "c" (content word); content: the distinct content words
        self.slots = []
        content = set()
        for si, words in [(-1, self.title)] + list(enumerate(self.sentences)):
            for wi, w in enumerate(words):
                m = TOKEN_RE.match(w)
                if not m:
                    continue
                core = m.group(2)
                if core[0].isupper():
                    if (wi > 0 or si == -1) and core not in KEEP and core.lower() not in lower_vocab and len(core) > 1:
                        self.slots.append(("n", si, wi, m.group(1), core, m.group(3)))
                elif len(core) >= 5 and core.isalpha():
                    self.slots.append(("c", si, wi, m.group(1), core, m.group(3)))
                    content.add(core)
        self.content = sorted(content)


# ------------------------------------------------------------------------------------------------- generation

class Generator:
    def __init__(self, sources, vocabulary, fillers, rng, args):
        self.sources = sources
        self.vocabulary = vocabulary
        self.fillers = fillers
        self.rng = rng
        self.args = args
        used = set()
        self.outlets = [self.invented(used) + pick(rng, OUTLET_SUFFIXES) for _ in range(args.outlets)]
        self.slugs = [re.sub(r"[^a-z0-9]+", "-", o.lower()).strip("-") for o in self.outlets]
        self.names_used = set()
        self.story_count = 0

    def invented(self, used):
        rng = self.rng
        for _ in range(100):
            n = "".join(pick(rng, SYLLABLES) for _ in range(between(rng, 2, 4))).capitalize()
            if n not in used:
                used.add(n)
                return n
        return n  # the space is large; a rare repeat is harmless

    def new_story(self, size, day, big=False):
        """A story: its sentences (names and a third of the content words replaced), size and day offsets."""
        rng = self.rng
        self.story_count += 1
        parts = [pick(rng, self.sources) for _ in range(3 if big else 1)]
        names = {}
        story_used = set()
        sentences, title = [], None
        for src in parts:
            mapping = {}
            for w in src.content:
                if rng.random() < 0.33:
                    mapping[w] = pick(rng, self.vocabulary)
            sents = [list(s) for s in src.sentences]
            t = list(src.title)
            for part, si, wi, pre, core, suf in src.slots:
                if part == "n":
                    new = names.get(core)
                    if new is None:
                        new = names[core] = self.invented(story_used)
                else:
                    new = mapping.get(core)
                    if new is None:
                        continue
                (t if si == -1 else sents[si])[wi] = pre + new + suf
            sentences += sents
            if title is None:
                title = t or list(sents[0][:12])
        span = 0 if size == 1 else between(rng, 0, 4)
        if big:
            offsets = None  # a big story follows the corpus clock
        else:
            offsets = sorted(between(rng, 0, span) for _ in range(size))
        return {"label": "s%d" % self.story_count, "sentences": sentences, "title": title, "size": size,
                "emitted": 0, "day": day, "offsets": offsets, "recent": [], "outlets": set()}

    def edit_words(self, words, n):
        rng = self.rng
        words = list(words)
        for _ in range(n):
            if len(words) < 4:
                break
            i = 1 + below(rng, len(words) - 1)
            if rng.random() < 0.75:
                m = TOKEN_RE.match(words[i])
                if m:
                    words[i] = m.group(1) + pick(rng, self.vocabulary) + m.group(3)
            else:
                del words[i]
        return words

    def pick_outlet(self, story):
        rng = self.rng
        for _ in range(8):
            o = below(rng, len(self.outlets))
            if o not in story["outlets"]:
                break
        if len(story["outlets"]) < 64:
            story["outlets"].add(o)
        return o

    def article(self, story, day, number):
        """The next article of a story: (row, gold copy_of)."""
        rng = self.rng
        copy_of = None
        recent = story["recent"]
        if recent and rng.random() < self.args.copy_rate:
            original = pick(rng, recent)
            copy_of = original["root"]
            paras = original["paras"]
            if rng.random() >= 0.34:  # near copy: a few words changed, a sentence dropped or added
                paras = [[list(s) for s in p] for p in paras]
                flat = [(pi, si) for pi, p in enumerate(paras) for si in range(len(p))]
                for _ in range(between(rng, 1, 3)):
                    pi, si = pick(rng, flat)
                    paras[pi][si] = self.edit_words(paras[pi][si], 1)
                r = rng.random()
                if r < 0.3 and len(flat) > 6:
                    pi, si = flat[-1]
                    del paras[pi][si]
                elif r < 0.6:
                    paras.append([pick(rng, self.fillers).split()])
                paras = [p for p in paras if p]
            title = self.edit_words(original["title"], between(rng, 0, 2))
        else:
            sents = story["sentences"]
            n = len(sents)
            keep = max(3, int(n * rng.uniform(0.35, 0.7)))
            if story["offsets"] is None and n > 24:  # big story: 8-16 of its many sentences, so articles differ
                chosen = sorted(rng.sample(range(n), between(rng, 8, 16)))
            else:
                chosen = sorted(rng.sample(range(n), min(n, keep)))
            body = []
            edit_share = 0.6 if len(chosen) >= 8 else 0.9  # short articles: more edits, so they stay distinct
            for i in chosen:
                s = sents[i]
                r = rng.random()
                if r < edit_share:
                    s = self.edit_words(s, between(rng, 1, 3))
                body.append(s)
            if len(body) > 3 and rng.random() < 0.3:
                i = below(rng, len(body) - 1)
                body[i], body[i + 1] = body[i + 1], body[i]
            for _ in range(between(rng, 0, 2)):
                body.insert(below(rng, len(body) + 1), pick(rng, self.fillers).split())
            paras, i = [], 0
            while i < len(body):
                k = between(rng, 1, 3)
                paras.append(body[i:i + k])
                i += k
            if rng.random() < 0.5:
                title = self.edit_words(story["title"], between(rng, 1, 3))
            else:
                title = body[0][:between(rng, 6, 12)]
        outlet = self.pick_outlet(story)
        date = day.isoformat()
        slug = "-".join(w.lower() for w in (TOKEN_RE.match(x).group(2) for x in title[:6] if TOKEN_RE.match(x)))
        url = "https://%s.example/%s/%s-%d" % (self.slugs[outlet], date.replace("-", "/"), slug[:60] or "story",
                                               number)
        text = "\n\n".join(" ".join(" ".join(s) for s in p) for p in paras)
        row = {"id": "scale-%07d" % number, "outlet": self.outlets[outlet], "url": url,
               "title": " ".join(title) or "Untitled", "published": date, "text": text}
        entry = {"root": copy_of or url, "paras": paras, "title": title}
        recent.append(entry)
        if len(recent) > 32:  # bounded: big stories copy from their recent articles only
            del recent[below(rng, len(recent))]
        return row, copy_of


def story_size(rng, mean, cap):
    """1 + geometric with the given mean (>= 1), capped."""
    if mean <= 1:
        return 1
    p = 1.0 / mean
    u = 1.0 - rng.random()
    return min(cap, 1 + int(math.log(u) / math.log(1.0 - p)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=10000, help="articles to write (default 10000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", help="JSON Lines output (default: stdout)")
    ap.add_argument("--gold", help="gold TSV (default: OUT with .gold.tsv; required with stdout for a gold file)")
    ap.add_argument("--stories-mean-size", type=float, default=4.0, help="mean articles per ordinary story")
    ap.add_argument("--max-story-size", type=int, default=200, help="cap on an ordinary story's size")
    ap.add_argument("--copy-rate", type=float, default=0.1, help="share of later articles that copy an earlier one")
    ap.add_argument("--big-story", type=int, action="append", default=[], metavar="N",
                    help="add one story of N articles spread over the whole corpus (repeatable)")
    ap.add_argument("--per-day", type=int, default=2000, help="articles per day of the corpus clock")
    ap.add_argument("--start", default="2020-01-01", help="first day of the corpus clock")
    ap.add_argument("--window", type=int, default=64, help="stories interleaved at a time")
    ap.add_argument("--outlets", type=int, default=400, help="size of the invented outlet pool")
    ap.add_argument("--no-shared", action="store_true", help="use only examples/corpus, not ../shared")
    args = ap.parse_args()
    if args.count < 0 or not 0 <= args.copy_rate <= 1 or args.window < 1 or args.per_day < 1 or args.outlets < 1:
        ap.error("need --count >= 0, 0 <= --copy-rate <= 1, --window, --per-day, --outlets >= 1")
    if sum(args.big_story) > args.count or any(n < 1 for n in args.big_story):
        ap.error("--big-story sizes must be >= 1 and sum to at most --count")

    t0 = time.monotonic()
    docs = load_sources(not args.no_shared)
    if not docs:
        sys.exit("make_scale_corpus: no source texts found (examples/corpus, ../shared/eval)")
    lower_vocab = set()
    for title, sents in docs:
        for s in sents:
            lower_vocab.update(w for w in re.findall(r"\b[a-z][a-z'-]+\b", s))
    # Only documents whose words can be replaced (Latin script, a tenth of the words or more): a text that keeps
    # all its words (a Korean page, a table of numbers) would make every story built on it a copy of the others.
    sources = [src for src in (Source(t, s, lower_vocab) for t, s in docs)
               if len(src.slots) * 10 >= sum(len(x) for x in src.sentences)]
    vocabulary = sorted(set(w for src in sources for w in src.content))
    fillers = [" ".join(s) for src in sources for s in src.sentences if 6 <= len(s) <= 30]
    print("make_scale_corpus: %d source documents, %d sentences, %d content words (%.1f s)"
          % (len(sources), sum(len(s.sentences) for s in sources), len(vocabulary), time.monotonic() - t0),
          file=sys.stderr)

    rng = random.Random(args.seed)
    gen = Generator(sources, vocabulary, fillers, rng, args)
    start = dt.date.fromisoformat(args.start)
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    gold_path = args.gold or (re.sub(r"\.jsonl$", "", args.out) + ".gold.tsv" if args.out else None)
    gold = open(gold_path, "w", encoding="utf-8") if gold_path else None
    if gold:
        gold.write("url\tstory\tcopy_of\n")

    bigs = [gen.new_story(n, start, big=True) for n in args.big_story]
    big_left = sum(args.big_story)
    ordinary_total = args.count - big_left
    reserved = 0
    active = []
    written = 0
    copies = 0
    while written < args.count:
        day_index = written // args.per_day
        today = start + dt.timedelta(days=day_index)
        remaining = args.count - written
        if big_left and rng.random() * remaining < big_left:
            candidates = [b for b in bigs if b["emitted"] < b["size"]]
            story = pick(rng, candidates)
            big_left -= 1
            day = today
        else:
            # keep the window full with stories that fit in what is left of the ordinary articles
            while len(active) < args.window and reserved < ordinary_total:
                size = min(story_size(rng, args.stories_mean_size, args.max_story_size), ordinary_total - reserved)
                active.append(gen.new_story(size, today))
                reserved += size
            i = below(rng, len(active))
            story = active[i]
            day = story["day"] + dt.timedelta(days=story["offsets"][story["emitted"]])
        written += 1
        row, copy_of = gen.article(story, day, written)
        story["emitted"] += 1
        if story["offsets"] is not None and story["emitted"] >= story["size"]:
            active[i] = active[-1]
            active.pop()
        if copy_of:
            copies += 1
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")
        if gold:
            gold.write("%s\t%s\t%s\n" % (row["url"], story["label"], copy_of or ""))
        if written % 100000 == 0:
            print("make_scale_corpus: %d articles (%.0f/s)" % (written, written / (time.monotonic() - t0)),
                  file=sys.stderr)
    if args.out:
        out.close()
    else:
        out.flush()
    if gold:
        gold.close()
    print("make_scale_corpus: %d articles, %d stories (%d big), %d copies in %.1f s%s"
          % (written, gen.story_count, len(bigs), copies, time.monotonic() - t0,
             " -> " + args.out if args.out else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
