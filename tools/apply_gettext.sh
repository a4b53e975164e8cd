#!/usr/bin/env bash
# One-off migration (issue 11): the tuple catalogues {"key": ("nl", "en")} -> gettext .po files.
#
# Run at the top of a checkout of main that contains tools/ (clean tree):
#     bash tools/apply_gettext.sh            # convert, regenerate .pot/.po, compile, verify
#     bash tools/apply_gettext.sh --no-verify  # the same without ruff/mypy/lint-imports
# Then review `git status` and commit: git add -A && git commit -m "apply gettext (tools/apply_gettext.sh)"
#
# Steps: 1 copy the gettext layer (tools/i18n_patches/files/: vbestuur_service/i18n, babel.cfg,
# exports/labels.py, bench/i18n.py, tests/test_i18n_catalogue.py) and the seed .po of the hand
# conversions; 2 hand conversions as exact-text edits (tools/i18n_fixups.py: Makefile,
# pyproject, exports/organisation.py, supported(lang)); 3 the codemod (tools/i18n_codemod.py:
# every t()/label() call, key tables, catalogues removed); 4 pybabel extract + update, Dutch
# filled in, .mo compiled, "every message is translated" checked; 5 ruff --fix for imports,
# then ruff, mypy, lint-imports. Every step stops with the file and what to fix; after a fix,
# run the script again (a half-done tree is accepted on a re-run: the steps are idempotent).
set -euo pipefail

VERIFY=1
[[ "${1:-}" == "--no-verify" ]] && VERIFY=0
die() { echo "apply_gettext: $*" >&2; exit 1; }
step() { echo "== $*"; }

[[ -f tools/i18n_codemod.py && -d vbestuur_app ]] || die "run at the top of the repository (tools/ missing)"
MARK="$(git rev-parse --git-dir)/apply-gettext-started"
if [[ -n "$(git status --porcelain)" && ! -f "$MARK" ]]; then
    die "the tree has uncommitted changes: commit or stash them first (git status)"
fi
touch "$MARK"

PY="${PYTHON:-}"
for candidate in "$PY" .venv/bin/python /work/main/.venv/bin/python python3; do
    [[ -n "$candidate" ]] && command -v "$candidate" >/dev/null && { PY="$candidate"; break; }
done
BIN="$(dirname "$(command -v "$PY")")"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
"$PY" -c "import babel" 2>/dev/null \
    || die "Babel is missing in $PY: $PY -m pip install 'babel==2.19.0' (or make the venv: make lint)"

step "1/5 gettext layer and seed catalogues (tools/i18n_patches/)"
cp -r tools/i18n_patches/files/. .
LOCALE=vbestuur_service/locale
for lang in nl en; do
    po="$LOCALE/$lang/LC_MESSAGES/vbestuur.po"
    mkdir -p "$(dirname "$po")"
    [[ -f "$po" ]] || cp "tools/i18n_patches/seed/$lang.po" "$po"
done
grep -qx '\*.mo' .gitignore || printf '%s\n' \
    "# compiled catalogues: built by \`make mo\`/\`make messages\`, checked against the .po at start-up" \
    '*.mo' 'vbestuur_service/locale/*/LC_MESSAGES/*.sha256' >> .gitignore

step "2/5 hand conversions (tools/i18n_fixups.py)"
"$PY" tools/i18n_fixups.py

step "3/5 codemod (tools/i18n_codemod.py)"
"$PY" tools/i18n_codemod.py --check \
    || die "the codemod stopped (above: file, line, reason). Add the key family, plural pair or
    context to tools/i18n_codemod_tables.py, or write the key literally, then run again."
"$PY" tools/i18n_codemod.py

step "4/5 extract, update, fill in Dutch, compile, check (as make messages)"
SOURCES=(app.py $(ls -d vbestuur_*/ | tr -d /))
"$PY" -m babel.messages.frontend -q extract -F babel.cfg --sort-output --no-location -w 96 \
    --project vbestuur --version 0.1.0 --copyright-holder "the vbestuur authors" \
    -o "$LOCALE/messages.pot" "${SOURCES[@]}"
"$PY" -m babel.messages.frontend -q update -i "$LOCALE/messages.pot" -d "$LOCALE" -D vbestuur \
    -w 96 --ignore-obsolete
"$PY" -m vbestuur_service.i18n.maintain \
    || die "a message is not translated (listed above): add its English to
    $LOCALE/en/LC_MESSAGES/vbestuur.po (remove 'fuzzy'), then run: $PY -m vbestuur_service.i18n.maintain"

step "5/5 imports sorted; ruff, mypy, lint-imports"
"$BIN/ruff" check --fix --quiet --select I001,F401 . || true
if [[ $VERIFY == 1 ]]; then
    "$BIN/ruff" check . || die "ruff (above): fix by hand, then run again"
    "$BIN/mypy" vbestuur_engine vbestuur_store vbestuur_service vbestuur_app vbestuur_content app.py \
        || die "mypy (above): fix by hand, then run again"
    "$BIN/lint-imports" || die "an import-linter contract (above): fix by hand, then run again"
fi
rm -f "$MARK"
echo "done: review 'git status', run the tests (tests/test_i18n_catalogue.py tests/app ...), then
    git add -A && git commit -m 'apply gettext (tools/apply_gettext.sh)'"
