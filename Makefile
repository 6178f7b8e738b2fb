# Two entry points for a fresh machine with Python 3.11 and pip:
#   make run    create .venv, install peacetalks, write the briefing of the built-in Russia–Ukraine case
#   make test   create .venv, install peacetalks with its dev tools, lint, type-check and test
#   make docs   build the user guide into site/ (offline; any warning or broken link fails it)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# decide-exchange-model (GPL-3.0) is the reference the exchange model is tested against; it is
# installed only here, without its dependencies, whose old pins (numpy, pandas, PyQt5) would
# replace the project's; its Python API needs only the three small packages named beside it.
# NegMAS (AGPL-3.0) is the reference the deals frontier, Nash and Kalai–Smorodinsky points are
# checked and benchmarked against, installed the same way: its full dependency set (matplotlib,
# plotly, kaleido, scikit-learn, pyarrow…) is not needed by the functions used; those need only
# the five small packages beside it (inflect below 6, as NegMAS pins it).
$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,docs]'
	$(BIN)/python -m pip install --quiet --no-deps decide-exchange-model==2022.1.28 typesystem==0.2.5 \
		blinker peewee
	$(BIN)/python -m pip install --quiet --no-deps negmas==0.16.0 attrs stringcase colorlog cloudpickle \
		'inflect>=4.1,<6'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/peacetalks db init
	$(BIN)/peacetalks brief russia-ukraine --out briefing

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests docs/hooks.py
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest

# NO_MKDOCS_2_WARNING silences the Material theme's banner about its end of life (May 2027).
docs: $(VENV)/.installed-dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis briefing site
