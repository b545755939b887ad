"""futurespec's conformance suite: check any Future implementation against the written spec in spec/.

Run it with `python -m conformance --adapter SPEC`; write an adapter by subclassing Adapter.

The public names are imported when first used (PEP 562), so that `python -m conformance` can start its spare child
(spare.py) before the suite and Hypothesis are imported.
"""
__version__ = "0.1.0"

__all__ = ["Adapter", "AsyncioAdapter", "BridgeAdapter", "CombinatorAdapter", "Deviation", "TaskAdapter",
           "__version__"]


def __getattr__(name):
    if name in __all__:
        from . import adapter

        return getattr(adapter, name)
    raise AttributeError(f"module 'conformance' has no attribute {name!r}")
