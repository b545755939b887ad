"""EXEC-SHUTDOWN-1 with futurist alone: after shutdown(), submit() must raise RuntimeError.

While shutdown(wait=True) waits for a running call, it holds the pool's lock, so submit() blocks (until every call
has finished: forever, if the running call is the one submitting). Exits 1 while the bug is present."""
import sys
import threading

import futurist

release = threading.Event()
executor = futurist.ThreadPoolExecutor(max_workers=1)
executor.submit(release.wait)
threading.Thread(target=executor.shutdown, kwargs={"wait": True}, daemon=True).start()
while executor.alive:  # shutdown() has begun once the executor says it is no longer alive
    release.wait(0.01)

outcome = []
submitter = threading.Thread(target=lambda: outcome.append(_submit()), daemon=True)


def _submit():
    try:
        return f"returned {executor.submit(int)!r}"
    except RuntimeError as error:
        return f"raised RuntimeError({error})"


submitter.start()
submitter.join(2.0)
print("submit() after shutdown():", outcome[0] if outcome else "still blocked after 2 s")
release.set()
sys.exit(0 if outcome and outcome[0].startswith("raised") else 1)
