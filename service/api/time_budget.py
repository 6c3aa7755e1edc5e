"""A wall-clock budget per request: a runaway document becomes a clean 503, not a killed worker."""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeBudgetExceededError(Exception):
    """The request ran longer than its budget."""

    seconds: float = 0.0

    def __init__(self, seconds: float | None = None) -> None:
        if seconds is not None:
            self.seconds = seconds
        super().__init__(f"the request took longer than its budget of {self.seconds:g} s")


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeBudgetExceededError` in the block once ``seconds`` have passed.

    On the main thread (gunicorn's sync workers) ``SIGALRM`` interrupts the block; on another
    thread (the app threads of ``service.worker``) a timer raises the error in that thread at
    its next Python instruction. A no-op when ``seconds`` is 0.
    """
    if seconds <= 0:
        yield
    elif threading.current_thread() is threading.main_thread():
        with _alarm(seconds):
            yield
    else:
        with _thread_timer(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeBudgetExceededError(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_timer(seconds: float) -> Iterator[None]:
    # The asynchronous exception is a class (CPython raises it without arguments), so the
    # budget travels as a class attribute.
    error = type("TimeBudgetExceeded", (TimeBudgetExceededError,), {"seconds": seconds})
    thread_id = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, ctypes.py_object(error))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            timer.cancel()
            if state["fired"]:  # raised already, or still pending: never let it escape later
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, None)
