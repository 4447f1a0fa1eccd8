#!/usr/bin/env python3
"""Debug helper: Parallax's output paragraphs for one Zyte page marked + (in gold) or - (not in gold), and gold
paragraphs missed. Usage: bench/.venv/bin/python eval/zyte_diff.py ID_PREFIX [parallax binary]"""
import json, subprocess, sys
from pathlib import Path
DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "extraction-zyte"
truth = json.loads((DATA / "ground-truth.json").read_text())
key = next(k for k in truth if k.startswith(sys.argv[1]))
binary = sys.argv[2] if len(sys.argv) > 2 else ".build/debug/parallax"
out = subprocess.run([binary, "extract", str(DATA / "html" / f"{key}.html.gz")], capture_output=True, text=True)
text = json.loads(out.stdout)["text"] if out.stdout else ""
gold = truth[key]["articleBody"]
norm = lambda s: " ".join(s.split())
g = norm(gold)
print(truth[key]["url"])
for para in text.split("\n"):
    print(("+ " if norm(para)[:60] in g else "- ") + para[:150])
ours = norm(text)
for para in gold.split("\n"):
    if para.strip() and norm(para)[:60] not in ours:
        print("MISSED " + para[:150])
