"""`combinators-module:DOTTED.NAME` — check a module's combinators with no code written: `gather(*aws,
return_exceptions=False)`, `shield(aw)`, `wait_for(aw, timeout)`, `wait(aws, timeout=None, return_when=...)`,
`timeout(delay)`, `timeout_at(when)`, the class `TaskGroup` (3.11+) and `as_completed(aws, timeout=None)` as asyncio
spells them. A module that provides only some of them is checked on those; asyncio's stand in for the rest, and the
adapter's name says which, with CPython's deviations in them declared (they are not the module's). Before Python
3.11, where asyncio has neither, a module providing `timeout` and `timeout_at` declares the capability `timeout`,
one providing `TaskGroup` declares `task-group` (a backport)."""

from ..adapter import user_module, AdapterError, CombinatorAdapter
from .asyncio_combinators import cpython_deviations

PROVIDING = {"timeout": ("timeout", "timeout_at"), "task-group": ("TaskGroup",)}  # capability: what the module needs

COMBINATORS = ("gather", "shield", "wait_for", "wait", "timeout", "timeout_at", "as_completed", "TaskGroup")
ABOUT = {"GATHER": "gather", "SHIELD": "shield", "WAITFOR": "wait_for", "WAIT": "wait", "TIMEOUT": "timeout",
         "ASCOMP": "as_completed", "TASKGROUP": "TaskGroup"}  # COMB-<family>-N: the combinator a clause is about


class ModuleCombinatorAdapter(CombinatorAdapter):
    def __init__(self, module, name):
        provided = [f for f in COMBINATORS if callable(getattr(module, f, None))]
        if not provided:
            raise AdapterError(f"module {module.__name__!r} provides none of {', '.join(COMBINATORS)}, which "
                               "combinators-module: checks")
        self.module = module
        self.borrowed = tuple(f for f in COMBINATORS if f not in provided)
        self.name = name + (f" (asyncio's {', '.join(self.borrowed)})" if self.borrowed else "")
        for function in provided:
            setattr(self, function, getattr(module, function))
        self.capabilities = self.capabilities | {capability for capability, needed in PROVIDING.items()
                                                 if set(needed) <= set(provided)}
        self.deviations = {cid: deviation for cid, deviation in cpython_deviations().items()
                           if ABOUT[cid.split("-")[1]] in self.borrowed}

    def describe(self):
        return {**super().describe(), "from_asyncio": list(self.borrowed)}


def load(dotted_name):
    module = user_module(dotted_name)
    return ModuleCombinatorAdapter(module, f"combinators-module:{dotted_name}")
