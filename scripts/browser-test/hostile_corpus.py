#!/usr/bin/env python3
"""Writes the hostile corpus of scripts/browser-test.sh: invented articles about one invented event (the Brenmoor
bridge collapse) whose titles, bodies, quotes, outlet names and URLs carry markup that would run script if a page
failed to escape it, plus an invented Arabic article for right-to-left text. Every payload that could run sets
document.title to something with PWNED in it or adds an element whose id starts with pwned: the checker fails when
either happens. Usage: hostile_corpus.py OUT.jsonl"""
import json
import sys

MARK = "document.title='PWNED';document.body.insertAdjacentHTML('beforeend','<b id=pwned-marker>x</b>')"
PAYLOADS = {
    "script": f"<script>{MARK}</script>",
    "img": "<img src=x onerror=\"document.title='PWNED-IMG'\">",
    "svg": "<svg onload=\"document.title='PWNED-SVG'\"><circle r=9 id=pwned-svg></circle></svg>",
    "style": f"</style><script>{MARK}</script><style>",
    "textarea": f"</textarea><script>{MARK}</script>",
    "attr": "\" onmouseover=\"document.title='PWNED-ATTR'\" x=\"",
    "single": "' onfocus='document.title=\"PWNED-SINGLE\"' autofocus x='",
    # A quote and a tag opener followed by a combining mark: one Character, two Unicode scalars.
    "combining": "\"\u0301 autofocus onfocus=\"document.title='PWNED-COMBINING'\" x=\"\u0301<\u0301b id=pwned-comb>",
    "iframe": "<iframe srcdoc=\"<script>parent.document.title='PWNED-IFRAME'</script>\" id=pwned-iframe></iframe>",
}

BASE = (
    "The Brenmoor bridge over the river Tamsin collapsed on Friday evening, sending two lorries into the water. "
    "Rescue teams pulled four drivers from the river, the county fire service said. "
)


def article(i, outlet, url, title, extra, quote):
    text = (
        BASE + extra + "\n\n"
        + f"\u201c{quote}\u201d, county engineer Mara Quill said on Saturday. "
        + "Traffic was diverted through Oldcastle while divers searched the riverbed."
    )
    return {
        "id": f"hostile-{i}", "outlet": outlet, "url": url, "title": title, "published": "2025-05-02",
        "language": "en", "text": text,
    }


def main(path):
    p = PAYLOADS
    rows = [
        article(1, "Tamsin Gazette " + p["img"], "javascript:document.title='PWNED-LINK'",
                "Brenmoor bridge collapses " + p["script"], p["style"] + " " + p["attr"],
                "The bridge was inspected in March " + p["svg"]),
        article(2, "Oldcastle Post" + p["attr"], "https://oldcastle-post.example/a/1\"><script>" + MARK + "</script>",
                "Bridge collapse in Brenmoor " + p["textarea"] + p["combining"], p["single"] + " " + p["iframe"],
                "The bridge was inspected in March and passed " + p["img"]),
        article(3, "River Courier", "  JaVaScRiPt:document.title='PWNED-LINK2'",
                "Lorries fall as Brenmoor bridge gives way " + p["svg"],
                "<a href=\"javascript:document.title='PWNED-HREF'\">read more</a> " + p["combining"],
                "The bridge was inspected in March " + p["script"]),
        {
            # Invented Arabic article (right-to-left): the Brenmoor bridge collapsed on Friday; four drivers rescued.
            "id": "hostile-ar", "outlet": "صحيفة الوادي", "url": "https://alwadi.example/brenmoor",
            "title": "انهيار جسر برينمور فوق نهر تامسين",
            "published": "2025-05-03", "language": "ar",
            "text": "انهار جسر برينمور فوق نهر تامسين مساء الجمعة، وسقطت شاحنتان في الماء. "
                    "وقالت فرق الإنقاذ إنها انتشلت أربعة سائقين من النهر. "
                    "وقالت المهندسة مارا كويل: «تم فحص الجسر في شهر مارس». " + p["script"],
        },
    ]
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
