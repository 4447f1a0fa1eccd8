#!/usr/bin/env python3
"""Near duplicates and story grouping by the peers a user would pick, on the generated scale corpora.

On the corpora of bench/make_scale_corpus.py (bench/out/scale-N.jsonl with their gold files; made when missing):

  * datasketch MinHash + MinHashLSH for near duplicates, with the settings of Parallax's DuplicateDetector
    (Sources/ParallaxAnalysis/DuplicateDetector.swift): lower-cased word tokens, 5-word shingles, 128
    permutations, LSH with 32 bands of 4 rows (`params=(32, 4)`), and a candidate is a copy when the estimated
    Jaccard similarity reaches 0.5. Scored against the gold copy groups (an original and its copies) as
    precision/recall/F1 of the copy pairs (pairs of articles in one group; groups of the prediction are the
    connected components of the found pairs).
  * scikit-learn TfidfVectorizer (English stop words, sublinear tf, title + text) and AgglomerativeClustering
    (cosine distance, average linkage, no cluster count, `distance_threshold` 0.75, i.e. joined above cosine
    similarity 0.25, the similarity Parallax's clusterer joins at). scikit-learn's average linkage takes a dense
    distance matrix (its sparse input is refused), so the cosine distances are computed with
    sklearn.metrics.pairwise.cosine_distances and passed as `metric="precomputed"`: O(n^2) memory. Scored with
    BCubed precision/recall/F1 against the gold story labels.

Each peer runs in a child process with a memory cap (RLIMIT_AS, --mem-cap-gb) and a time cap (--time-cap-s);
a run that hits one is reported as "not usable at N" with the reason, and larger sizes of that peer are skipped
(agglomerative stops at once when its dense n x n distance matrix alone is over the memory cap).
Time: compute seconds (reading the corpus included, interpreter start and imports not) and the child's
wall time; memory: the child's peak RSS (ru_maxrss). Peers run under `nice -n 10`.

    python3 -m venv bench/.venv && bench/.venv/bin/pip install -r bench/requirements-peers.txt
    bench/.venv/bin/python bench/grouping_peers.py --sizes 1000,10000 --lsh-sizes 1000,10000,100000
    bench/.venv/bin/python bench/grouping_peers.py --score-export EXPORT.jsonl --gold GOLD.tsv   # score Parallax

Prints a Markdown table and writes JSON (--json, default bench/out/grouping_peers.json). Parallax's own columns
come from bench/ingest_bench.sh on the same corpora (--score-export scores an export of its articles when the
export carries a story id and a copy-of field).
"""
import argparse
import collections
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
WORD_RE = re.compile(r"\w+")
SHINGLE = 5
PERMUTATIONS = 128
BANDS, ROWS = 32, 4
COPY_THRESHOLD = 0.5


# ------------------------------------------------------------------------------------------------- gold, scores

def read_gold(path):
    """url -> (story label, copy group root url)."""
    gold = {}
    with open(path, encoding="utf-8") as f:
        next(f, None)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                copy_of = parts[2] if len(parts) > 2 and parts[2] else parts[0]
                gold[parts[0]] = (parts[1], copy_of)
    return gold


def bcubed(pred, gold):
    """BCubed precision, recall, F1 of two labelings (lists of labels, one per item). Linear time."""
    n = len(pred)
    if n == 0:
        return 0.0, 0.0, 0.0
    both = collections.Counter(zip(pred, gold))
    p_size = collections.Counter(pred)
    g_size = collections.Counter(gold)
    p = sum(both[(a, b)] / p_size[a] for a, b in zip(pred, gold)) / n
    r = sum(both[(a, b)] / g_size[b] for a, b in zip(pred, gold)) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pair_scores(pred, gold):
    """Precision, recall, F1 of the pairs of items put in one group (groups of size 1 make no pair)."""
    pairs = lambda counter: sum(k * (k - 1) // 2 for k in counter.values())
    tp = pairs(collections.Counter(zip(pred, gold)))
    predicted, actual = pairs(collections.Counter(pred)), pairs(collections.Counter(gold))
    p = tp / predicted if predicted else 1.0
    r = tp / actual if actual else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), predicted, actual


class DisjointSets:
    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, i):
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def read_corpus(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


# ---------------------------------------------------------------------------------------------------- peers

def run_lsh(corpus, gold):
    from datasketch import MinHash, MinHashLSH
    t0 = time.monotonic()
    lsh = MinHashLSH(num_perm=PERMUTATIONS, params=(BANDS, ROWS))
    urls, sigs = [], []
    sets = DisjointSets(0)
    for i, row in enumerate(read_corpus(corpus)):
        words = WORD_RE.findall(row.get("text", "").lower())
        k = max(1, min(SHINGLE, len(words)))
        shingles = {" ".join(words[j:j + k]).encode("utf-8") for j in range(max(1, len(words) - k + 1))}
        m = MinHash(num_perm=PERMUTATIONS)
        m.update_batch(list(shingles))
        sets.parent.append(i)
        # as Parallax's DuplicateIndex: query the earlier documents, then insert
        for j in lsh.query(m):
            if m.jaccard(sigs[j]) >= COPY_THRESHOLD:
                sets.union(i, j)
        lsh.insert(i, m)
        sigs.append(m)
        urls.append(row.get("url", ""))
    elapsed = time.monotonic() - t0
    pred = [sets.find(i) for i in range(len(urls))]
    truth = [gold.get(u, (u, u))[1] for u in urls]
    p, r, f, predicted, actual = pair_scores(pred, truth)
    return {"articles": len(urls), "seconds": elapsed, "copy_pair_precision": p, "copy_pair_recall": r,
            "copy_pair_f1": f, "predicted_pairs": predicted, "gold_pairs": actual}


def run_agglomerative(corpus, gold, threshold, cap_bytes):
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances
    t0 = time.monotonic()
    urls, texts = [], []
    for row in read_corpus(corpus):
        urls.append(row.get("url", ""))
        texts.append((row.get("title") or "") + "\n" + (row.get("text") or ""))
    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    del texts
    t1 = time.monotonic()
    need = 8 * x.shape[0] ** 2  # the dense float64 n x n distance matrix alone
    if need > cap_bytes:
        return {"error": "the %d x %d distance matrix alone needs %.1f GiB, over the %.0f GiB cap"
                % (x.shape[0], x.shape[0], need / 2**30, cap_bytes / 2**30), "tfidf_seconds": t1 - t0}
    d = cosine_distances(x)
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=threshold).fit(d)
    elapsed = time.monotonic() - t0
    truth = [gold.get(u, (u, u))[0] for u in urls]
    p, r, f = bcubed(list(model.labels_), truth)
    return {"articles": len(urls), "seconds": elapsed, "tfidf_seconds": t1 - t0,
            "clusters": int(model.n_clusters_), "gold_stories": len(set(truth)),
            "bcubed_precision": p, "bcubed_recall": r, "bcubed_f1": f}


def worker(args):
    """Runs one peer in this process under the memory cap; prints one JSON object."""
    cap = int(args.mem_cap_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    gold = read_gold(args.gold)
    try:
        if args.worker == "lsh":
            result = run_lsh(args.corpus, gold)
        else:
            result = run_agglomerative(args.corpus, gold, args.threshold, cap)
    except MemoryError:
        result = {"error": "memory cap %.0f GiB reached" % args.mem_cap_gb}
    except ValueError as e:  # numpy reports some impossible allocations this way
        result = {"error": "ValueError: %s" % str(e)[:200]}
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


# -------------------------------------------------------------------------------------------------- driver

def corpus_for(n, seed, big_story):
    """The corpus of n articles and its gold (the names bench/ingest_bench.sh uses), made when missing."""
    stem = os.path.join(OUT, "scale-%d%s" % (n, "-big%d" % big_story if big_story else ""))
    path, gold = stem + ".jsonl", stem + ".gold.tsv"
    if not (os.path.isfile(path) and os.path.isfile(gold)):
        big = ["--big-story", str(big_story)] if big_story else []
        subprocess.run(["nice", "-n", "10", sys.executable, os.path.join(ROOT, "bench", "make_scale_corpus.py"),
                        "--count", str(n), "--seed", str(seed), "--out", path] + big, check=True)
    return path, gold


def run_child(peer, corpus, gold, args):
    cmd = ["nice", "-n", "10", sys.executable, os.path.abspath(__file__), "--worker", peer, "--corpus", corpus,
           "--gold", gold, "--mem-cap-gb", str(args.mem_cap_gb), "--threshold", str(args.threshold)]
    t0 = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.time_cap_s)
    except subprocess.TimeoutExpired:
        return {"error": "time cap %d s reached" % args.time_cap_s, "wall_seconds": time.monotonic() - t0}
    wall = time.monotonic() - t0
    lines = [l for l in proc.stdout.splitlines() if l.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = proc.stderr.strip().splitlines()[-1:] or ["exit %d" % proc.returncode]
        if proc.returncode < 0 or "MemoryError" in proc.stderr or "Unable to allocate" in proc.stderr:
            return {"error": "memory cap %.0f GiB reached (%s)" % (args.mem_cap_gb, tail[0][:120]),
                    "wall_seconds": wall}
        return {"error": tail[0][:200], "wall_seconds": wall}
    result = json.loads(lines[-1])
    result["wall_seconds"] = wall
    return result


def fmt(v, digits=3):
    return ("%." + str(digits) + "f") % v if isinstance(v, float) else str(v)


def score_export(args):
    """Scores an export of Parallax's articles (JSON Lines with url, a story id and optionally copy_of, which may
    name the original by its id or its url; copies of copies are followed to the first original)."""
    gold = read_gold(args.gold)
    urls, stories, links, ids = [], [], [], {}
    for row in read_corpus(args.score_export):
        url = row.get("url")
        story = next((row[k] for k in ("story", "story_id", "storyID", "storyId") if row.get(k) is not None), None)
        if url is None or story is None:
            continue
        copy = next((row[k] for k in ("copy_of", "copyOf", "duplicate_of", "duplicateOf") if row.get(k)), None)
        if row.get("id") is not None:
            ids[str(row["id"])] = len(urls)
        urls.append(url)
        stories.append(str(story))
        links.append(str(copy) if copy else None)
    if not urls:
        sys.exit("grouping_peers: no rows with url and a story id in " + args.score_export)
    index = {u: i for i, u in enumerate(urls)}
    sets = DisjointSets(len(urls))
    for i, link in enumerate(links):
        j = ids.get(link, index.get(link)) if link else None
        if j is not None:
            sets.union(i, j)
    result = {"articles": len(urls), "gold_articles": len(gold),
              "copy_links_unresolved": sum(1 for l in links if l and l not in ids and l not in index)}
    result["bcubed_precision"], result["bcubed_recall"], result["bcubed_f1"] = bcubed(
        stories, [gold.get(u, (u, u))[0] for u in urls])
    p, r, f, predicted, actual = pair_scores([sets.find(i) for i in range(len(urls))],
                                             [gold.get(u, (u, u))[1] for u in urls])
    result.update(copy_pair_precision=p, copy_pair_recall=r, copy_pair_f1=f, predicted_pairs=predicted,
                  gold_pairs=actual)
    print(json.dumps(result, indent=1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes for TF-IDF + agglomerative")
    ap.add_argument("--lsh-sizes", default="1000,10000,100000", help="corpus sizes for datasketch LSH")
    ap.add_argument("--seed", type=int, default=7, help="generator seed for corpora made here")
    ap.add_argument("--big-story", type=int, default=0, help="articles of one big story in corpora made here")
    ap.add_argument("--threshold", type=float, default=0.75, help="agglomerative cosine distance threshold")
    ap.add_argument("--mem-cap-gb", type=float, default=8.0, help="address-space cap of a peer run")
    ap.add_argument("--time-cap-s", type=int, default=1800, help="wall-time cap of a peer run")
    ap.add_argument("--json", default=os.path.join(OUT, "grouping_peers.json"))
    ap.add_argument("--score-export", help="score a Parallax export (JSON Lines) against --gold instead")
    ap.add_argument("--worker", choices=["lsh", "agglomerative"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--gold", help="gold TSV of make_scale_corpus.py (with --score-export)")
    args = ap.parse_args()
    if args.worker:
        return worker(args)
    if args.score_export:
        if not args.gold:
            ap.error("--score-export needs --gold")
        return score_export(args)

    import datasketch  # noqa: F401  (fail early, before corpora are made, when the venv is missing)
    import sklearn
    runs = []
    for peer, sizes in (("lsh", args.lsh_sizes), ("agglomerative", args.sizes)):
        stopped = None
        for n in sorted(int(s) for s in sizes.split(",") if s.strip()):
            corpus, gold = corpus_for(n, args.seed, args.big_story)
            if stopped:
                result = {"error": "not run: %s" % stopped}
            else:
                print("grouping_peers: %s at %d ..." % (peer, n), file=sys.stderr)
                result = run_child(peer, corpus, gold, args)
                if "error" in result:
                    stopped = "not usable at %d (%s)" % (n, result["error"])
            result.update(peer=peer, size=n)
            runs.append(result)
            print("grouping_peers: %s" % json.dumps(result), file=sys.stderr)

    report = {"machine": "%s, %d cores" % (platform.platform(), os.cpu_count() or 0),
              "python": platform.python_version(), "datasketch": getattr(datasketch, "__version__", "?"),
              "scikit_learn": sklearn.__version__, "threshold": args.threshold, "mem_cap_gb": args.mem_cap_gb,
              "time_cap_s": args.time_cap_s, "runs": runs}
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(report, f, indent=1)

    print("| peer | articles | compute s | articles/s | child wall s | peak RSS MB | quality (vs gold) |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for r in runs:
        name = "datasketch MinHashLSH (128 perm, 32x4, J>=0.5)" if r["peer"] == "lsh" else \
            "TF-IDF + agglomerative (cosine, average, d<%.2f)" % args.threshold
        if "error" in r:
            print("| %s | %d | - | - | %s | %s | %s |" % (name, r["size"], fmt(r.get("wall_seconds", "-"), 1),
                                                          fmt(r.get("peak_rss_mb", "-"), 0),
                                                     r["error"] if r["error"].startswith("not run") else
                                                     "not usable at %d: %s" % (r["size"], r["error"])))
            continue
        if r["peer"] == "lsh":
            q = "copy pairs P %.3f R %.3f F1 %.3f" % (r["copy_pair_precision"], r["copy_pair_recall"],
                                                      r["copy_pair_f1"])
        else:
            q = "BCubed P %.3f R %.3f F1 %.3f (%d clusters, %d stories)" % (
                r["bcubed_precision"], r["bcubed_recall"], r["bcubed_f1"], r["clusters"], r["gold_stories"])
        print("| %s | %d | %.1f | %.0f | %.1f | %.0f | %s |" % (
            name, r["articles"], r["seconds"], r["articles"] / max(r["seconds"], 1e-9), r["wall_seconds"],
            r["peak_rss_mb"], q))
    print("\nJSON: %s" % os.path.relpath(args.json, os.getcwd()), file=sys.stderr)


if __name__ == "__main__":
    main()
