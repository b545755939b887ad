"""`asyncio` and `asyncio-py`: the standard library's two asyncio Futures, the C one and the pure-Python one."""
import asyncio
import asyncio.futures

from ..adapter import AsyncioAdapter, Deviation


class AsyncioAdapter_C(AsyncioAdapter):
    """asyncio.Future as the interpreter provides it: the C `_asyncio.Future` when the accelerator is built."""

    name = "asyncio"
    sources = ("asyncio.futures", "_asyncio")  # the C Future lives in _asyncio, which has no Python source

    def new_future(self, loop):
        return asyncio.Future(loop=loop)


class AsyncioAdapter_Py(AsyncioAdapter):
    """The pure-Python asyncio.futures._PyFuture, which CPython keeps alongside the C one."""

    name = "asyncio-py"
    sources = ("asyncio.futures",)
    deviations = {
        "AIO-SET-6": Deviation(
            "the pure-Python future does not type-check set_exception(): it stores a non-exception on 3.9 and "
            "raises AttributeError from 3.10 (a side effect of bpo-45924), where the C future raises TypeError",
            "https://bugs.python.org/issue45924"),
    }

    def new_future(self, loop):
        return asyncio.futures._PyFuture(loop=loop)
