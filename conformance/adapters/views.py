"""Executors seen through the contract: thin wrappers for executors whose API differs from concurrent.futures' in
its signature only. Each translates a call and adds no behaviour, so the verdict is still the executor's own."""


class WithoutCancelFutures:
    """An executor whose shutdown() has no cancel_futures parameter (loky's), seen through the contract's
    shutdown(wait, cancel_futures): the suite passes cancel_futures on every shutdown, the executor gets `wait`
    alone. Its adapter does not declare `cancel-futures`, so what cancel_futures=True asks for is not judged
    (EXEC-SHUTDOWN-3 is not applicable). Everything else is the executor's own."""

    def __init__(self, executor):
        self.executor = executor

    def __getattr__(self, name):
        return getattr(self.executor, name)

    def shutdown(self, wait=True, *, cancel_futures=False):
        return self.executor.shutdown(wait)

    def __enter__(self):
        entered = self.executor.__enter__()
        return self if entered is self.executor else entered

    def __exit__(self, *exc_info):
        return self.executor.__exit__(*exc_info)
