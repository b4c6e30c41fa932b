# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup install install-dev migrate gazetteer demo test test-fast lint format check \
	bench browser-deps clean deploy-deps serve-production backup restore loadtest

# The unit run's clock starts at 23:59:30 UTC on a leap day and ticks on over midnight into
# 1 March, so a test that reads the date at the wrong moment fails in every run, not at night.
TEST_CLOCK ?= 2028-02-29T23:59:30Z
# Every run names its slowest tests, so a slow one is seen the day it arrives.
SLOWEST := --durations=15 --durations-min=1

run: setup
	@$(MANAGE) ensure_dev_superuser --address $(HOST):$(PORT)
	$(MANAGE) runserver $(HOST):$(PORT)

setup: install migrate gazetteer demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# What the site runs on (requirements.txt); `make test` adds the tools (requirements-dev.txt).
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	$(MANAGE) migrate --noinput

# US ZIP codes and towns worldwide for the directory search; skipped once loaded.
gazetteer: migrate
	$(MANAGE) load_gazetteer

demo: migrate
	$(MANAGE) load_demo_content

check: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@# The architecture's contracts (pyproject.toml): dependencies run one way.
	$(BIN)/lint-imports
	@# Log entries and revisions of different models share ids: tests look them up by
	@# instance (`.for_instance(obj)`), never by `object_id` alone.
	@! grep -rnE "object_id=str\\(" tests || (echo "use .for_instance(obj) for log entries and revisions" && false)
	DJANGO_SETTINGS_MODULE=website.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=website.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: check browser-deps deploy-deps
	TEST_CLOCK=$(TEST_CLOCK) $(BIN)/pytest -n 2 --dist loadfile --ignore=tests/browser \
		--ignore=tests/deploy $(SLOWEST)
	@# Browser tests run on their own: they share one committed demo site and live server,
	@# which must not meet the unit tests' rolled-back transactions on a shared worker.
	$(BIN)/pytest tests/browser $(SLOWEST)
	@# The production stack (its own database, gunicorn, nginx) starts once for these.
	$(BIN)/pytest tests/deploy $(SLOWEST)

# The inner loop: lint and the unit tests without the slow ones, on SQLite unless
# DATABASE_URL says otherwise; no browser, no production stack.
test-fast: install-dev
	$(BIN)/ruff check .
	TEST_CLOCK=$(TEST_CLOCK) $(BIN)/pytest -n 2 --dist loadfile --ignore=tests/browser \
		--ignore=tests/deploy -m "not slow" $(SLOWEST)

lint: check

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Chromium from Debian and axe-core from npm, for the browser tests; skipped when present.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium is not installed: browser tests will be skipped"
	@[ -f node_modules/axe-core/axe.min.js ] || npm ci --silent --no-audit --no-fund || echo "axe-core is not installed: accessibility tests will be skipped"

bench: install
	$(BIN)/python -m benchmarks.directory $(if $(SCALE),--scale $(SCALE))

# The whole stack (gunicorn, Varnish, nginx on PostgreSQL and Redis, 100,000 listings)
# under wrk for LOADTEST_SECONDS (30) a target; LOADTEST_APP_SERVERS=2 for two app servers.
# Not part of `make test`.
loadtest: install deploy-deps
	$(BIN)/python -m benchmarks.loadtest

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles .pytest_cache

# nginx, Varnish and wrk from Debian, for tests/deploy, serve-production and loadtest;
# each skipped when present.
deploy-deps:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; } || echo "nginx is not installed: tests through nginx will be skipped"
	@command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null; } || echo "Varnish is not installed: tests through Varnish will be skipped"
	@command -v gpg >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnupg >/dev/null; } || echo "gpg is not installed: encrypted backups need it"
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || echo "wrk is not installed: make loadtest needs it"

# The production stack on loopback: collectstatic, gunicorn (deploy/gunicorn.conf.py) and
# nginx (deploy/nginx/milk.conf) at https://localhost:8443/, with the dev database.
serve-production: setup deploy-deps
	$(BIN)/python -m deploy.local_stack
# One archive with the database and the media files, in BACKUP_DIR (default backups/).
backup: install
	$(MANAGE) backup_site

# Put a backup back: make restore FILE=backups/milk-backup-<time>.tar (asks first).
restore: install
	@[ -n "$(FILE)" ] || { echo "Usage: make restore FILE=backups/milk-backup-<time>.tar"; exit 2; }
	$(MANAGE) restore_site "$(FILE)"
