"""CF-TIMEOUT-3 with gevent alone: result(timeout=0) of an unfinished future must raise TimeoutError.

gevent.threadpool.ThreadPoolExecutor's futures are gevent.event.AsyncResult objects, which bind to the hub of the
first thread that waits on them. After a result() in another thread (which raises LoopExit at once: CF-BLOCK-1.py),
result(timeout=0) in the submitting thread may raise gevent's InvalidThreadUseError instead of TimeoutError (in
about a third of the tries here: it depends on which thread's hub the AsyncResult bound to). Exits 1 while some of
20 tries do.

Upstream: https://github.com/gevent/gevent/issues/1739 (AsyncResult across threads is not supported)."""
import sys
import threading
from concurrent.futures import TimeoutError

import gevent.threadpool

TRIES = 20


def one_try():
    """What result(timeout=0) raises in the submitting thread after a result() in another thread."""
    executor = gevent.threadpool.ThreadPoolExecutor(max_workers=1)
    release = threading.Event()
    future = executor.submit(release.wait)  # unfinished until released

    def read_elsewhere():
        try:
            future.result()
        except BaseException:  # LoopExit, as CF-BLOCK-1.py shows
            pass

    reader = threading.Thread(target=read_elsewhere)
    reader.start()
    reader.join()
    try:
        future.result(timeout=0)
        raised = None
    except BaseException as error:  # what is raised is the observation
        raised = error
    release.set()
    executor.shutdown()
    return raised


kinds = [one_try() for _ in range(TRIES)]
wrong = [type(error).__qualname__ for error in kinds if not isinstance(error, TimeoutError)]
print(f"result(timeout=0) raised something other than TimeoutError in {len(wrong)} of {TRIES} tries: {set(wrong)}")
sys.exit(1 if wrong else 0)
