# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install migrate gazetteer demo test lint format check bench browser-deps clean \
	backup restore

run: setup
	@$(MANAGE) ensure_dev_superuser
	$(MANAGE) runserver $(HOST):$(PORT)

setup: install migrate gazetteer demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

install: $(VENV)/.installed

migrate: install
	$(MANAGE) migrate --noinput

# US ZIP codes and towns worldwide for the directory search; skipped once loaded.
gazetteer: migrate
	$(MANAGE) load_gazetteer

demo: migrate
	$(MANAGE) load_demo_content

check: install
	$(BIN)/ruff check .
	DJANGO_SETTINGS_MODULE=website.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=website.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: check browser-deps
	@# Browser tests run on their own: their live server needs committed rows, and the
	@# database flush after each one must not meet other tests on a shared worker.
	$(BIN)/pytest -n 2 --dist loadfile --ignore=tests/browser
	$(BIN)/pytest tests/browser

lint: check

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Chromium from Debian and axe-core from npm, for the browser tests; skipped when present.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium is not installed: browser tests will be skipped"
	@[ -f node_modules/axe-core/axe.min.js ] || npm ci --silent --no-audit --no-fund || echo "axe-core is not installed: accessibility tests will be skipped"

bench: install
	$(BIN)/python -m benchmarks.directory

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles .pytest_cache

# One archive with the database and the media files, in BACKUP_DIR (default backups/).
backup: install
	$(MANAGE) backup_site

# Put a backup back: make restore FILE=backups/milk-backup-<time>.tar (asks first).
restore: install
	@[ -n "$(FILE)" ] || { echo "Usage: make restore FILE=backups/milk-backup-<time>.tar"; exit 2; }
	$(MANAGE) restore_site "$(FILE)"
