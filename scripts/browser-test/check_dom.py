#!/usr/bin/env python3
"""Asserts on a DOM that headless Chromium dumped (--dump-dom: the document after its scripts ran).

Always: no script ran that the hostile corpus planted (the title has no PWNED, no element id starts with pwned),
no <script> but /static/parallax.js, no event-handler attribute, no javascript: link, no <iframe>, <object>,
<embed> or <base>, no autofocus. Then each --text must be in the page's text, each --element (tag, .class and
[attr=value] parts, e.g. 'article[dir=auto][lang=ar]' or 'table.matrix') must match an element, and each --no-text
must not be in the text. Usage: check_dom.py NAME FILE [--text T]... [--no-text T]... [--element SEL]..."""
import argparse
import re
import sys
from html.parser import HTMLParser

FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, {attr: value})
        self.text = []
        self.title = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: (v or "") for k, v in attrs}))
        # The document's title is the first <title> (inline SVG has <title> elements of its own).
        self._in_title = tag == "title" and not self.title

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, {k: (v or "") for k, v in attrs}))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        (self.title if self._in_title else self.text).append(data)


def matches(selector, tag, attrs):
    m = re.fullmatch(r"([a-z0-9]+)((?:\.[\w-]+)*)((?:\[[^\]=]+(?:=[^\]]*)?\])*)", selector)
    if not m:
        raise SystemExit(f"bad selector {selector}")
    if m.group(1) != tag:
        return False
    classes = set(attrs.get("class", "").split())
    if any(c not in classes for c in m.group(2).split(".")[1:]):
        return False
    for cond in re.findall(r"\[([^\]]+)\]", m.group(3)):
        name, _, value = cond.partition("=")
        if name not in attrs or ("=" in cond and attrs[name] != value):
            return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("file")
    ap.add_argument("--text", action="append", default=[])
    ap.add_argument("--no-text", action="append", default=[])
    ap.add_argument("--element", action="append", default=[])
    a = ap.parse_args()
    page = Page()
    with open(a.file, encoding="utf-8") as f:
        dom = f.read()
    page.feed(dom)
    title = "".join(page.title)
    text = " ".join(" ".join(page.text).split())
    problems = []
    if not page.elements:
        problems.append("empty DOM")
    # Every page's title ends with the site name; a planted script sets it to PWNED... (article titles may hold the
    # word as text, so the title's ending and start are what tell).
    if title.startswith("PWNED") or not title.endswith("· Parallax"):
        problems.append(f"a planted script ran: the title is {title!r}")
    for tag, attrs in page.elements:
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs.items())}>"[:160]
        if attrs.get("id", "").lower().startswith("pwned"):
            problems.append(f"planted element in the DOM: {where}")
        if tag in FORBIDDEN_TAGS:
            problems.append(f"forbidden element: {where}")
        if tag == "script" and attrs.get("src") != "/static/parallax.js":
            problems.append(f"unexpected script: {where}")
        for k, v in attrs.items():
            if k.startswith("on") or k == "autofocus":
                problems.append(f"injected attribute {k}: {where}")
            if k in URL_ATTRS and re.sub(r"[\x00-\x20]", "", v).lower().startswith(("javascript:", "data:text")):
                problems.append(f"script URL in {k}: {where}")
    for t in a.text:
        if t not in text:
            problems.append(f"text not shown: {t!r}")
    for t in a.no_text:
        if t in text:
            problems.append(f"text shown that should not be: {t!r}")
    for sel in a.element:
        if not any(matches(sel, tag, attrs) for tag, attrs in page.elements):
            problems.append(f"no element {sel}")
    if problems:
        print(f"FAIL {a.name}: " + "; ".join(problems))
        sys.exit(1)
    print(f"ok   {a.name}: {len(page.elements)} elements, title {title!r}")


if __name__ == "__main__":
    main()
