"""TASK-LIFE-4 with rloop alone: a KeyboardInterrupt raised by a task's coroutine must leave the loop's run (asyncio's
Task sets it as the task's exception and re-raises it from the step, so that Ctrl-C stops the program).

Under rloop the step's KeyboardInterrupt does not come out of run_forever(): rloop hands it to the loop's exception
handler ("Exception in callback <TaskStepMethWrapper ...>") and goes on running. Exits 1 while the bug is present."""
import sys

import rloop

loop = rloop.new_event_loop()
loop.set_exception_handler(lambda *args: None)  # rloop passes (context) alone; only what leaves the run counts
interrupt = KeyboardInterrupt("raised by the coroutine")


async def interrupted():
    raise interrupt


task = loop.create_task(interrupted())
left = None
try:
    loop.call_soon(loop.stop)
    loop.run_forever()  # one iteration: the task's first step raises
except KeyboardInterrupt as error:
    left = error
print("run_forever() raised:", repr(left), "- the task's exception:", repr(task.exception() if task.done() else None))
loop.close()
sys.exit(0 if left is interrupt else 1)
