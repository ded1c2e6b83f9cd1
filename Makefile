# The front door: `make run` and `make test` install what they need themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYDEPS := $(VENV)/.installed
JSDEPS := node_modules/.installed
CATALOGUES := $(wildcard server/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)
FLASK := $(PY) -m flask --app server.app:create_app

.PHONY: install run test check lint format login-link extract bench clean

install: $(PYDEPS) $(JSDEPS) $(COMPILED)

$(PYDEPS): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

$(JSDEPS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

%.mo: %.po $(PYDEPS)
	$(VENV)/bin/pybabel compile --use-fuzzy -i $< -o $@ >/dev/null

## Start on SQLite (instance/) with the built-in learning project.
run: install
	$(PY) -m server

## The whole suite: domain, server, live server, browser; SQLite and PostgreSQL.
test: install
	$(PY) -m pytest

lint: $(PYDEPS)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: lint test

format: $(PYDEPS)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

## Load benchmark (by hand, a few minutes): 1,000 phones, then the bare stack.
## See docs/performance.md for the other runs (3,000 phones, two workers).
bench: install
	$(PY) -m bench --phones 1000 --scenarios A,B,C,T

## Homework aggregates (seconds, no server): 200 answers, median and p95 per step.
.PHONY: bench-aggregates
bench-aggregates: $(PYDEPS)
	$(PY) -m bench.aggregates

## CSV and XLSX exports (a few minutes, no server): 4 meetings × 10 activities,
## 500 and 2,000 participants; time and peak memory per download.
.PHONY: bench-exports
bench-exports: $(PYDEPS)
	$(PY) -m bench.exports

## Another one-time sign-in link for the process leader.
login-link: install
	$(FLASK) mellanrum login-link

## Pull new msgids from code and templates into the catalogues.
extract: $(PYDEPS)
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -k _ -k gettext -k ngettext:1,2 \
		-k lazy_gettext --no-location --sort-output -o server/translations/messages.pot .
	$(VENV)/bin/pybabel update -i server/translations/messages.pot -d server/translations \
		--no-fuzzy-matching

clean:
	rm -rf $(VENV) node_modules
