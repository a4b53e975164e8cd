# The two commands of the README. Each does its own set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The app listens on this machine only. For a workshop where phones in the room join,
# the facilitator chooses the local network explicitly: `make run HOST=0.0.0.0`.
HOST ?= 127.0.0.1
PORT ?= 8501
# Running needs only the runtime packages, at the versions in requirements.lock; the test
# tools come on top for `make test` (same lock as constraints).
LOCKHASH := $(shell cat pyproject.toml requirements.lock | sha1sum | cut -c1-12)
RUN_STAMP := $(VENV)/.run-$(LOCKHASH)
STAMP := $(VENV)/.test-$(LOCKHASH)

LOCALE := vbestuur_service/locale
I18N_SOURCES := app.py $(sort $(wildcard vbestuur_*))

.PHONY: run test lint typecheck bench scale clean messages mo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.run-* $(VENV)/.installed-*
	touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	rm -f $(VENV)/.test-*
	touch $(STAMP)

# The compiled catalogues (.mo): only a start-up shortcut, never stale
# (vbestuur_service/i18n).
mo: $(RUN_STAMP)
	$(BIN)/python -m vbestuur_service.i18n

# After changing UI text: extract the msgids, merge them into every .po (changed Dutch -> fuzzy),
# fill in the Dutch, compile, and list what a translator still has to do.
messages: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg --sort-output --no-location -w 96 \
	    --project vbestuur --version 0.1.0 --copyright-holder "the vbestuur authors" \
	    -o $(LOCALE)/messages.pot $(I18N_SOURCES)
	$(BIN)/pybabel -q update -i $(LOCALE)/messages.pot -d $(LOCALE) -D vbestuur -w 96 \
	    --ignore-obsolete
	$(BIN)/python -m vbestuur_service.i18n.maintain

run: $(RUN_STAMP) mo
	$(BIN)/streamlit run app.py --server.address $(HOST) --server.port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy vbestuur_engine vbestuur_store vbestuur_service vbestuur_app vbestuur_content app.py
	$(BIN)/lint-imports

test: lint mo
	$(BIN)/vbestuur check
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/app.py
	$(BIN)/python bench/i18n.py
	$(BIN)/python bench/documents.py
	$(BIN)/python bench/pageweight.py
	$(BIN)/python bench/result.py
	$(BIN)/python bench/pattern.py
	$(BIN)/python bench/workshop.py

# PostgreSQL (Debian's server binaries), two replicas and HAProxy (Debian `haproxy`) on 127.0.0.1.
scale: $(RUN_STAMP)
	$(BIN)/python bench/scale.py

clean:
	rm -rf $(VENV)
