"""COMB-TIMEOUT-7 with async-timeout alone (Python 3.9/3.10): reschedule() (async-timeout: update()) of a block not
yet entered must raise RuntimeError.

async-timeout's update() before entering sets the deadline the block will use, as its own API allows. Exits 1 while
that is so."""
import asyncio
import sys

import async_timeout


async def main():
    scope = async_timeout.timeout(None)
    try:
        scope.update(asyncio.get_running_loop().time() + 1)
    except RuntimeError:
        print("update() of a timeout not yet entered raised RuntimeError")
        return True
    print("update() of a timeout not yet entered returned; its deadline is now", scope.deadline)
    return False


sys.exit(0 if asyncio.run(main()) else 1)
