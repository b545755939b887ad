"""EXEC-START-4 with executorlib alone: creating an executor with max_workers zero or negative must raise ValueError.

SingleNodeExecutor(max_workers=0) and SingleNodeExecutor(max_workers=-1) are accepted without an error; a call
submitted to either never starts (its scheduling thread waits for a free slot that can never come). Exits 1 while
they are accepted."""
import sys

from executorlib import SingleNodeExecutor

if __name__ == "__main__":
    accepted = []
    for bad in (0, -1):
        try:
            executor = SingleNodeExecutor(max_workers=bad)
        except ValueError as error:
            print(f"SingleNodeExecutor(max_workers={bad}) raised ValueError({error})")
        else:
            print(f"SingleNodeExecutor(max_workers={bad}) was accepted")
            accepted.append(bad)
            executor.shutdown(wait=False)
    sys.exit(1 if accepted else 0)
