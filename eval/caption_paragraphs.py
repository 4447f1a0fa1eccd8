#!/usr/bin/env python3
"""List the paragraphs the timeline's CaptionDetector treats as photo captions or credits.

A mirror of Sources/ParallaxAnalysis/CaptionDetector.swift (same data: timeline.json's captionLabels and
photoCredits; same rule: a label and a colon opening the paragraph, or a paragraph of at most 60 tokens with a
credit phrase, as whole words, at its start or starting in its last 80 bytes), run over `parallax extract` output
to read what it flags:

    .build/debug/parallax extract ../shared/eval/extraction-l3s-gn1/html ../shared/eval/extraction-zyte/html \
        > /tmp/extracted.ndjson
    python3 eval/caption_paragraphs.py /tmp/extracted.ndjson

Prints each flagged paragraph (cut to 160 characters) and the count over all paragraphs.
"""
import json
import re
import sys

v = json.load(open("Sources/ParallaxAnalysis/Resources/timeline.json", encoding="utf-8"))
labels = [x.lower() for x in v["captionLabels"]]
credits = [x.lower().encode() for x in v["photoCredits"]]


def word_byte(c):
    return c >= 0x80 or 0x30 <= c <= 0x39 or 0x61 <= c <= 0x7A


def match(b, c, i):
    if b[i:i + len(c)] != c:
        return False
    if word_byte(c[0]) and i > 0 and word_byte(b[i - 1]):
        return False
    after = i + len(c)
    return not (word_byte(c[-1]) and after < len(b) and word_byte(b[after]))


def is_caption(p):
    t = p.lower()
    head = t.lstrip(" ([")
    if any(head.startswith(l) and head[len(l):].lstrip(" ").startswith(":") for l in labels):
        return True
    if len(re.findall(r"\w+|[^\w\s]", p)) > 60:
        return False
    b = t.encode()
    for c in credits:
        if len(c) <= len(b) and (match(b, c, 0) or any(match(b, c, i) for i in range(max(len(b) - 80, 1), len(b) - len(c) + 1))):
            return True
    return False


flagged = total = 0
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        for p in (json.loads(line).get("text") or "").split("\n"):
            total += 1
            if is_caption(p):
                flagged += 1
                print(p[:160])
print(f"{flagged} of {total} paragraphs flagged")
