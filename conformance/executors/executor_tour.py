"""The executor tour: every rule from the states that matter (calls queued behind busy workers, running, released
in and out of order, cancelled, shut down every way, map() consumed, failing and closed), and the fixed scenarios
that need an executor of their own. Walks with several queued calls let a process pool's early RUNNING state show."""


def _start(workers):
    return ("start", {"max_workers": workers})


SUBMIT = ("submit", {})
NEXT = ("map_next", {})
CANCELLING = ("shutdown_cancelling", {})


def _release(outcome="return", pick=0):
    return ("release", {"pick": pick, "outcome": outcome})


def walks(capabilities):
    wait = "wait" in capabilities
    found = [
        [_start(1), SUBMIT, SUBMIT, SUBMIT, ("cancel", {"pick": 1}), _release(), _release("raise"), SUBMIT],
        [_start(2), SUBMIT, SUBMIT, SUBMIT, SUBMIT, _release("interrupt", 1), ("cancel", {"pick": 0}),
         _release("exit"), _release(), SUBMIT],
        [_start(1), SUBMIT, SUBMIT, SUBMIT, SUBMIT, ("cancel", {"pick": 3}), ("cancel", {"pick": 2}),
         CANCELLING, ("submit_after_shutdown", {}), ("shutdown_again", {}), _release()],
        [_start(2), SUBMIT, SUBMIT, SUBMIT, ("shutdown", {}), _release(pick=1),
         ("submit_after_shutdown", {}), _release(), _release()],
        [_start(1), SUBMIT, SUBMIT, ("shutdown_waiting", {}), _release(), ("submit_after_shutdown", {}), _release()],
        # shutdown() again while shutdown(wait=True) waits in another thread; the submit() between them waits until
        # that shutdown has taken effect (shutting_down.py), so the second shutdown() is never the first.
        [_start(1), SUBMIT, ("shutdown_waiting", {}), ("submit_after_shutdown", {}), ("shutdown_again", {}),
         _release()],
        [_start(1), SUBMIT, SUBMIT, SUBMIT, ("cancel", {"pick": 2}), _release(), ("wait_mixed", {"picks": [0, 1, 2]}),
         CANCELLING, ("wait_mixed", {"picks": [1, 2]})],
        [_start(1), ("map", {"count": 3}), NEXT, _release(), NEXT, _release("raise"), SUBMIT, _release()],
        [_start(2), ("map", {"count": 3}), _release(pick=1), _release(), NEXT, NEXT, NEXT, _release(), NEXT],
        [_start(2), ("map", {"count": 2}), _release(pick=1), NEXT, _release(), NEXT],
        [_start(1), ("map", {"count": 3}), _release(), NEXT, ("map_close", {}), _release(), SUBMIT, _release()],
        [_start(1), SUBMIT, ("map", {"count": 2}), SUBMIT, CANCELLING, NEXT,
         _release()],
        [("max_workers_validated", {}), ("context_manager", {}), ("map_timeout", {}), ("map_chunks", {})],
    ]
    if not wait:
        found = [[step for step in walk if step[0] != "wait_mixed"] for walk in found]
    if "cancel-futures" not in capabilities:  # the same walks, shutting down without cancelling
        found = [[("shutdown", {}) if step == CANCELLING else step for step in walk] for walk in found]
    found.append([("submit_keywords", {}), ("default_workers", {}), ("map_drops_results", {}),
                  ("map_input_fails", {}), *([("thread_names", {})] if "thread-name-prefix" in capabilities else []),
                  *([("base_class", {})] if "executor-base" in capabilities else [])])
    if "workers" in capabilities:
        found.append([("exit_waits", {})])
    if "pickling" in capabilities:
        found.append([("unpicklable", {})])
    if "initializer" in capabilities:
        found.append([("broken_by_initializer", {}), ("initializer_once", {})])
    if capabilities & {"max-tasks-per-child", "mp-context"}:  # process pools: once per run, each starts processes
        found.append([("worker_replaced", {}), ("start_methods", {})])
    if "worker-crash" in capabilities:
        found.extend([[("broken_by_crash", {})], [("crash_ends_workers", {})]])
    return found
