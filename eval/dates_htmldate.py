#!/usr/bin/env python3
"""Publication-date extraction: Parallax vs htmldate (fast and extensive) on the htmldate/Media Cloud pages.

Usage (from the package root):
    python3 -m venv bench/.venv && bench/.venv/bin/pip install htmldate
    bench/.venv/bin/python eval/dates_htmldate.py [--data ../shared/eval/dates-htmldate-mediacloud]
        [--parallax eval/out/parallax-dates.json] [--run-swift] [--errors]

Parallax's predictions come from the Swift gate test, which writes them when PARALLAX_DATES_OUT is set:
    PARALLAX_DATES_OUT=$PWD/eval/out/parallax-dates.json swift test --filter DateGateTests
(PARALLAX_DATES_MODE=fast for the fast mode, written to parallax-dates-fast.json). `--run-swift` runs both.
`--cli .build/debug/parallax` also scores `parallax extract` itself on the pages (the CLI path, no URL). Metric (htmldate's tests/evaluation.py): per page, the right day is a TP,
a wrong day an FP, no date an FN; precision, recall, accuracy = TP/(TP+FP+FN), F-score. Pages whose gold date is
missing (NaN in gold.json) are left out, as upstream does.
"""
import argparse
import gzip
import json
import math
import os
import subprocess
import sys
import time


def load_gold(data):
    with open(os.path.join(data, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    out = {}
    for url, item in gold.items():
        date = item.get("date")
        if not isinstance(date, str):  # NaN / null: no gold date
            continue
        out[url] = (item["file"], date)
    return out


def score(gold, predictions):
    tp = fp = fn = 0
    for url, (_, date) in gold.items():
        got = predictions.get(url)
        if not got:
            fn += 1
        elif got[:10] == date:
            tp += 1
        else:
            fp += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    a = tp / (tp + fp + fn) if tp + fp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return dict(tp=tp, fp=fp, fn=fn, precision=p, recall=r, accuracy=a, f=f)


def run_htmldate(gold, data, extensive):
    from htmldate import find_date

    preds = {}
    start = time.perf_counter()
    for url, (name, _) in gold.items():
        with gzip.open(os.path.join(data, "html", name + ".gz"), "rb") as f:
            html = f.read()  # bytes: htmldate detects the encoding itself
        try:
            preds[url] = find_date(html, url=url, extensive_search=extensive, original_date=True)
        except Exception:  # a peer failure counts as no output
            preds[url] = None
    return preds, time.perf_counter() - start


def run_cli(gold, data, binary):
    """`parallax extract` on the pages, as a user runs it (no URL given), keyed back to the gold URLs."""
    by_file = {name: url for url, (name, _) in gold.items()}
    paths = [os.path.join(data, "html", name + ".gz") for name in by_file]
    proc = subprocess.run([binary, "extract", *paths], capture_output=True, text=True)
    preds = {}
    for line in proc.stdout.splitlines():
        record = json.loads(line)
        name = os.path.basename(record["source"])[:-3]
        if name in by_file and record.get("published"):
            preds.setdefault(by_file[name], record["published"])
    return preds


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="../shared/eval/dates-htmldate-mediacloud")
    ap.add_argument("--parallax", default="eval/out/parallax-dates.json")
    ap.add_argument("--run-swift", action="store_true", help="run the Swift gate test to write --parallax first")
    ap.add_argument("--errors", action="store_true", help="list the pages Parallax gets wrong")
    ap.add_argument("--cli", action="append", default=[], metavar="BINARY",
                    help="also score `BINARY extract` on the pages (the CLI path; repeat for several builds)")
    args = ap.parse_args()

    gold = load_gold(args.data)
    rows = []
    for binary in args.cli:
        rows.append((f"parallax extract ({binary})", score(gold, run_cli(gold, args.data, binary)), None))
    for extensive in (False, True):
        preds, secs = run_htmldate(gold, args.data, extensive)
        rows.append(("htmldate " + ("extensive" if extensive else "fast"), score(gold, preds), secs))

    fast_path = args.parallax.replace(".json", "-fast.json")
    if args.run_swift:
        os.makedirs(os.path.dirname(args.parallax) or ".", exist_ok=True)
        for mode, path in (("fast", fast_path), ("extensive", args.parallax)):
            env = dict(os.environ, PARALLAX_DATES_OUT=os.path.abspath(path), PARALLAX_DATES_MODE=mode)
            subprocess.run(["swift", "test", "--filter", "DateGateTests"], env=env, check=False)
    ours = None
    for name, path in (("Parallax fast", fast_path), ("Parallax extensive", args.parallax)):
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                ours = json.load(f)
            rows.append((name, score(gold, ours), None))
        else:
            print(f"(no Parallax predictions at {path}; run with --run-swift)", file=sys.stderr)

    print(f"{len(gold)} pages with a gold date ({args.data})")
    print(f"| system | TP | FP | FN | precision | recall | accuracy | F | time |")
    print(f"|---|---|---|---|---|---|---|---|---|")
    for name, s, secs in rows:
        t = f"{secs:.1f} s" if secs is not None else "-"
        print(f"| {name} | {s['tp']} | {s['fp']} | {s['fn']} | {s['precision']:.3f} | {s['recall']:.3f} | "
              f"{s['accuracy']:.3f} | {s['f']:.3f} | {t} |")

    if args.errors and ours is not None:
        for url, (name, date) in sorted(gold.items()):
            got = ours.get(url)
            if not got or got[:10] != date:
                print(f"{name}\tgold {date}\tgot {got}\t{url}")


if __name__ == "__main__":
    main()
