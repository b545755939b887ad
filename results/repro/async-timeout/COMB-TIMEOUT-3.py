"""COMB-TIMEOUT-3 with async-timeout alone (Python 3.9/3.10): a task cancelled by someone else must get its
CancelledError out of the block, also when the block's deadline is reached at the same loop iteration.

async-timeout does not count cancellation requests: an expired block turns any CancelledError into TimeoutError, so
the outside cancel() is lost (aio-libs/async-timeout#229, closed with a partial fix; the race it leaves is this one).
Exits 1 while that is so."""
import asyncio
import sys

import async_timeout


async def body():
    async with async_timeout.timeout(0):  # its deadline: the next loop iteration
        await asyncio.get_running_loop().create_future()


async def main():
    task = asyncio.create_task(body())
    await asyncio.sleep(0)  # the task enters the block
    task.cancel()  # someone else cancels it, before the iteration that reaches the deadline
    try:
        await task
    except asyncio.CancelledError:
        print("the block let the outside cancellation through")
        return True
    except asyncio.TimeoutError:
        print("the block turned the outside cancellation into TimeoutError")
    return False


sys.exit(0 if asyncio.run(main()) else 1)
