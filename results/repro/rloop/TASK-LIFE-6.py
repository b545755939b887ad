"""TASK-LIFE-6 with rloop alone: a task collected while pending must be reported to the loop's exception handler.

The task (asyncio's) reports it with loop.call_exception_handler() ("Task was destroyed but it is pending!"); rloop
(rloop/exc.py, _exception_handler) calls the handler set by loop.set_exception_handler() with (context) alone where
asyncio documents (loop, context), so a handler of the documented signature raises TypeError and never sees the
report (the AIO-CB-5 bug, met here). Exits 1 while the bug is present."""
import gc
import sys

import rloop


async def awaiting_its_own_future(loop):
    await loop.create_future()


loop = rloop.new_event_loop()
handled = []
loop.set_exception_handler(lambda loop, context: handled.append(context.get("message")))
task = loop.create_task(awaiting_its_own_future(loop))
loop.call_soon(loop.stop)
loop.run_forever()  # the task starts and waits for a future only its coroutine holds
del task
gc.collect()
loop.close()
print("the exception handler got:", handled)
sys.exit(0 if handled == ["Task was destroyed but it is pending!"] else 1)
