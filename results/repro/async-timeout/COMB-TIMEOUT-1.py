"""COMB-TIMEOUT-1 with async-timeout alone (Python 3.9/3.10, where its Timeout is its own class): the TimeoutError
leaving an expired block must have the CancelledError the body let through as its `__cause__` (asyncio.timeout:
`raise TimeoutError from exc_val`).

async-timeout raises asyncio.TimeoutError in __aexit__ without `from`: the CancelledError is only its __context__.
Exits 1 while that is so."""
import asyncio
import sys

import async_timeout


async def main():
    try:
        async with async_timeout.timeout(0):  # the deadline is reached at the next loop iteration
            await asyncio.get_running_loop().create_future()
    except asyncio.TimeoutError as error:
        print("TimeoutError; __cause__:", repr(error.__cause__), "- __context__:", repr(error.__context__))
        return isinstance(error.__cause__, asyncio.CancelledError)
    return False


sys.exit(0 if asyncio.run(main()) else 1)
