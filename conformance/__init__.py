"""futurespec's conformance suite: check any Future implementation against the written spec in spec/.

Run it with `python -m conformance --adapter SPEC`; write an adapter by subclassing Adapter.
"""
__version__ = "0.1.0"

from .adapter import (Adapter, AsyncioAdapter, BridgeAdapter, CombinatorAdapter,  # noqa: E402  (the public API)
                      Deviation, TaskAdapter)

__all__ = ["Adapter", "AsyncioAdapter", "BridgeAdapter", "CombinatorAdapter", "Deviation", "TaskAdapter", "__version__"]
