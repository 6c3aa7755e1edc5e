# syntax=docker/dockerfile:1
# One base for both stages, so the interpreter the venv was built with is the one that runs it.
FROM python:3.11-slim AS base
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Build stage: a virtual environment with every pinned, hash-checked dependency, the spaCy model
# included (it is a Python package, so it is baked into the image).
FROM base AS build
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install --require-hashes --no-deps -r /tmp/requirements.txt
# The service as a package (its code, data files and the `timeline` command), built offline by the
# locked setuptools.
COPY pyproject.toml README.md /src/
COPY service /src/service
RUN /opt/venv/bin/pip install --no-deps --no-index --no-build-isolation /src \
    && /opt/venv/bin/pip uninstall -y -q pip

# Runtime stage: the environment with the service installed, run as an unprivileged user.
# `timeline batch` (and `dask scheduler` / `dask worker`) run from the same image: compose.yaml.
FROM base AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PORT=8000
RUN groupadd --system --gid 10001 timeline \
    && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin timeline
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]
CMD ["python", "-m", "service"]
