#!/usr/bin/env bash
# Drives headless Chromium (Debian's `chromium`) through the web UI of `parallax serve` and asserts on what it
# shows: the bundled examples/ corpus plus a hostile corpus (scripts/browser-test/hostile_corpus.py: markup, event
# handlers, javascript: links, </style>, </textarea> in titles, bodies, quotes, outlet names and URLs, and an
# Arabic article) in a temporary database, served on a free loopback port. Checks the story list, story pages,
# article pages and searches (scripts/browser-test/check_dom.py: texts shown, the matrix present, dir/lang on
# article text, nothing injected, no planted script ran), a few HTTP-level security checks with curl, and takes
# screenshots of the story page at laptop (1280x900) and phone (390x844) sizes into docs/screenshots/ (or
# $SCREENSHOTS). Exits non-zero on the first failed assertion. The server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
here=$root/scripts/browser-test
shots=${SCREENSHOTS:-$root/docs/screenshots}

if ! command -v chromium >/dev/null; then
    echo "installing chromium" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
swift build --product parallax >&2
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
chrome() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --virtual-time-budget=3000 "$@" 2>/dev/null; }
dump() { chrome --dump-dom "$2" >"$work/$1.html"; echo "$work/$1.html"; }
story_id() {  # the id of the first story matching the words
    curl -fsS "$base/api/stories?q=$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"][0]["id"])'
}

# The story list: titles, outlets grouped by country and ownership, first reporters.
check "story list" "$(dump list "$base/")" --text "Stories" --text "Harlow" --text "Elsby" --text "Brenmoor" \
    --text "Northgate Herald" --text "first to report" --element "ol.stories" --element "input[name=q]" \
    --element "a[dir=auto]"
# A search through the list's form, and one whose words try to break out of the input's value attribute.
check "search" "$(dump search "$base/?q=dam")" --text "Harlow" --no-text "Elsby" --element "input[value=dam]"
evil=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("\"\u0301 autofocus onfocus=\"document.title=1\" x=\"<script>document.title=\"PWNED\"</script>"))')
check "search (hostile words)" "$(dump search-evil "$base/?q=$evil")" --element "input[name=q]"
# The examples' story page: the whole comparison.
dam=$(story_id Harlow)
check "story page" "$(dump story "$base/stories/$dam")" --text "Coverage" --text "Quotes" --text "Citations" \
    --text "Calder Ledger" --text "paraphrased" --text "Names and stance-marked phrases by outlet" \
    --element "table.matrix" --element "div.matrix-wrap" --element "svg.graph" --element "tr.groups" \
    --element "article[dir=auto][lang=en]" --element "link[href=/static/report.css]"
# The hostile story page and articles: shown as text, nothing runs.
brenmoor=$(story_id Brenmoor)
check "hostile story page" "$(dump hostile-story "$base/stories/$brenmoor")" --text "Brenmoor" \
    --text "<script>document.title='PWNED'" --text "onerror=" --element "table.matrix"
check "hostile article" "$(dump hostile-article "$base/articles/hostile-1")" --text "</style><script>" \
    --text "Tamsin Gazette <img src=x" --element "article[dir=auto][lang=en]" --element "a[href=/stories/$brenmoor]"
check "hostile article 2" "$(dump hostile-article-2 "$base/articles/hostile-2")" --text "</textarea><script>" \
    --element "article[dir=auto]"
check "article (Arabic)" "$(dump arabic "$base/articles/hostile-ar")" --text "انهيار جسر برينمور" \
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
for path in / "/stories/$dam" /articles/hostile-1 /static/parallax.css /nothing /api/stats; do
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
