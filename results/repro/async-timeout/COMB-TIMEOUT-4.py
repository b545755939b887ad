"""COMB-TIMEOUT-4 with async-timeout alone (Python 3.9/3.10): a block whose deadline was reached, and whose body
caught the CancelledError and ended normally, is left normally with expired() (async-timeout: `expired`) True.

async-timeout leaves such a block in its EXIT state, whose `expired` is False: the expiry is forgotten. Exits 1 while
that is so."""
import asyncio
import sys

import async_timeout


async def main():
    async with async_timeout.timeout(0) as scope:
        try:
            await asyncio.get_running_loop().create_future()
        except asyncio.CancelledError:
            pass  # the body catches the deadline's cancellation and ends normally
    print("left normally; expired:", scope.expired)
    return scope.expired


sys.exit(0 if asyncio.run(main()) else 1)
