"""COMB-TIMEOUT-8 with async-timeout alone (Python 3.9/3.10): of two nested blocks whose deadlines are reached at the
same loop iteration, the body receives one CancelledError; the inner block must let it through (it carries a request
that is not the inner's alone) and the outer block raise TimeoutError.

async-timeout does not count requests (as in COMB-TIMEOUT-3, aio-libs/async-timeout#229): the inner block, expired
too, turns the CancelledError into TimeoutError, which the outer block lets through. Exits 1 while that is so."""
import asyncio
import sys

import async_timeout


async def main():
    left_inner = None
    try:
        async with async_timeout.timeout(0):
            try:
                async with async_timeout.timeout(0):  # both deadlines: the next loop iteration
                    await asyncio.get_running_loop().create_future()
            except BaseException as error:
                left_inner = error
                raise
    except asyncio.TimeoutError:
        pass
    print("the inner block was left with", repr(left_inner))
    return isinstance(left_inner, asyncio.CancelledError)


sys.exit(0 if asyncio.run(main()) else 1)
