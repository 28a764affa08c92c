# SIEVA: `make run` serves the demo, `make test` checks everything (README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
DEV_ENV := SIEVA_DEBUG=1
LINT_PATHS := $(wildcard src tests benchmarks scripts conftest.py)

.PHONY: install run serve test check lint architecture types migrations-check messages messages-extract system-deps demo bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

messages: install
	$(DEV_ENV) $(BIN)/sieva compilemessages --ignore=.venv -v 0

# Refresh each app's English catalogue from its code and templates (then translate the new
# entries: `make test` fails on any untranslated one).
APPS_WITH_MESSAGES := $(patsubst src/sieva/%/locale,%,$(wildcard src/sieva/*/locale))
messages-extract: install
	for app in $(APPS_WITH_MESSAGES); do \
	  (cd src/sieva/$$app && $(DEV_ENV) DJANGO_SETTINGS_MODULE=sieva.config.settings \
	    ../../../$(BIN)/django-admin makemessages -l en --no-location --no-obsolete --no-wrap -v 0); \
	done

# Development: server, task worker and scheduler together on SQLite, with the demo data.
run: install messages
	$(DEV_ENV) $(BIN)/sieva migrate --noinput -v 0
	$(DEV_ENV) $(BIN)/sieva demo
	$(DEV_ENV) $(BIN)/sieva schedule_reminders
	$(DEV_ENV) $(BIN)/sieva run 127.0.0.1:8000

# Production: gunicorn, task worker and scheduler, configured from the environment
# (DATABASE_URL, REDIS_URL, SIEVA_SECRET_KEY, SIEVA_PSEUDONYM_KEY…; docs/deployment.md).
serve: install messages
	$(BIN)/sieva migrate --noinput -v 0
	$(BIN)/sieva collectstatic --noinput -v 0
	$(BIN)/sieva schedule_reminders
	$(BIN)/sieva serve

# Debian packages the tests need: Chromium for browser journeys, poppler for reading PDFs,
# gettext for compilemessages, HarfBuzz subsetting for WeasyPrint.
system-deps:
	@missing=""; \
	  [ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	  command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	  command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing libharfbuzz-subset0 >/dev/null; \
	    else echo "Install with: sudo apt-get install -y$$missing" >&2; exit 1; fi; \
	  fi

lint: install
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)

# The floors of docs/architecture.md only look down (contracts in pyproject.toml).
architecture: install
	$(BIN)/lint-imports

types: install
	$(BIN)/mypy

migrations-check: install
	$(DEV_ENV) $(BIN)/sieva makemigrations --check --dry-run -v 1

check: lint architecture types migrations-check messages

# Both cores (pytest-xdist): the suite with its browser journeys stays within CI's budget.
test: install system-deps check
	$(BIN)/pytest -n auto

bench: install
	$(PY) benchmarks/import_employees.py

clean:
	rm -rf $(VENV) var
