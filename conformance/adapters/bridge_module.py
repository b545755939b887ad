"""`bridge-module:DOTTED.NAME` — check a module's bridge functions between asyncio and concurrent.futures, with no
code written: `wrap_future(cf_future, *, loop)`, `run_coroutine_threadsafe(coro, loop)` and
`run_in_executor(loop, executor, fn, *args)` (a function, where asyncio has a loop method). A module that ships its
own event loop exposes `new_event_loop()` too: the suite then runs the bridges on that loop, and a pure-Python
selector loop defined in the module is raced under the controlled scheduler with the bridges (bridge/races.py)."""

from ..adapter import user_module, AdapterError, BridgeAdapter

FUNCTIONS = ("wrap_future", "run_coroutine_threadsafe", "run_in_executor")


class ModuleBridgeAdapter(BridgeAdapter):
    def __init__(self, module, name):
        missing = [f for f in FUNCTIONS if not callable(getattr(module, f, None))]
        if missing:
            raise AdapterError(f"module {module.__name__!r} lacks {', '.join(missing)}, which bridge-module: needs")
        self.module = module
        self.name = name
        if callable(getattr(module, "new_event_loop", None)):
            self.loop_module = module.__name__  # its loop's own code is the implementation's: raced and traced

    def new_loop(self):
        make = getattr(self.module, "new_event_loop", None)
        return make() if callable(make) else super().new_loop()

    def wrap_future(self, cf_future, loop):
        return self.module.wrap_future(cf_future, loop=loop)

    def run_coroutine_threadsafe(self, coro, loop):
        return self.module.run_coroutine_threadsafe(coro, loop)

    def run_in_executor(self, loop, executor, fn, *args):
        return self.module.run_in_executor(loop, executor, fn, *args)


def load(dotted_name):
    module = user_module(dotted_name)
    return ModuleBridgeAdapter(module, f"bridge-module:{dotted_name}")
