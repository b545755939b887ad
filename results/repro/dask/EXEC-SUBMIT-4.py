"""EXEC-SUBMIT-4 with dask alone: submit(fn, *args, **kwargs) must pass every keyword argument to the call,
including ones named `fn` or `self`.

Client.submit(self, func, *args, key=None, workers=None, ..., pure=True, **kwargs) takes `self` (and its own
options: key, workers, resources, retries, priority, pure, ...) for itself: a call keyword named `self` is a
TypeError, and one named `key` or `workers` is silently taken as an option. ClientExecutor.submit(self, fn, *args,
**kwargs) does the same for `fn`. Exits 1 while any of them is not passed to the call."""
import sys

import distributed


def arguments(*args, **kwargs):
    return args, kwargs


if __name__ == "__main__":
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0")
    client = distributed.Client(cluster, set_as_default=False)
    wrong = 0
    for submit, keywords in ((client.submit, {"self": 3}), (client.submit, {"priority": 4}),
                             (client.get_executor(pure=False).submit, {"fn": 2})):
        try:
            got = submit(arguments, 1, **keywords).result(10)
        except TypeError as error:
            got = error
        print(f"{submit.__qualname__}(arguments, 1, **{keywords}) ->", repr(got))
        wrong += got != ((1,), keywords)
    client.close()
    cluster.close()
    sys.exit(1 if wrong else 0)
