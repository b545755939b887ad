"""EXEC-PICKLE-1 with the interpreters-pep-734 backport alone: a call whose result cannot be pickled must fail alone,
its future finishing promptly with the pickling error, and the executor must go on running calls.

InterpreterPoolExecutor runs each call in a subinterpreter and sends its result back by pickle. A call returning
something that cannot be pickled (here threading.Lock() returns a lock) leaves its future pending for ever, and the
worker with it: with max_workers=1 the next call never runs, and shutdown() never returns. Exits 1 while the future
of that call does not finish within 10 s (leaving with os._exit, past the stuck worker)."""
import os
import threading
from concurrent.futures import TimeoutError

from interpreters_backport.concurrent.futures import InterpreterPoolExecutor

if __name__ == "__main__":
    executor = InterpreterPoolExecutor(max_workers=1)
    assert executor.submit(abs, -1).result(timeout=30) == 1  # the pool works
    future = executor.submit(threading.Lock)
    try:
        future.result(timeout=10)
    except TimeoutError:
        later = executor.submit(abs, -2)
        try:
            later.result(timeout=5)
            print("EXEC-PICKLE-1 reproduced: the future of a call with an unpicklable result never finished")
        except TimeoutError:
            print("EXEC-PICKLE-1 reproduced: the future of a call with an unpicklable result never finished, and "
                  "the next call never ran")
        os._exit(1)  # shutdown() would wait for the stuck worker
    except Exception as error:
        print(f"not reproduced: result() raised {error!r}")
    else:
        print("not reproduced: result() returned")
    executor.shutdown()
