# Two commands take a fresh Debian 12 machine to a passing suite and a running plugin:
#   make test    make demo
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8765
DATA ?= .data/reference
STAC_FLAVOUR ?= dinamis
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup vendor plugin test demo serve package bench translations qm i18n-check fuzz clean \
	pgstac-check

$(VENV)/.ready: requirements-dev.txt requirements-nodeps.txt scripts/bootstrap.sh \
		scripts/system_http_stack.py scripts/venv/dinamis_qt_offscreen.py
	VENV=$(VENV) bash scripts/bootstrap.sh
	touch $@

setup: $(VENV)/.ready

dinamis_plugin/_vendor/.ready: requirements-vendor.txt scripts/vendor.py $(VENV)/.ready
	$(PY) scripts/vendor.py --requirements requirements-vendor.txt --target dinamis_plugin/_vendor
	touch $@

vendor: dinamis_plugin/_vendor/.ready

# Extract tr() strings into i18n/dinamis_fr.ts and compile the .qm; never fails on missing
# translations (tests/plugin/test_translations.py and `make i18n-check` enforce them).
translations: $(VENV)/.ready
	$(PY) scripts/i18n.py update
	$(PY) scripts/i18n.py release

# Builds only compile the committed .ts: a test run never rewrites a tracked file.
qm: $(VENV)/.ready
	$(PY) scripts/i18n.py release

i18n-check: $(VENV)/.ready
	$(PY) scripts/i18n.py check

# build/dinamis: the plugin folder as QGIS sees it, symlinked to the sources.
plugin: vendor qm
	$(PY) scripts/assemble.py --mode link --dest build/dinamis

test: plugin
	$(PY) -m pytest tests

serve: $(VENV)/.ready
	$(PY) -m tests.reference_server --host $(HOST) --port $(PORT) --data $(DATA) \
		--stac-flavour $(STAC_FLAVOUR)

package: vendor qm
	$(PY) scripts/assemble.py --mode zip --dest dist/dinamis-$(VERSION).zip

bench: plugin
	$(PY) -m tests.bench

demo: plugin
	bash scripts/demo.sh

# Opt-in, not part of `make test`: the core against a real stac-fastapi-pgstac (root on
# Debian 12: installs PostgreSQL with apt; see scripts/pgstac_server.sh).
pgstac-check: plugin
	bash scripts/pgstac_server.sh check

fuzz: plugin
	$(PY) -m pytest tests/reference_server_tests/test_fuzz.py -v

clean:
	rm -rf build dist dinamis_plugin/_vendor .pytest_cache i18n/*.qm
