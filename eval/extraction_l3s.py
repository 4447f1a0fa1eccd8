#!/usr/bin/env python3
"""Main-text extraction quality on L3S-GN1 (621 news pages of 408 sites, human block labels): the held-out set.

Same metric as eval/extraction_zyte.py (4-token shingles, per-page P/R averaged, F1 of the averages). Gold is the
`fulltext` blocks of ../shared/eval/extraction-l3s-gn1/gold.json (`--gold wceb`: headline + fulltext +
supplemental, as the WCEB benchmark scores it). Parallax runs through `parallax extract` (the production reader);
trafilatura and readability-lxml run in the same process as this script, on the same pages.

Usage (from the package root):
    swift build -c release
    bench/.venv/bin/python eval/extraction_l3s.py [--parallax .build/release/parallax] [--gold fulltext|wceb]
Nothing here was tuned on: tune on Zyte (eval/extraction_zyte.py), report this one.
"""
import argparse
import json
import re
from pathlib import Path

from extraction_zyte import evaluate, run_systems

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "extraction-l3s-gn1"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parallax", default=".build/release/parallax")
    parser.add_argument("--gold", choices=["fulltext", "wceb"], default="fulltext")
    parser.add_argument("--no-peers", action="store_true", help="skip trafilatura/readability (faster)")
    args = parser.parse_args()

    gold = json.loads((DATA / "gold.json").read_text())
    fields = ["fulltext"] if args.gold == "fulltext" else ["headline", "fulltext", "supplemental"]
    truth = {k: {"articleBody": "\n".join(v.get(f) or "" for f in fields)} for k, v in gold.items()}
    pages = sorted((DATA / "html").glob("*.html.gz"))
    systems = run_systems(args.parallax, pages, peers=not args.no_peers)
    rows = []
    out_dir = Path(__file__).resolve().parent / "out"
    out_dir.mkdir(exist_ok=True)
    for name, outputs in systems.items():
        f1, p, r, acc, per_doc = evaluate(truth, outputs)
        rows.append((f1, p, r, name))
        safe = re.sub(r"[^A-Za-z0-9.]+", "_", name)
        (out_dir / f"extraction_l3s_{safe}.json").write_text(json.dumps(per_doc, indent=0))
    print(f"L3S-GN1, gold = {'+'.join(fields)}, {len(truth)} pages")
    print(f"{'system':34} {'F1':>6} {'P':>6} {'R':>6}")
    for f1, p, r, name in sorted(rows, reverse=True):
        print(f"{name:34} {f1:6.3f} {p:6.3f} {r:6.3f}")


if __name__ == "__main__":
    main()
