# The knowledge base's commands. The first use creates .venv from the pinned
# requirements and node_modules/ from package-lock.json (fonts the site serves
# itself); `make test` also installs the Debian packages the tests drive (chromium,
# zim-tools, kiwix-tools) when they are missing.

VENV := .venv
PYTHON := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs
STAMP := $(VENV)/.installed

.PHONY: serve build check exceptions test debian-tools clean i18n-status i18n-stamp new schemas linkcheck-external bundle verify-bundle zim bench

$(STAMP): requirements.txt pyproject.toml package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

LANGUAGE ?= en
SIZES ?= 38,200,1000

serve: $(STAMP)  ## live preview of one language on http://127.0.0.1:8000 (make serve LANGUAGE=es)
	KB_LANGUAGE=$(LANGUAGE) KB_STRICT=false $(MKDOCS) serve --dev-addr 127.0.0.1:8000

build: $(STAMP)  ## every language into site/, replaced only when the whole build succeeds
	$(PYTHON) tools/build_site.py --site-dir site

check: $(STAMP)  ## validate front matter, ids and links without rendering
	$(PYTHON) -m tipkb check docs

exceptions: $(STAMP)  ## the check, plus every paragraph marked '<!-- uncited: reason -->'
	$(PYTHON) -m tipkb check docs --exceptions

i18n-status: $(STAMP)  ## translated / outdated / missing pages per language
	$(PYTHON) -m tipkb i18n-status

i18n-stamp: $(STAMP)  ## after updating translations: make i18n-stamp FILES="docs/countries/guatemala.es.md ..."
	@test -n "$(FILES)" || { echo 'name the translations: make i18n-stamp FILES="docs/countries/guatemala.es.md"'; exit 2; }
	$(PYTHON) -m tipkb i18n-stamp $(FILES)

new: $(STAMP)  ## a page from a template: make new KIND=country NAME="Kenya" REGION=eastern-africa SOURCES=state-international-programs-2014
	@test -n "$(KIND)" -a -n "$(NAME)" || { echo 'usage: make new KIND=country|practice|statute|source NAME="..." [REGION=...] [SOURCES=a,b] [JURISDICTION=...]'; exit 2; }
	$(PYTHON) -m tipkb new "$(KIND)" "$(NAME)" --region "$(REGION)" --sources "$(SOURCES)" --jurisdiction "$(or $(JURISDICTION),international)"

schemas: $(STAMP)  ## regenerate schemas/*.schema.json after changing tipkb/models.py
	$(PYTHON) -m tipkb schemas

bundle: $(STAMP)  ## offline zips in dist/: every language, and one per language
	$(PYTHON) tools/bundle.py --dist dist

verify-bundle: $(STAMP)  ## check a copy of a bundle: make verify-bundle BUNDLE=dist/tip-kb-...-all.zip
	@test -n "$(BUNDLE)" || { echo 'name the bundle: make verify-bundle BUNDLE=dist/tip-kb-...-all.zip (or an unzipped folder)'; exit 2; }
	$(PYTHON) tools/bundle.py --verify "$(BUNDLE)"

zim: $(STAMP)  ## one ZIM archive per language in dist/, for Kiwix readers (make zim PUBLISHER="...")
	$(PYTHON) tools/zim.py --dist dist $(if $(PUBLISHER),--publisher "$(PUBLISHER)")

bench: $(STAMP) debian-tools  ## measure against plain MkDocs on a synthetic corpus; writes BENCHMARKS.md (not part of make test)
	$(PYTHON) tools/bench.py --sizes $(SIZES)

linkcheck-external: $(STAMP)  ## check the external links of the last build (needs a network; not in CI)
	@test -f site/data/external-links.json || { echo "run 'make build' first"; exit 2; }
	$(PYTHON) tools/linkcheck_external.py site/data/external-links.json

debian-tools:  ## Debian's chromium (Playwright's own download does not work here), zimcheck and kiwix-serve, for the tests
	@command -v chromium >/dev/null && command -v zimcheck >/dev/null && command -v kiwix-serve >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium zim-tools kiwix-tools; }

test: $(STAMP) debian-tools  ## the whole test suite
	$(PYTHON) -m pytest

clean:
	rm -rf site dist .pytest_cache
