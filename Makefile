# Two commands do all the set-up: `make serve` and `make test`. Each creates or updates .venv from
# requirements.lock (hashes checked) by itself.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-lock
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build editions bench lock clean translations

serve: $(STAMP)  ## Serve the site with live reload at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

# One pytest-xdist worker more than there are cores: browser tests spend part of their time waiting (for the
# network to go quiet, for `mkdocs serve` to rebuild), and the extra worker uses the CPU meanwhile. Idle workers
# take queued tests from busy ones (worksteal), so no worker is left alone with the long tests at the end.
test: $(STAMP)  ## Run every test: data, build, escaping, HTML validity, and the browser suite in Chromium
	@scripts/ensure-chromium.sh
	@scripts/ensure-vnu.sh
	$(BIN)/python -m pytest -n $$(( $$(nproc) + 1 )) --dist worksteal

# The sitemap's dates come from the last commit, so two builds of one commit are byte-identical.
build: $(STAMP)  ## Build the site for publishing into site/ (strict: any warning fails)
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || date +%s) $(BIN)/mkdocs build --strict

# Not part of `build`: it needs Chromium and the Noto CJK fonts, and takes a few minutes.
editions: $(STAMP)  ## Build the site with its course editions (PDF handout per language, offline zip) into site/
	@scripts/ensure-chromium.sh
	$(BIN)/python scripts/editions.py

translations: $(STAMP)  ## List Chinese pages and data entries whose English source changed since translation
	$(BIN)/python scripts/translation-status.py

bench: $(STAMP)  ## Measure build, rebuild and page weight (not a test); writes benchmarks/results/
	@scripts/ensure-chromium.sh
	$(BIN)/python benchmarks/run.py

lock:  ## Re-pin every dependency with hashes after editing requirements*.in
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile requirements-dev.in --generate-hashes --python-version 3.11 --quiet -o requirements.lock

$(STAMP): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment: on Debian, install python3-venv (apt-get install python3-venv)."; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@# The hooks import the project's package `llm_medicine/`: put this folder on the venv's path (as an editable
	@# install would, without a build step).
	@$(BIN)/python -c "import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()['purelib'], 'llm_medicine.pth').write_text('$(CURDIR)\n')"
	@cp requirements.lock $(STAMP)

clean:
	rm -rf site site.partial site.previous .pytest_cache editions .cache/editions
