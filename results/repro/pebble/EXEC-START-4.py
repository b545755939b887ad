"""EXEC-START-4 with pebble alone: creating a pool with max_workers zero or negative must raise ValueError.

pebble's ThreadPool and ProcessPool accept both (a pool with no workers never runs a call). Exits 1 while the bug is
present."""
import sys

import pebble

accepted = []
for pool_class in (pebble.ThreadPool, pebble.ProcessPool):
    for bad in (0, -1):
        try:
            pool = pool_class(max_workers=bad)
        except ValueError as error:
            print(f"{pool_class.__name__}(max_workers={bad}) raised ValueError({error})")
        else:
            print(f"{pool_class.__name__}(max_workers={bad}) was accepted")
            accepted.append(pool)
            pool.close()
sys.exit(1 if accepted else 0)
