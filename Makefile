# The two commands of the README. Each does its own set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The app listens on this machine only. For a workshop where phones in the room join,
# the facilitator chooses the local network explicitly: `make run HOST=0.0.0.0`.
HOST ?= 127.0.0.1
PORT ?= 8501
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)

.PHONY: run test lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py --server.address $(HOST) --server.port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy vbestuur_engine vbestuur_store vbestuur_service vbestuur_app vbestuur_content app.py
	$(BIN)/lint-imports

test: lint
	$(BIN)/vbestuur check
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/engine.py
	$(BIN)/python bench/app.py
	$(BIN)/python bench/documents.py

clean:
	rm -rf $(VENV)
