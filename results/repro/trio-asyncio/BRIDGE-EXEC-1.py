"""BRIDGE-EXEC-1 with trio-asyncio alone: loop.run_in_executor(executor, fn) must submit fn to that executor.

trio-asyncio's run_in_executor() accepts only None or a trio_asyncio.TrioExecutor (a documented limitation in its
docstring): any other executor, here the standard library's ThreadPoolExecutor, fails `assert isinstance(executor,
TrioExecutor)`. Exits 1 while that is so."""
import asyncio
import concurrent.futures
import sys

import trio_asyncio  # noqa: F401  (makes asyncio.new_event_loop() return trio-asyncio's loop)

loop = asyncio.new_event_loop()
executor = concurrent.futures.ThreadPoolExecutor(max_workers=1)
try:
    future = loop.run_in_executor(executor, print, "ran in the executor")
except AssertionError as error:
    print("run_in_executor() raised", type(error).__name__, error)
    sys.exit(1)
finally:
    executor.shutdown()
    loop.close()
print("run_in_executor() returned", type(future).__name__)
