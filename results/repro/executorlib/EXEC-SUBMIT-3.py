"""EXEC-SUBMIT-3 with executorlib alone: every call whose future was not cancelled must start, sooner or later;
cancelling one call must not stop the others.

SingleNodeExecutor's dependency thread takes each submitted call off its queue every 10 ms and asks its future for an
exception with exception(timeout=1e-10), which raises CancelledError on a future cancelled meanwhile: the thread dies
("Exception in thread ... CancelledError" on stderr), and no later call ever starts; shutdown() then blocks for ever
(it waits for that thread's queue to be drained). A cancel() made right after submit() nearly always comes first; the
script makes ten, to be sure. Exits 1 while a call submitted afterwards has not run 30 s later."""
import concurrent.futures
import os
import sys

from executorlib import SingleNodeExecutor


def answer():
    return 42


if __name__ == "__main__":
    executor = SingleNodeExecutor(max_workers=1)
    cancelled = sum(executor.submit(answer).cancel() for _ in range(10))
    print(f"cancel() right after submit() returned True {cancelled} times of 10")
    later = executor.submit(answer)
    try:
        print("a call submitted afterwards returned", later.result(timeout=30))
        ran = True
    except concurrent.futures.TimeoutError:
        print("a call submitted afterwards had not run 30 s later:", later)
        ran = False
    sys.stdout.flush()
    os._exit(0 if ran else 1)  # shutdown() would block for ever
