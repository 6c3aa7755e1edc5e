"""The pipeline is a library: usable, and importable, without Flask."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from service.pipeline import DocumentRequest, TimelinePipeline, UnsupportedLanguageError


def test_pipeline_imports_no_flask():
    code = "import sys, service.pipeline; print('flask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_process_returns_plain_records(pipeline: TimelinePipeline):
    result = pipeline.process("Talks resumed on Monday.", date(2017, 5, 9), id="doc-1")
    assert result.document.id == "doc-1"
    assert result.document.document_date.value == "2017-05-09"
    assert result.document.document_date.source == "request"
    assert result.document.characters == len("Talks resumed on Monday.")


def test_process_many_keeps_order(pipeline: TimelinePipeline):
    requests = [DocumentRequest(f"Document number {n} was filed.", id=str(n)) for n in range(5)]
    assert [r.document.id for r in pipeline.process_many(requests)] == ["0", "1", "2", "3", "4"]


def test_unsupported_language_is_refused(pipeline: TimelinePipeline):
    try:
        pipeline.process("Bonjour.", language="fr")
    except UnsupportedLanguageError as error:
        assert error.supported == ("en",)
    else:
        raise AssertionError("French was accepted")
