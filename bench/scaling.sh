#!/bin/bash
# Is annotation time linear in the input? Times `parallax analyze` on one article of N, 2N, 4N and 8N bytes for each
# adversarial kind of text and prints the times and the ratios t(2N)/t(N), t(4N)/t(2N), t(8N)/t(4N): about 2 for
# linear work, about 4 for quadratic. Inputs are generated (deterministic), from the example corpus's sentences.
#
#   BIN=.build/release/parallax bash bench/scaling.sh          # default BIN: .build/release/parallax
#   N=16384 KINDS="nopunct quotes" bash bench/scaling.sh       # base size in bytes (default 16 KiB); some kinds only
#   LIMIT=120 bash bench/scaling.sh                             # seconds per run before it counts as too slow
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/parallax}
N=${N:-16384}
LIMIT=${LIMIT:-120}
KINDS=${KINDS:-prose spaced nopunct hugesentence quotes nested quotemarks saidchain periods emoji caps longword}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -x "$BIN" ] || { echo "no binary at $BIN (swift build -c release first, or set BIN)"; exit 2; }

python3 - "$WORK" "$N" $KINDS <<'PY'
import glob, os, random, re, sys
work, n, kinds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
text = " ".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob("examples/corpus/*.txt")))
sentences = [s.strip() + "." for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3]
words = re.findall(r"[A-Za-z]+", text)
marks = ['"', "'", "“", "”", "„", "‘", "’", "«", "»", "``", "''"]
def make(kind, size, rnd):
    out, total = [], 0
    def add(piece):
        nonlocal total
        out.append(piece); total += len(piece.encode())
    while total < size:
        s = rnd.choice(sentences)
        if kind == "prose": add(s + (" " if rnd.random() < .8 else "\n"))
        elif kind == "spaced": add(re.sub(r"([^\w\s])", r" \1 ", s) + " ")
        elif kind == "nopunct": add(rnd.choice(words) + " ")
        elif kind == "hugesentence": add(s.rstrip(".") + ", ")
        elif kind == "quotes": add('"%s," %s said. ' % (s.rstrip("."), rnd.choice(["he", "she", "the minister", "Ana Ruiz"])))
        elif kind == "nested": add(" ".join(w + (rnd.choice(marks) if rnd.random() < .2 else "") for w in s.split()) + " ")
        elif kind == "quotemarks": add(rnd.choice(marks) + " ")
        elif kind == "saidchain": add(rnd.choice(["said", "said:", "according to", "told", "he said,", "citing", '"', "that"]) + " ")
        elif kind == "periods": add(". ")
        elif kind == "emoji": add(rnd.choice("😀😃🙈🚀🇺🇦字ж"))
        elif kind == "caps": add(rnd.choice(words).capitalize() + " ")
        elif kind == "longword": add("a")
    body = "".join(out)
    if kind == "longword": body = 'The mayor said: "' + body + '" and left.'
    return "Scaling input\n\n" + body + "\n"
for kind in kinds:
    for k in (1, 2, 4, 8):
        with open(os.path.join(work, "%s-%d.txt" % (kind, k)), "w", encoding="utf-8") as f:
            f.write(make(kind, n * k, random.Random(6)))
PY

printf '%-13s %9s %9s %9s %9s   %s\n' kind "N" "2N" "4N" "8N" "ratios (2 = linear, 4 = quadratic)"
for kind in $KINDS; do
    times=()
    for k in 1 2 4 8; do
        start=$(date +%s.%N)
        timeout "$LIMIT" "$BIN" analyze --quiet --jobs 1 --min-articles 2 --format json "$WORK/$kind-$k.txt" > /dev/null 2> "$WORK/err"
        rc=$?
        if [ $rc -ne 0 ]; then times+=("rc$rc"); break; fi
        times+=("$(echo "$(date +%s.%N) - $start" | bc)")
    done
    ratios=""
    for i in 1 2 3; do
        a=${times[$((i - 1))]:-}; b=${times[$i]:-}
        case "$a$b" in *rc*|"") continue ;; esac
        [ -n "$b" ] && ratios+=$(printf '%.1f ' "$(echo "$b / $a" | bc -l)")
    done
    printf '%-13s' "$kind"
    for t in "${times[@]}"; do case $t in rc*) printf ' %9s' "$t" ;; *) printf ' %8.2fs' "$t" ;; esac; done
    for _ in $(seq ${#times[@]} 3); do printf ' %9s' "-"; done
    printf '   %s\n' "$ratios"
done
echo "N = $N bytes; one article per run, --jobs 1; --min-articles 2 leaves the one-article story out of the report, so the times are reading, annotation and story analysis, not rendering (the JSON repeats each finding's sentence: its size grows with findings x sentence length); start-up about 0.1 s"
