"""CF-RESULT-3 with executorlib alone: result() of a future that finished with an exception must raise it, even when
the exception's truth value is False.

executorlib's futures are concurrent.futures.Future, whose result() tests `if self._exception:` before 3.13.4
(gh-132063): result() of a call that raised such an exception in executorlib's worker returns None as if the call had
succeeded. Exits 1 while the bug is present."""
import sys

from executorlib import SingleNodeExecutor


class FalsyError(Exception):
    def __bool__(self):
        return False


def fail():
    raise FalsyError("raised in executorlib's worker")


if __name__ == "__main__":
    with SingleNodeExecutor(max_workers=1) as executor:
        future = executor.submit(fail)
        try:
            print(f"result() returned {future.result(timeout=60)!r}; exception() is {future.exception()!r}")
            raised = False
        except FalsyError:
            print("result() raised the exception")
            raised = True
    sys.exit(0 if raised else 1)
