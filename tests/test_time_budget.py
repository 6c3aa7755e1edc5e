"""The request time budget on a thread other than the main one (the server's app threads)."""

from __future__ import annotations

import threading
import time

import pytest

from service.api.time_budget import TimeBudgetExceededError, time_budget


def on_a_thread(work) -> list[BaseException | str]:
    outcome: list[BaseException | str] = []

    def run() -> None:
        try:
            work()
            outcome.append("finished")
        except TimeBudgetExceededError as error:
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    return outcome


def busy(seconds: float) -> None:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pass


def test_a_block_over_its_budget_raises_on_its_thread():
    def work() -> None:
        with time_budget(0.05):
            busy(5)

    (outcome,) = on_a_thread(work)
    assert isinstance(outcome, TimeBudgetExceededError)
    assert outcome.seconds == pytest.approx(0.05)


def test_a_block_within_its_budget_is_never_interrupted_later():
    def work() -> None:
        with time_budget(0.2):
            busy(0.01)
        busy(0.5)  # past the budget, outside the block

    assert on_a_thread(work) == ["finished"]
