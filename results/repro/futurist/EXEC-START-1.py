"""EXEC-START-1 with futurist alone: while fewer than max_workers calls run, a queued call must start.

A call raising SystemExit ends its worker thread (futurist's WorkItem.run() re-raises SystemExit), and the pool
never replaces the thread: with max_workers=1, the next call never starts. Exits 1 while the bug is present."""
import sys

import futurist


def leave():
    raise SystemExit(3)


executor = futurist.ThreadPoolExecutor(max_workers=1)
first = executor.submit(leave)
print("the first call's future:", repr(first.exception(timeout=5)))
second = executor.submit(int, 7)
try:
    print("the second call returned", second.result(timeout=2.0))
    starved = False
except futurist.TimeoutError:
    print("the second call did not run within 2 s; live workers:",
          sum(worker.is_alive() for worker in executor._workers), "of", executor._max_workers)
    starved = True
sys.exit(1 if starved else 0)
