#!/usr/bin/env python3
"""HTML extraction speed on the Zyte pages: Parallax (`parallax extract`) next to trafilatura, same run.

Reports pages/s and MB/s (uncompressed HTML bytes; gunzip included for both) on one core and on all cores
(Parallax: `--jobs N`, concurrent over pages; trafilatura: a process pool).

Usage (from the package root):
    swift build -c release
    bench/.venv/bin/python bench/extraction_bench.py [--parallax .build/release/parallax] [--repeat 10]
"""
import argparse
import gzip
import multiprocessing
import os
import subprocess
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "extraction-zyte" / "html"


def trafilatura_page(path):
    import trafilatura
    return len(trafilatura.extract(gzip.open(path).read().decode("utf-8")) or "")


def time_parallax(binary, pages, repeat, jobs):
    args = [binary, "extract", "--jobs", str(jobs), *map(str, pages * repeat)]
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best / repeat


def time_trafilatura(pages, jobs):
    import trafilatura  # noqa: F401  (import cost outside the timing)
    trafilatura_page(pages[0])  # warm-up
    start = time.perf_counter()
    if jobs == 1:
        for page in pages:
            trafilatura_page(page)
    else:
        with multiprocessing.Pool(jobs) as pool:
            pool.map(trafilatura_page, pages, chunksize=4)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parallax", default=".build/release/parallax")
    parser.add_argument("--repeat", type=int, default=10, help="passes over the pages per Parallax run")
    parser.add_argument("--no-trafilatura", action="store_true")
    args = parser.parse_args()
    pages = sorted(DATA.glob("*.html.gz"))
    megabytes = sum(len(gzip.open(p).read()) for p in pages) / 1e6
    cores = os.cpu_count() or 1
    print(f"{len(pages)} pages, {megabytes:.1f} MB of HTML (uncompressed), {cores} cores")
    rows = []
    for jobs in (1, cores):
        seconds = time_parallax(args.parallax, pages, args.repeat, jobs)
        rows.append((f"parallax extract --jobs {jobs}", seconds))
        if not args.no_trafilatura:
            rows.append((f"trafilatura 2.3.1, {jobs} process(es)", time_trafilatura(pages, jobs)))
    print(f"{'system':36} {'s/pass':>8} {'pages/s':>9} {'MB/s':>8}")
    for name, seconds in rows:
        print(f"{name:36} {seconds:8.3f} {len(pages) / seconds:9.1f} {megabytes / seconds:8.1f}")


if __name__ == "__main__":
    main()
