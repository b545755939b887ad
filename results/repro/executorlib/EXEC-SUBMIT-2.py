"""EXEC-SUBMIT-2 with executorlib alone: when a call raises, its future must finish with that exception,
KeyboardInterrupt and SystemExit included.

executorlib's worker process (executorlib/backend/interactive_serial.py) catches only Exception around the call: a
KeyboardInterrupt (or SystemExit: pass `exit`) raised by the call ends the worker process, and the future finishes
with ExecutorlibSocketError("SocketInterface crashed during execution.") instead. Exits 1 while the bug is present."""
import sys

from executorlib import SingleNodeExecutor

error = SystemExit(3) if sys.argv[1:] == ["exit"] else KeyboardInterrupt("raised by the call")


def call():
    raise error


if __name__ == "__main__":
    with SingleNodeExecutor(max_workers=1) as executor:
        future = executor.submit(call)
        raised = future.exception(timeout=60)
    print("the future's exception:", repr(raised))
    sys.exit(0 if type(raised) is type(error) and raised.args == error.args else 1)
