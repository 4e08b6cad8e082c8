# The two commands of the README: `make map` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: map test lint screenshot bench-geoparse bench-events bench-frontline clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

map: $(STAMP)  ## build layers/ and output/map.html from seeds/
	$(BIN)/geomap build seeds

test: $(STAMP)  ## run the whole test suite
	$(BIN)/ruff check geomap tests bench scripts
	$(BIN)/ruff format --check geomap tests bench scripts
	$(BIN)/python -m pytest

screenshot: $(STAMP)  ## refresh docs/map.png from the browser test
	GEOMAP_SCREENSHOT=docs/map.png $(BIN)/python -m pytest tests/test_browser.py -q

lint: $(STAMP)
	$(BIN)/ruff check --fix geomap tests bench scripts
	$(BIN)/ruff format geomap tests bench scripts

bench-geoparse: $(STAMP)  ## geoparser accuracy and speed on ../shared/eval
	$(BIN)/python bench/geoparse.py

bench-events: $(STAMP)  ## events on ../shared/eval/events: the scorer's table, gazetteer coverage
	$(BIN)/python bench/events.py

bench-frontline: $(STAMP)  ## line of contact and share on known cases (OCCUPIED=FILE for a real one)
	$(BIN)/python bench/frontline.py $(OCCUPIED)

clean:
	rm -rf $(VENV) build *.egg-info
