"""EXEC-SHUTDOWN-3 with gevent alone: shutdown(cancel_futures=True) must cancel the future of every queued call, and
those calls must never start.

gevent.threadpool.ThreadPoolExecutor queues its calls in its own ThreadPool, not in the standard library's work queue
that the inherited shutdown() drains to cancel them: a call queued behind a running one is not cancelled, and runs
once the running call is done. (shutdown(wait=False) waits for the running call, EXEC-SHUTDOWN-6.py: another thread
lets that call end once shutdown() has begun — the executor's `_shutdown` flag, looked at every 10 ms — so that
shutdown() returns.) Exits 1 when the queued call ran or its future is not cancelled."""
import sys
import threading

import gevent.threadpool

release = threading.Event()
ran = []
verdict = []


def release_once_shut_down(executor):
    while not executor._shutdown:
        threading.Event().wait(0.01)
    release.set()  # the running call ends: shutdown(), which waits for it, returns


def scene():
    executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
    executor.submit(release.wait)  # runs
    queued = executor.submit(ran.append, "the queued call")  # queued behind it
    threading.Thread(target=release_once_shut_down, args=(executor,)).start()
    executor.shutdown(wait=False, cancel_futures=True)
    verdict.append(queued.cancelled())


thread = threading.Thread(target=scene, daemon=True)
thread.start()
thread.join(30)
print("after shutdown(cancel_futures=True): the queued call's future cancelled():", verdict, "; it ran:", ran)
sys.exit(0 if verdict == [True] and not ran else 1)
