# ShopTeam: `make run` opens the app on the demo department; `make test` runs the whole suite headless.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export LANG ?= C.UTF-8
SYSTEM_PACKAGES := libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 poppler-utils binutils \
	xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-randr0 \
	libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
TEST_SYSTEM_PACKAGES := postgresql

.PHONY: run test lint setup setup-test system-deps i18n dist selftest bench clean

$(VENV)/.stamp-base: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	@touch $@

$(VENV)/.stamp-test: $(VENV)/.stamp-base
	$(PY) -m pip install -q -e '.[test]'
	@touch $@

$(VENV)/.stamp-dist: $(VENV)/.stamp-base
	$(PY) -m pip install -q -e '.[dist]'
	@touch $@

system-deps:
	@$(PY) tools/system_deps.py $(SYSTEM_PACKAGES) $(if $(WITH_TEST_PACKAGES),$(TEST_SYSTEM_PACKAGES),) || \
	 python3 tools/system_deps.py $(SYSTEM_PACKAGES) $(if $(WITH_TEST_PACKAGES),$(TEST_SYSTEM_PACKAGES),)

i18n: $(VENV)/.stamp-base
	$(PY) tools/i18n.py build

setup: $(VENV)/.stamp-base system-deps i18n

setup-test: $(VENV)/.stamp-test
	$(MAKE) system-deps WITH_TEST_PACKAGES=1
	$(MAKE) i18n

run: setup
	$(PY) -m app init --demo
	$(PY) -m app

test: setup-test lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider -n 2 --junitxml=.pytest-report.xml
	@echo "== the service tests (tests/app) again on a throwaway PostgreSQL (tools/pg_test.py; fails if it cannot start)"
	QT_QPA_PLATFORM=offscreen $(PY) tools/pg_test.py run -- $(PY) -m pytest tests/app -q -p no:cacheprovider -n 2 \
		--junitxml=.pytest-report-pg.xml

# ruff (likely bugs) and import-linter (app never imports Qt or ui; ui never imports the database libraries)
lint: setup-test
	$(VENV)/bin/ruff check app ui tests tools bench
	PYTHONPATH=. $(VENV)/bin/lint-imports

selftest: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m app --selftest

dist: setup $(VENV)/.stamp-dist
	$(PY) -m PyInstaller --noconfirm --clean build.spec
	QT_QPA_PLATFORM=offscreen dist/shopteam/shopteam --selftest

bench: setup-test
	QT_QPA_PLATFORM=offscreen $(PY) -m bench all

clean:
	rm -rf build dist .pytest_cache resources/i18n/*.qm
