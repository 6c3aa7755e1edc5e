# The two commands a user needs: `make run` (set up and serve) and `make test` (lint and test).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= ../shared/data
STAMP := $(VENV)/.installed

.PHONY: run test lint install openapi requirements evaluate train bench-install docker-smoke clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $@

install: $(STAMP)  ## set up the virtual environment from the pinned, hashed requirements

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
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-bench.txt

evaluate: $(STAMP)  ## score the pipeline on the development corpora in $(DATA)
	$(BIN)/python -m service.evaluate timex $(DATA)/tempeval3
	$(BIN)/python -m service.evaluate events $(DATA)/tempeval3 --folds 5
	$(BIN)/python -m service.evaluate events $(DATA)/tempeval3 --cross-corpus
	$(BIN)/python -m service.evaluate anchoring $(DATA)/tempeval3
	$(BIN)/python -m service.evaluate anchoring $(DATA)/meantime/corpus_apple
	$(BIN)/python -m service.evaluate actors $(DATA)/meantime/corpus_apple
	$(BIN)/python -m service.evaluate timelines $(DATA)/semeval2015-timeline-trial

train: $(STAMP)  ## retrain the event model (service/resources/en/events/event_model.npz)
	$(BIN)/python -m service.pipeline.train_events $(DATA)/tempeval3

docker-smoke:  ## build the Dockerfile with buildah and run the image
	../shared/tools/docker-smoke

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
