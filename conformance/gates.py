"""Gated tasks: the calls the suite hands to an executor, so that real executors are driven deterministically.

A gated call reports that it has started, then blocks until the suite releases it with an outcome: return a value,
raise an exception, or kill its worker. The suite therefore decides when each call finishes and how, and observes
exactly which calls have started, with no wall-clock waiting. The adapter makes the gates (`new_gate()`), because
what can cross into a worker differs: thread pools share objects, process pools need picklable handles (here,
`multiprocessing` manager proxies), remote workers something else again.

Everything a worker runs lives at module level, so process pools can pickle it by reference.
"""
import logging
import multiprocessing
import os
import pickle
import threading
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Release:
    """How a released call ends: `return` a value, `raise` an exception, or `crash` its worker process."""

    kind: str
    value: Any = None

    def deliver(self):
        if self.kind == "raise":
            raise self.value
        if self.kind == "crash":
            os._exit(70)  # a worker dying abruptly, as a segfault or the OOM killer would make it
        return self.value


def run_gate(gate):
    """The function the suite submits: `executor.submit(run_gate, gate)`, `executor.map(run_gate, gates)`."""
    return gate.run()


class InitializerFailed(Exception):
    """What a gated initializer is released to raise: the executor must then break (EXEC-BROKEN-1)."""


def gated_initializer(gate):
    """An executor's initializer that is itself a gate: it blocks the worker until the suite releases it."""
    logging.disable(logging.CRITICAL)  # the executor logs a failing initializer; in a worker process nothing else
    return gate.run()                  # silences it


class ThreadGate:
    """A gate for workers that share the suite's memory (threads).

    The contract every gate meets: `run()` in the worker; in the suite, `started` (an event: `is_set()`,
    `wait(timeout)`), `starts()` (how many times run() began) and `release(outcome)`."""

    def __init__(self):
        self.started = threading.Event()
        self._released = threading.Event()
        self._lock = threading.Lock()
        self._starts = 0
        self._outcome = Release("return")

    # in the worker
    def run(self):
        with self._lock:
            self._starts += 1
        self.started.set()
        self._released.wait()
        return self._outcome.deliver()

    # in the suite
    def starts(self) -> int:
        return self._starts

    def release(self, outcome: Release):
        self._outcome = outcome
        self._released.set()


class ProcessGate:
    """A gate for worker processes: its state lives in a `multiprocessing` manager, so the picklable proxies work
    from any process."""

    def __init__(self, manager):
        self.started = manager.Event()
        self._released = manager.Event()
        self._box = manager.dict(starts=0, outcome=Release("return"))
        self._lock = manager.Lock()

    def run(self):
        with self._lock:
            self._box["starts"] += 1
            self._box["process"] = os.getpid()
        self.started.set()
        self._released.wait()
        return self._box["outcome"].deliver()

    def starts(self) -> int:
        return self._box["starts"]

    def process(self):
        """The process id of the worker that last ran the call, None before it starts (EXEC-BROKEN-6)."""
        return self._box.get("process")

    def release(self, outcome: Release):
        self._box["outcome"] = outcome
        self._released.set()


class ForeignProcessGate(ProcessGate):
    """A process gate whose pickle carries the manager's authkey, for workers that multiprocessing did not start (MPI's,
    a subinterpreter's, executorlib's subprocesses): theirs differs, and the manager's proxies would be refused."""

    def __reduce__(self):
        return _foreign_gate, (bytes(multiprocessing.current_process().authkey), pickle.dumps(self.__dict__))


def _foreign_gate(authkey, state):
    multiprocessing.current_process().authkey = authkey  # before the proxies below connect to the manager
    gate = ForeignProcessGate.__new__(ForeignProcessGate)
    gate.__dict__.update(pickle.loads(state))
    return gate
