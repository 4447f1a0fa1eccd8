#!/usr/bin/env bash
# Drives headless Chromium (Debian's `chromium`) through the web UI of `parallax serve` and asserts on what it
# shows: the bundled examples/ corpus plus a hostile corpus (scripts/browser-test/hostile_corpus.py: markup, event
# handlers, javascript: links, </style>, </textarea> in titles, bodies, quotes, outlet names and URLs, and an
# Arabic article) in a temporary database, served on a free loopback port. Checks the story list, story pages,
# article pages and searches (scripts/browser-test/check_dom.py: texts shown, the matrix present, dir/lang on
# article text, nothing injected, no planted script ran), the layout on a phone (scripts/browser-test/layout.py over
# the DevTools protocol: no page scrolls sideways), HTTP-level security checks with curl, and takes screenshots of
# the story page at laptop (1280x900) and phone (390x844) sizes into docs/screenshots/ (or $SCREENSHOTS). Ends with
# "browser: N passed, N failed" and exits non-zero when any check failed. The server is stopped on exit (trap).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
here=$root/scripts/browser-test
shots=${SCREENSHOTS:-$root/docs/screenshots}

if ! command -v chromium >/dev/null; then
    echo "installing chromium" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
# The same build as `swift test` (a product-only build uses other flags and would rebuild half the packages).
swift build --build-tests >&2
bin=$(swift build --show-bin-path)/parallax

work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

start=$(date +%s)
python3 "$here/hostile_corpus.py" "$work/hostile.jsonl"
db=$work/corpus.sqlite
"$bin" ingest --db "$db" --outlets examples/outlets.json -q examples/corpus "$work/hostile.jsonl" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
"$bin" serve --db "$db" --outlets examples/outlets.json --host 127.0.0.1 --port "$port" --token browser-test \
    >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fsS -o /dev/null "$base/api/stats" 2>/dev/null && break; sleep 0.1; done
curl -fsS -o /dev/null "$base/api/stats" || { cat "$work/server.log" >&2; echo "FAIL: the server did not start" >&2; exit 1; }

failures=0
passes=0
check() { if python3 "$here/check_dom.py" "$@"; then passes=$((passes + 1)); else failures=$((failures + 1)); fi; }
layout() {
    if python3 "$here/layout.py" "$@"; then passes=$((passes + 1)); else failures=$((failures + 1)); fi
}
chrome() { chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run --virtual-time-budget=3000 "$@" 2>/dev/null; }
dump() { chrome --dump-dom "$2" >"$work/$1.html"; echo "$work/$1.html"; }
story_id() {  # the id of the first story matching the words
    curl -fsS "$base/api/stories?q=$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])'
}
article_id() {  # the id of the article of story $1 whose title contains $2
    curl -fsS "$base/api/stories/$1" | python3 -c '
import json, sys
print(next(a["id"] for a in json.load(sys.stdin)["articles"] if sys.argv[1] in (a.get("title") or "")))' "$2"
}

# The checker itself must catch a script that runs (a page of ours would have the same title ending).
canary='data:text/html,<title>x · Parallax</title><body><script>document.title="PWNED"</script>'
if python3 "$here/check_dom.py" "checker control (must fail)" "$(dump canary "$canary")" >/dev/null; then
    echo "FAIL checker control: a script that ran went unnoticed"; failures=$((failures + 1))
else
    echo "ok   checker control: a script that ran is caught"; passes=$((passes + 1))
fi
# The story list: titles, outlets grouped by country and ownership, first reporters.
check "story list" "$(dump list "$base/")" --text "Stories" --text "Harlow" --text "Elsby" --text "Brenmoor" \
    --text "Northgate Herald" --text "first to report" --element "ol.stories" --element "input[name=q]" \
    --element "a[dir=auto]" --element "input.filter"
# A search through the list's form, and one whose words try to break out of the input's value attribute.
check "search" "$(dump search "$base/?q=dam")" --text "Harlow" --no-text "Elsby" --element "input[value=dam]"
evil=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("\"\u0301 autofocus onfocus=\"document.title=1\" x=\"<script>document.title=\"PWNED\"</script>"))')
check "search (hostile words)" "$(dump search-evil "$base/?q=$evil")" --element "input[name=q]"
# The examples' story page: the whole comparison.
dam=$(story_id Harlow)
check "story page" "$(dump story "$base/stories/$dam")" --text "Coverage" --text "Quotes" --text "Citations" \
    --text "Calder Ledger" --text "paraphrased" --text "copy of" --text "original (most-cited) source" \
    --element "table.matrix" --element "div.matrix-wrap" --element "svg.graph" --element "tr.groups" \
    --element "article[dir=auto][lang=en]" --element "link[href=/static/report.css]" --element "input.filter"
# Without JavaScript the same page shows everything (only the filter box, which the script adds, is missing).
layout "phone, no JavaScript" "$base/stories/$dam" 390 844 --mobile --no-script --dump "$work/story-nojs.html"
check "story page without JavaScript" "$work/story-nojs.html" --text "Coverage" --text "Quotes" \
    --element "table.matrix" --element "svg.graph"
if grep -q 'class="filter"' "$work/story-nojs.html"; then
    echo "FAIL story page without JavaScript: the script ran"; failures=$((failures + 1))
fi
# The hostile story page and articles: shown as text, nothing runs.
brenmoor=$(story_id Brenmoor)
check "hostile story page" "$(dump hostile-story "$base/stories/$brenmoor")" --text "Brenmoor" \
    --text "<script>document.title='PWNED'" --text "onerror=" --element "table.matrix"
gazette=$(article_id "$brenmoor" "Brenmoor bridge collapses")
check "hostile article" "$(dump hostile-article "$base/articles/$gazette")" --text "</style><script>" \
    --text "Tamsin Gazette <img src=x" --element "article[dir=auto][lang=en]" --element "a[href=/stories/$brenmoor]"
post=$(article_id "$brenmoor" "Bridge collapse in Brenmoor")
check "hostile article 2" "$(dump hostile-article-2 "$base/articles/$post")" --text "</textarea><script>" \
    --element "article[dir=auto]"
arabic_story=$(story_id "%D8%A8%D8%B1%D9%8A%D9%86%D9%85%D9%88%D8%B1")  # برينمور
arabic=$(article_id "$arabic_story" "برينمور")
check "story page (Arabic)" "$(dump arabic-story "$base/stories/$arabic_story")" --text "انهيار جسر برينمور" \
    --element "article[dir=auto][lang=ar]"
check "article (Arabic)" "$(dump arabic "$base/articles/$arabic")" --text "انهيار جسر برينمور" \
    --element "article[dir=auto][lang=ar]"
check "error page" "$(dump missing "$base/articles/%3Cscript%3Edocument.title%3D'PWNED'%3C%2Fscript%3E")" \
    --text "Not found"

# HTTP-level checks (a real socket, paths sent as written).
status() { curl -s -o /dev/null -w '%{http_code}' --path-as-is "$@"; }
expect() {  # expect NAME WANTED GOT
    if [ "$2" != "$3" ]; then
        echo "FAIL $1: wanted $2, got $3"; failures=$((failures + 1))
    else
        echo "ok   $1"; passes=$((passes + 1))
    fi
}
for path in / "/stories/$dam" "/articles/$gazette" /static/parallax.css /nothing /api/stats; do
    csp=$(curl -s -D - -o /dev/null "$base$path" | tr -d '\r' | grep -i '^content-security-policy:' || true)
    expect "CSP on $path" yes "$([[ $csp == *"default-src 'none'"* && $csp == *"script-src 'self'"* ]] && echo yes || echo no)"
done
for path in /static/../Package.swift /static/%2e%2e/Package.swift /static/..%2fPackage.swift \
    /static/%2e%2e%2fPackage.swift /static/..%5cPackage.swift /static/%252e%252e%252fPackage.swift \
    /static//etc/passwd /static/../../../../etc/passwd; do
    code=$(status "$base$path")
    expect "no traversal $path" 404 "$code"
done
expect "query size limit" 414 "$(status "$base/?q=$(head -c 6000 /dev/zero | tr '\0' a)")"
expect "ingest without token" 401 "$(status -X POST --data-binary @examples/corpus/herald-harlow-dam.txt "$base/api/ingest")"
expect "ingest with a wrong token" 401 "$(status -X POST -H 'Authorization: Bearer nope' --data 'x' "$base/api/ingest")"

# Layout through the DevTools protocol: no page scrolls sideways on a phone (the matrix scrolls in its box).
wide='data:text/html,<meta name="viewport" content="width=device-width"><title>x · Parallax</title><div style="width:900px">x</div>'
if python3 "$here/layout.py" "layout control (must fail)" "$wide" 390 844 --mobile >/dev/null; then
    echo "FAIL layout control: a page wider than the phone went unnoticed"; failures=$((failures + 1))
else
    echo "ok   layout control: a page wider than the phone is caught"; passes=$((passes + 1))
fi
for path in / "/?q=dam" "/stories/$dam" "/stories/$brenmoor" "/stories/$arabic_story" "/articles/$gazette" \
    "/articles/$post" "/articles/$arabic"; do
    layout "phone $path" "$base$path" 390 844 --mobile
done
layout "laptop /stories/$dam" "$base/stories/$dam" 1280 900

# Screenshots of the story page.
mkdir -p "$shots"
chrome --window-size=1280,900 --screenshot="$shots/story-laptop.png" "$base/stories/$dam" >/dev/null
chrome --window-size=390,844 --screenshot="$shots/story-phone.png" "$base/stories/$dam" >/dev/null
for f in story-laptop story-phone; do
    [ -s "$shots/$f.png" ] || { echo "FAIL screenshot $f"; failures=$((failures + 1)); }
done

echo "browser test took $(($(date +%s) - start)) s after the build"
echo "browser: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
