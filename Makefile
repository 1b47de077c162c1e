# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := out/demo
SIZES  ?= 1000,10000,100000

.PHONY: demo test lint bench seeds install dev clean

$(BIN)/rashomon: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.dev: $(BIN)/rashomon
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/rashomon
dev: $(VENV)/.dev

demo: $(BIN)/rashomon
	$(BIN)/rashomon brief examples/demo --out $(OUT) --format json,md,html --store $(OUT)/rashomon.db; \
	  code=$$?; [ $$code -eq 0 ] || exit $$code
	@echo
	@echo "The brief is in $(OUT)/brief.json (also $(OUT)/brief.md and $(OUT)/brief.html)."
	@echo "Browse it: $(BIN)/rashomon serve --store $(OUT)/rashomon.db"

test: $(VENV)/.dev
	$(BIN)/pytest -q -n 2 --dist loadfile

lint: $(VENV)/.dev
	$(BIN)/ruff check rashomon tests bench
	$(BIN)/mypy rashomon

# All benchmarks; the end-to-end one at SIZES (default 1000,10000,100000: about 1.5 hours).
bench: $(VENV)/.dev
	SIZES=$(SIZES) $(BIN)/python -m bench.run

seeds: $(BIN)/rashomon
	../shared/tools/check-seeds

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
