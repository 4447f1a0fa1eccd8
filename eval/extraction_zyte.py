#!/usr/bin/env python3
"""Main-text extraction quality on the Zyte article-extraction benchmark (181 pages).

Runs `parallax extract` on the pages, trafilatura and readability-lxml in the same run, scores them and the
stored peer outputs with the benchmark's metric, and prints a table:

- tokens are `\\w+` runs (Unicode); each document becomes a multiset of 4-token shingles;
- per document, TP/FP/FN are multiset overlaps (normalised to sum to 1), precision and recall from them;
- P and R are averaged over documents; F1 = 2PR/(P+R) of the averages.

Usage (from the package root):
    swift build -c release
    bench/.venv/bin/python eval/extraction_zyte.py [--parallax .build/release/parallax] [--worst 15]

Peers come from PyPI in bench/.venv:
    python3 -m venv bench/.venv && bench/.venv/bin/pip install trafilatura==2.3.1 readability-lxml lxml_html_clean
Per-document scores go to eval/out/extraction_zyte_<system>.json.
"""
import argparse
import gzip
import json
import re
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "extraction-zyte"
TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def doc_scores(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = 0.0 if tp + fp == 0 else tp / (tp + fp)
    recall = 0.0 if tp + fn == 0 else tp / (tp + fn)
    return precision, recall


def evaluate(truth, outputs):
    per_doc = {}
    for key, item in truth.items():
        per_doc[key] = doc_scores(item["articleBody"], outputs.get(key, ""))
    p = statistics.mean(v[0] for v in per_doc.values())
    r = statistics.mean(v[1] for v in per_doc.values())
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    accuracy = statistics.mean(
        1.0 if TOKEN.findall(truth[k]["articleBody"]) == TOKEN.findall(outputs.get(k, "") or "") else 0.0
        for k in truth)
    return f1, p, r, accuracy, per_doc


def run_parallax(binary, pages, *flags):
    proc = subprocess.run([binary, "extract", *flags, *map(str, pages)], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
    out = {}
    for line in proc.stdout.splitlines():
        record = json.loads(line)
        out[Path(record["source"]).name.split(".")[0]] = record["text"]  # the page's file name is its key
    return out


def run_python_peers(pages):
    results = {}
    try:
        import trafilatura
        results["trafilatura 2.3.1"] = {
            page.name.split(".")[0]: trafilatura.extract(gzip.open(page).read().decode("utf-8")) or ""
            for page in pages}
    except ImportError:
        sys.stderr.write("trafilatura not installed in this Python; skipped\n")
    try:
        from readability import Document
        import lxml.html
        texts = {}
        for page in pages:
            html = gzip.open(page).read().decode("utf-8")
            summary = Document(html).summary(html_partial=True)
            texts[page.name.split(".")[0]] = lxml.html.fromstring(summary).text_content() if summary else ""
        results["readability-lxml"] = texts
    except ImportError:
        sys.stderr.write("readability-lxml not installed in this Python; skipped\n")
    return results


def run_systems(binary, pages, peers=True):
    """Parallax's main text and article text through `parallax extract`, then the Python peers, on `pages`."""
    systems = {
        "parallax": run_parallax(binary, pages, "--main-text-only"),
        "parallax + plain-text cleaning": run_parallax(binary, pages),
    }
    if peers:
        systems.update(run_python_peers(pages))
    return systems


def load_peer(path):
    data = json.loads(path.read_text())
    if "output" in data and isinstance(data["output"], dict):
        data = data["output"]
    return {k: (v.get("articleBody") if isinstance(v, dict) else v) or "" for k, v in data.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parallax", default=".build/release/parallax")
    parser.add_argument("--worst", type=int, default=0, help="print Parallax's N worst pages")
    parser.add_argument("--no-peers", action="store_true", help="skip trafilatura/readability (faster)")
    args = parser.parse_args()

    truth = json.loads((DATA / "ground-truth.json").read_text())
    pages = sorted((DATA / "html").glob("*.html.gz"))
    systems = run_systems(args.parallax, pages, peers=not args.no_peers)
    for path in sorted((DATA / "peer-outputs").glob("*.json")):
        systems[path.stem + " (stored)"] = load_peer(path)

    rows = []
    out_dir = Path(__file__).resolve().parent / "out"
    out_dir.mkdir(exist_ok=True)
    for name, outputs in systems.items():
        f1, p, r, acc, per_doc = evaluate(truth, outputs)
        rows.append((f1, p, r, acc, name))
        if not name.endswith("(stored)"):
            safe = re.sub(r"[^A-Za-z0-9.]+", "_", name)
            (out_dir / f"extraction_zyte_{safe}.json").write_text(json.dumps(per_doc, indent=0))
        if name == "parallax" and args.worst:
            worst = sorted(per_doc.items(), key=lambda kv: min(kv[1]))[:args.worst]
            for key, (pp, rr) in worst:
                print(f"  worst {key[:16]} P={pp:.3f} R={rr:.3f} {truth[key]['url'][:90]}")
    print(f"{'system':34} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6}")
    for f1, p, r, acc, name in sorted(rows, reverse=True):
        print(f"{name:34} {f1:6.3f} {p:6.3f} {r:6.3f} {acc:6.3f}")


if __name__ == "__main__":
    main()
