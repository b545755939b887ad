"""EXEC-SHUTDOWN-3 with futurist alone: shutdown(cancel_futures=True) must cancel the queued calls.

futurist's shutdown() accepts cancel_futures and ignores it: the queued call's future is not cancelled (and, with
wait=False, never finishes at all). Exits 1 while the bug is present."""
import sys
import threading

import futurist

release = threading.Event()
executor = futurist.ThreadPoolExecutor(max_workers=1)
running = executor.submit(release.wait)
queued = executor.submit(int, 7)
executor.shutdown(wait=False, cancel_futures=True)
print("right after shutdown(cancel_futures=True), the queued call's future cancelled():", queued.cancelled())
release.set()
cancelled = queued.cancelled()
sys.exit(0 if cancelled else 1)
