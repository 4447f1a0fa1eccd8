#!/usr/bin/env python3
"""Debug helper: for one Zyte page (id prefix), print the ancestor chain (tag, class, id) of the elements holding
the first and last gold paragraphs. Usage: bench/.venv/bin/python eval/zyte_inspect.py ID_PREFIX"""
import gzip, json, sys
from pathlib import Path
import lxml.html
DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "extraction-zyte"
truth = json.loads((DATA / "ground-truth.json").read_text())
key = next(k for k in truth if k.startswith(sys.argv[1]))
tree = lxml.html.fromstring(gzip.open(DATA / "html" / f"{key}.html.gz").read())
paras = [p for p in truth[key]["articleBody"].split("\n") if len(p) > 40]
print(truth[key]["url"], len(truth[key]["articleBody"]), "chars")
for para in (paras[:1] + paras[-1:]) if paras else []:
    probe = para[:30]
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag not in ("script", "meta", "title") and probe[:20] in (el.text or "") + "".join(c.tail or "" for c in el):
            chain = []
            while el is not None:
                chain.append(f"{el.tag}.{el.get('class','')}#{el.get('id','')}"[:70])
                el = el.getparent()
            print(" <- ".join(chain))
            break
    else:
        print("not found:", probe)
