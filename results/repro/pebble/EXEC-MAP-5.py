"""EXEC-MAP-5 with pebble alone: with map(timeout=t), a next() made after t seconds must raise TimeoutError at once.

pebble's ThreadPool.map() returns a future whose result (the iterator) is set once the first call has finished,
and the timeout applies to each item's result() (documented: "The timeout is applied to each chunk"), so once t has
passed, getting the iterator and next() still wait for the call. Exits 1 while the bug is present."""
import sys
import threading
import time

import pebble

release = threading.Event()
pool = pebble.ThreadPool(max_workers=1)
started = time.monotonic()
future = pool.map(lambda _: release.wait(), [1], timeout=0.5)
threading.Event().wait(0.5)  # the timeout must really expire: it is the behaviour under test
outcome = []


def consume():
    try:
        outcome.append(f"returned {next(iter(future.result()))!r}")
    except TimeoutError as error:
        outcome.append(f"raised TimeoutError({error})")


consumer = threading.Thread(target=consume, daemon=True)
consumer.start()
consumer.join(2.0)
print(f"{time.monotonic() - started:.1f} s after map(timeout=0.5), next():",
      outcome[0] if outcome else "still waiting for the call")
release.set()
pool.close()
pool.join()
sys.exit(0 if outcome and outcome[0].startswith("raised") else 1)
