#!/bin/sh
# Copies the seed corpora into fuzz/corpus/<target>/ (run from anywhere).
# parse, check: every .plan, .rules and .facts file under tests/corpus/ and
# plans/, and rules/; evaluate and facts: the .facts files; rules: the .rules
# files. Names are the source paths
# with / replaced by _, so seeds from different directories do not collide.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
for t in parse check evaluate rules facts; do mkdir -p "fuzz/corpus/$t"; done
find tests/corpus plans rules -type f \( -name '*.plan' -o -name '*.rules' -o -name '*.facts' \) | sort |
while read -r f; do
    name=$(printf '%s' "$f" | tr / _)
    cp "$f" "fuzz/corpus/parse/$name"
    cp "$f" "fuzz/corpus/check/$name"
    case "$f" in
        *.facts) cp "$f" "fuzz/corpus/evaluate/$name"; cp "$f" "fuzz/corpus/facts/$name" ;;
        *.rules) cp "$f" "fuzz/corpus/rules/$name" ;;
    esac
done
for t in parse check evaluate rules facts; do
    echo "fuzz/corpus/$t: $(ls "fuzz/corpus/$t" | wc -l) files"
done
