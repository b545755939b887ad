"""EXEC-SUBMIT-4 with futurist alone: submit(fn, /, *args, **kwargs) must pass every keyword argument to the call,
including one named fn, and the callable must be positional-only.

futurist's executors define `submit(self, fn, *args, **kwargs)` (the signature CPython had before 3.9, bpo-36492):
a keyword argument named fn collides with the callable and raises TypeError, and submit(fn=f) is accepted. Exits 1
while the bug is present."""
import sys

import futurist

if __name__ == "__main__":
    forwarded = positional_only = True
    for executor in (futurist.ThreadPoolExecutor(max_workers=1), futurist.ProcessPoolExecutor(max_workers=1)):
        name = type(executor).__name__
        try:
            forwarded &= executor.submit(dict, [("a", 1)], fn=2).result(timeout=60) == {"a": 1, "fn": 2}
        except TypeError as error:
            print(f"{name}.submit(dict, [('a', 1)], fn=2) raised TypeError: {error}")
            forwarded = False
        try:
            executor.submit(fn=dict, a=1).result(timeout=60)
            print(f"{name}.submit(fn=dict, a=1) was accepted: the callable is not positional-only")
            positional_only = False
        except TypeError:
            pass
        executor.shutdown(wait=True)
    sys.exit(0 if forwarded and positional_only else 1)
