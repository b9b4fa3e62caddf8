#!/usr/bin/env bash
# Check the bundle on its own: no venv, no checkout on the path. It must read an article,
# export DOCX and PDF, and open its window (offscreen). Prints the size and start-up time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bundle="${1:-$root/dist/BriefDesk}"
work="$(mktemp -d)"
gui=""
cleanup() { [ -n "$gui" ] && kill "$gui" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
export QT_QPA_PLATFORM=offscreen BRIEFDESK_BASEDIR="$work/home"
unset PYTHONPATH
exe="$bundle/briefdesk"
"$exe" --version
printf 'Norway and Japan sign MoU\n\nOslo, 12 March 2026\n\nNorway and Japan signed a Memorandum of Understanding on Defence Cooperation in Oslo.\n' > article.txt
"$exe" new article.txt -o note.briefdesk --suggest
"$exe" draft note.briefdesk --from-facts --set classification=OFFICIAL > /dev/null
"$exe" draft note.briefdesk --set "title=Norway–Japan MoU · מזכר הבנות · مذكرة تفاهم · समझौता ज्ञापन · 谅解备忘录 · 覚書" > /dev/null
"$exe" export note.briefdesk -o note.docx
"$exe" export note.briefdesk -o note.pdf
test -s note.docx && test -s note.pdf
# Every script's font is embedded in the PDF (font names are plain text in the file).
for family in NotoSans-Bold NotoSansHebrew NotoSansArabic NotoSansDevanagari DroidSansFallback; do
    grep -aq "+$family" note.pdf || { echo "PDF lacks the $family font"; exit 1; }
done
# The app is up once it listens for other instances, which it does after showing its
# window: a new local socket appears in /tmp.
# find fails when another process removes a /tmp entry mid-walk: that is no failure here.
sockets() { { find /tmp -maxdepth 1 -type s -name 'briefdesk-*' 2>/dev/null || true; } | sort; }
before="$(sockets)"
start=$(date +%s.%N)
"$exe" gui > gui.log 2>&1 &
gui=$!
now="$before"
for _ in $(seq 1 1000); do
    now="$(sockets)"
    [ "$now" != "$before" ] && break
    sleep 0.01
done
end=$(date +%s.%N)
[ "$now" != "$before" ] || { echo "the app did not come up"; cat gui.log; exit 1; }
kill "$gui"; wait "$gui" 2>/dev/null || true; gui=""
if grep -qiE "error|traceback" gui.log; then cat gui.log; exit 1; fi
echo "bundle size: $(du -sh "$bundle" | cut -f1)"
echo "start-up until the window is up: $(python3 -c "print(round($end - $start, 2))") s"
echo "bundle check passed"
