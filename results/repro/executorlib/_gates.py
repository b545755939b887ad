"""Helpers of the executorlib scripts: a call that records that it started and then holds until told to go, through
files in a folder both processes see (executorlib runs each call in a process of its own, reached over zmq), so a
script knows which call runs and which is queued without any timing; and a future of executorlib's cancelled while
its call is queued. cloudpickle (executorlib's own dependency) sends this module by value, since executorlib's worker
processes cannot import it."""
import os
import sys
import tempfile
import time

import cloudpickle

POLL = 0.01
LIMIT = 60.0  # seconds any wait here may take: a bound, never a synchronisation


def folder():
    return tempfile.mkdtemp(prefix="executorlib-repro-")


def held(place, name):
    """The call: say it started, then hold until the script releases it."""
    open(os.path.join(place, f"{name}.started"), "w").close()
    _wait_for(os.path.join(place, "go"))
    return name


def started(place, name):
    return _wait_for(os.path.join(place, f"{name}.started"))


def release(place):
    open(os.path.join(place, "go"), "w").close()


def cancelled(executor, place):
    """A future of executorlib's (concurrent.futures.Future) cancelled by cancel() alone: a call queued behind one
    that runs on an executor with max_workers=1, made with disable_dependencies=True: cancelling a call its dependency
    thread has not yet handed on kills that thread (EXEC-SUBMIT-3.py). Release `place` afterwards."""
    running = executor.submit(held, place, "running")
    assert started(place, "running")
    future = executor.submit(held, place, "queued")
    print("cancel() of the queued call's future returned", future.cancel(), "- done() is", future.done())
    return running, future


def _wait_for(path):
    deadline = time.monotonic() + LIMIT
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            return False
        time.sleep(POLL)
    return True


cloudpickle.register_pickle_by_value(sys.modules[__name__])
