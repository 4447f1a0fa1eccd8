#!/usr/bin/env python3
"""HTML extraction speed on the Zyte pages: Parallax (`parallax extract`) next to trafilatura, same run.

Reports pages/s and MB/s (uncompressed HTML bytes; gunzip included for both) on one core and on all cores
(Parallax: `--jobs N`, concurrent over pages; trafilatura: a process pool), by wall clock and by CPU time (the
CPU figures are steadier on a shared machine). Parallax's figures include process start and JSON output.

Usage (from the package root):
    swift build -c release
    bench/.venv/bin/python bench/extraction_bench.py [--parallax .build/release/parallax] [--repeat 10]
"""
import argparse
import gzip
import multiprocessing
import os
import resource
import subprocess
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "extraction-zyte" / "html"


def trafilatura_page(path):
    import trafilatura
    return len(trafilatura.extract(gzip.open(path).read().decode("utf-8")) or "")


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


MODES = {
    "main text": ["--main-text-only", "--no-metadata"],
    "main text + metadata": ["--main-text-only"],
    "full article (+ cleaning)": [],
}


def time_parallax(binary, pages, repeat, jobs, flags):
    """(wall, cpu) seconds per pass over the pages; best of 2 runs."""
    args = [binary, "extract", *flags, "--jobs", str(jobs), *map(str, pages * repeat)]
    best = None
    for _ in range(2):
        cpu0, start = child_cpu(), time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        result = ((time.perf_counter() - start) / repeat, (child_cpu() - cpu0) / repeat)
        best = result if best is None or result[0] < best[0] else best
    return best


def time_trafilatura(pages, jobs):
    """(wall, cpu) seconds for one pass; cpu only for the single process."""
    import trafilatura  # noqa: F401  (import cost outside the timing)
    trafilatura_page(pages[0])  # warm-up
    cpu0, start = time.process_time(), time.perf_counter()
    if jobs == 1:
        for page in pages:
            trafilatura_page(page)
        return time.perf_counter() - start, time.process_time() - cpu0
    with multiprocessing.Pool(jobs) as pool:
        pool.map(trafilatura_page, pages, chunksize=4)
    return time.perf_counter() - start, float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parallax", default=".build/release/parallax")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the pages per Parallax run")
    parser.add_argument("--no-trafilatura", action="store_true")
    args = parser.parse_args()
    pages = sorted(DATA.glob("*.html.gz"))
    megabytes = sum(len(gzip.open(p).read()) for p in pages) / 1e6
    cores = os.cpu_count() or 1
    print(f"{len(pages)} pages, {megabytes:.1f} MB of HTML (uncompressed), {cores} cores")
    rows = []
    for jobs in (1, cores):
        for mode, flags in MODES.items():
            seconds = time_parallax(args.parallax, pages, args.repeat, jobs, flags)
            rows.append((f"parallax {mode}, --jobs {jobs}", seconds))
        if not args.no_trafilatura:
            rows.append((f"trafilatura 2.3.1, {jobs} process(es)", time_trafilatura(pages, jobs)))
    print(f"{'system':42} {'wall s':>7} {'pages/s':>8} {'MB/s':>7} {'CPU s':>7} {'pages/CPU-s':>11} {'MB/CPU-s':>9}")
    for name, (wall, cpu) in rows:
        print(f"{name:42} {wall:7.3f} {len(pages) / wall:8.1f} {megabytes / wall:7.1f} {cpu:7.3f} "
              f"{len(pages) / cpu:11.1f} {megabytes / cpu:9.1f}")


if __name__ == "__main__":
    main()
