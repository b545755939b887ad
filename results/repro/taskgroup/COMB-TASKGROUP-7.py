"""COMB-TASKGROUP-7 with taskgroup alone (Python 3.9/3.10): when a member fails after the body ended, the group
cancels its parent; leaving the block must undo that request, so the parent's cancelling() is what it was when the
block was entered.

taskgroup 0.2 copies CPython 3.12's TaskGroup, which calls uncancel() before waiting for the members (CPython
gh-116720, fixed in 3.13): the request made while waiting is never taken back. The parent here is the task taskgroup
runs the block's body in (a class of its own, with cancelling()). Exits 1 while that is so."""
import asyncio
import sys

import taskgroup


async def member():
    await asyncio.sleep(0)  # the body has ended by now: the block waits for this member
    raise ValueError("a member failing while the block waits")


async def main():
    try:
        async with taskgroup.TaskGroup() as group:
            parent = asyncio.current_task()
            entry = parent.cancelling()
            group.create_task(member())
    except BaseException as error:  # the exceptiongroup package's BaseExceptionGroup on 3.9/3.10
        print("the block raised", repr(error))
    print("the parent's cancelling(): on entering", entry, "- on leaving", parent.cancelling())
    return parent.cancelling() == entry


sys.exit(0 if asyncio.run(main()) else 1)
