#!/usr/bin/env python3
"""Peer baselines for story grouping on ECB+ (gold subtopic = event clusters), BCubed P/R/F1.

- scikit-learn TF-IDF (sublinear, English stopwords) + agglomerative clustering (average linkage, cosine distance),
  distance threshold tuned on train+dev topics, reported on test (topics 36-45) and on all 982 documents;
- the same with KMeans given the gold number of clusters (oracle k, as a document-clustering step that knows k);
- Barhom et al. 2019 predicted test clusters (from the published file).
- datasketch MinHash (128 perms, 5-word shingles) + MinHashLSH time on the 982 documents, for the speed table.

Run: bench/.venv/bin/python eval/events_ecbplus.py [../shared/eval/events-ecbplus]
"""
import json
import sys
import time
from pathlib import Path

from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.feature_extraction.text import TfidfVectorizer

root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent.parent / "shared/eval/events-ecbplus")
rows = [l.split("\t") for l in (root / "gold_clusters.tsv").read_text().splitlines()[1:]]
docs = [(r[0], r[2], r[3]) for r in rows]
text = {d: (root / "text" / f"{d}.txt").read_text() for d, _, _ in docs}


def bcubed(pred, gold):
    size = {}
    for g in gold.values():
        size[g] = size.get(g, 0) + 1
    p = r = n = 0.0
    for cluster in pred:
        per = {}
        for m in cluster:
            per[gold[m]] = per.get(gold[m], 0) + 1
        for m in cluster:
            same = per[gold[m]]
            p += same / len(cluster)
            r += same / size[gold[m]]
            n += 1
    p /= n
    r /= n
    return p, r, 2 * p * r / (p + r)


def agglomerative(subset, threshold):
    ids = [d for d, _, _ in subset]
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([text[d] for d in ids]).toarray()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=threshold).fit_predict(x)
    return group(ids, labels)


def kmeans(subset):
    ids = [d for d, _, _ in subset]
    k = len({g for _, g, _ in subset})
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([text[d] for d in ids])
    labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(x)
    return group(ids, labels)


def group(ids, labels):
    out = {}
    for d, l in zip(ids, labels):
        out.setdefault(l, []).append(d)
    return list(out.values())


sets = {
    "train+dev": [x for x in docs if x[2] != "test"],
    "test": [x for x in docs if x[2] == "test"],
    "all": docs,
}
gold = {d: g for d, g, _ in docs}
best = max((bcubed(agglomerative(sets["train+dev"], t), gold)[2], t) for t in [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9])
print(f"sklearn agglomerative: distance threshold tuned on train+dev = {best[1]} (F1 {best[0]:.3f})")
for name in ["test", "all"]:
    start = time.perf_counter()
    pred = agglomerative(sets[name], best[1])
    took = time.perf_counter() - start
    p, r, f = bcubed(pred, gold)
    print(f"  {name}: {len(pred)} clusters, P {p:.3f} R {r:.3f} F1 {f:.3f} ({took:.2f} s)")
for name in ["test", "all"]:
    pred = kmeans(sets[name])
    p, r, f = bcubed(pred, gold)
    print(f"sklearn KMeans (oracle k) {name}: {len(pred)} clusters, P {p:.3f} R {r:.3f} F1 {f:.3f}")
barhom = json.loads((root / "peer_barhom2019_predicted_test_doc_clusters.json").read_text())
p, r, f = bcubed(barhom, gold)
print(f"Barhom et al. 2019 test: {len(barhom)} clusters, P {p:.3f} R {r:.3f} F1 {f:.3f}")

try:
    from datasketch import MinHash, MinHashLSH

    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for d, _, _ in docs:
        words = text[d].lower().split()
        m = MinHash(num_perm=128)
        for i in range(max(1, len(words) - 4)):
            m.update(" ".join(words[i:i + 5]).encode())
        lsh.query(m)
        lsh.insert(d, m)
    print(f"datasketch MinHash+LSH on {len(docs)} docs: {time.perf_counter() - start:.2f} s")
except ImportError:
    pass
