# SIMUTASI: developer commands. `make run` and `make test` are all a newcomer needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        := .venv
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.terpasang-requirements
STAMP_DEV   := $(VENV)/.terpasang-requirements-dev
HOST        ?= 127.0.0.1
PORT        ?= 8000
PYTEST_ARGS ?=
# Test processes (pytest-xdist, one test database each): `auto` = one per CPU core; 0 = no xdist at all.
WORKERS     ?= auto
CHROMIUM    ?= $(or $(CHROMIUM_PATH),/usr/bin/chromium)

.PHONY: help run test bench loadtest scaleout-demo lint format demo migrate backup restore reset-db clean

help: ## Show the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# --- Environment ---------------------------------------------------------------------
# Python 3.12+ (Django 6.1 needs it; older ones would silently get Django 5.2 from pip).
$(PY):
	@py=""; \
	for c in python3.14 python3.13 python3.12 \
	         $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) python3; do \
	  if command -v "$$c" >/dev/null 2>&1 && "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	    py="$$c"; break; \
	  fi; \
	done; \
	if [ -z "$$py" ]; then \
	  echo "Python 3.12 atau lebih baru tidak ditemukan (Python 3.12+ not found)." >&2; \
	  echo "Pasang salah satu (install one), misalnya:" >&2; \
	  echo "  Debian/Ubuntu: sudo apt-get install python3.12 python3.12-venv" >&2; \
	  echo "  pyenv:         pyenv install 3.12 && pyenv local 3.12" >&2; \
	  echo "  macOS:         brew install python@3.12" >&2; \
	  exit 1; \
	fi; \
	echo ">> Membuat $(VENV) dengan $$py ($$("$$py" --version))"; \
	"$$py" -m venv $(VENV) || { echo "Gagal membuat venv: pasang paket venv (mis. apt-get install python3.12-venv)." >&2; exit 1; }

# Install only when the requirements changed since the last install (the stamp is older).
$(STAMP): requirements.txt | $(PY)
	@echo ">> Memasang requirements.txt"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(STAMP_DEV): requirements.txt requirements-dev.txt | $(PY)
	@echo ">> Memasang requirements-dev.txt"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@ $(STAMP)

# A local .env for development: DEBUG on and a fresh random SECRET_KEY (never committed).
.env: | $(PY)
	@echo ">> Membuat .env dari .env.example (DEBUG=true, SECRET_KEY acak)"
	@key=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))'); \
	sed -e 's/^DEBUG=.*/DEBUG=true/' -e "s/^SECRET_KEY=.*/SECRET_KEY=$$key/" .env.example > .env

# --- Commands -------------------------------------------------------------------------
# The background worker (big imports, bulk invitations: manage.py db_worker) runs beside the server in the
# same command; the trap stops it when the server stops (Ctrl+C included), so nothing is left running.
run: $(STAMP) .env ## Set up (first time), load demo data if empty, serve on http://127.0.0.1:8000 with the worker
	@mkdir -p var
	@echo ">> Migrasi database"
	@$(PY) manage.py migrate --noinput -v0
	@$(PY) manage.py demo --jika-kosong
	@$(PY) manage.py pulihkan_tugas -v0 >/dev/null
	@echo ""
	@echo "  SIMUTASI berjalan di http://$(HOST):$(PORT)/  (Ctrl+C untuk berhenti)"
	@echo "  Pekerja latar (impor besar, undangan massal) berjalan di samping server."
	@echo ""
	@$(PY) manage.py db_worker --no-reload --interval 1 & pekerja=$$!; \
	trap 'kill $$pekerja 2>/dev/null; wait $$pekerja 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Two pytest runs: everything but the browser tests on $(WORKERS) processes, then the browser tests in one
# process of their own (Playwright's sync API leaves an asyncio loop running in its process, which breaks
# any later test there that calls asyncio.run(), as pyHanko does). TES_BAGIAN picks the part (conftest.py),
# so `-m` in PYTEST_ARGS still filters both. A part that selects nothing (exit 5) is not a failure.
test: $(STAMP_DEV) ## Run the tests in parallel (DATABASE_URL picks the database; WORKERS=4 or 0; PYTEST_ARGS)
	@browser=1; \
	if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$${CI:-}" = "true" ]; then \
	    echo "GAGAL: Chromium tidak ada di $(CHROMIUM); di CI tes browser wajib jalan (apt-get install chromium)." >&2; \
	    exit 1; \
	  fi; \
	  echo ">> Catatan: Chromium tidak ada di $(CHROMIUM): tes browser dilewati (pasang: apt-get install chromium)."; \
	  browser=0; \
	fi; \
	echo ">> pytest pada $${DATABASE_URL:-SQLite (bawaan)}: semua kecuali tes browser, WORKERS=$(WORKERS)"; \
	DEBUG=false TES_BAGIAN=lain $(VENV)/bin/pytest -n $(WORKERS) $(PYTEST_ARGS); rc1=$$?; \
	rc2=5; \
	if [ $$browser = 1 ]; then \
	  echo ">> pytest pada $${DATABASE_URL:-SQLite (bawaan)}: tes browser, satu proses"; \
	  DEBUG=false TES_BAGIAN=browser $(VENV)/bin/pytest -n 0 $(PYTEST_ARGS); rc2=$$?; \
	fi; \
	if [ $$rc1 = 5 ] && [ $$rc2 = 5 ]; then exit 5; fi; \
	for rc in $$rc1 $$rc2; do if [ $$rc != 0 ] && [ $$rc != 5 ]; then exit $$rc; fi; done

bench: $(STAMP) ## Time the main pages at 100,000 employees on PostgreSQL; writes docs/benchmarks.md (BENCH_PEGAWAI=1000 quick)
	$(PY) -m bench $(BENCH_ARGS)

# Load tools live in their own venv (.venv-load, requirements-load.txt): never in the app's.
.venv-load/.terpasang: requirements-load.txt | $(PY)
	@test -x .venv-load/bin/python || $(PY) -m venv .venv-load
	.venv-load/bin/pip install --quiet --disable-pip-version-check -r requirements-load.txt
	@touch $@

loadtest: $(STAMP) .venv-load/.terpasang ## Locust, 50 users for 60 s, against gunicorn (3 workers) on 127.0.0.1 with PostgreSQL
	loadtest/run.sh

scaleout-demo: ## As root: PG streaming replica, 2 gunicorns behind nginx, Redis, 2 workers; load test through nginx; torn down after
	scripts/scaleout_demo.sh

lint: $(STAMP_DEV) ## ruff check, ruff format --check and the import contracts (lint-imports)
	@gagal=0; \
	echo ">> ruff check"; $(VENV)/bin/ruff check . || gagal=1; \
	echo ">> ruff format --check"; $(VENV)/bin/ruff format --check . || gagal=1; \
	echo ">> lint-imports (pyproject.toml [tool.importlinter])"; $(VENV)/bin/lint-imports --no-cache || gagal=1; \
	exit $$gagal

format: $(STAMP_DEV) ## Apply ruff format and safe fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

demo: $(STAMP) .env ## (Re)load the demo data: idempotent, adds only what is missing
	@mkdir -p var
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py demo

migrate: $(STAMP) .env ## Apply database migrations
	@mkdir -p var
	$(PY) manage.py migrate

backup: $(STAMP) ## Back up the database and MEDIA_ROOT into one archive in var/cadangan
	$(PY) manage.py cadangkan

restore: $(STAMP) ## Restore FILE=var/cadangan/simutasi-....tar.gz (verified first; TIMPA=1 over existing data)
	@if [ -z "$(FILE)" ]; then \
	  echo "Pakai: make restore FILE=var/cadangan/simutasi-YYYYmmdd-HHMMSS.tar.gz [TIMPA=1]" >&2; exit 2; \
	fi
	$(PY) manage.py pulihkan "$(FILE)" $(if $(TIMPA),--timpa)

reset-db: ## Delete the local SQLite database (var/mutasi.sqlite3); the next `make run` reloads the demo
	rm -f var/mutasi.sqlite3 var/mutasi.sqlite3-wal var/mutasi.sqlite3-shm

clean: ## Remove caches and build output (keeps .venv, .env and the database)
	find . -path ./.venv -prune -o -name __pycache__ -type d -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .import_linter_cache test-results var/staticfiles var/bench.sqlite3*
