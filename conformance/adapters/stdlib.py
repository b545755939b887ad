"""The `stdlib` adapter: the running interpreter's concurrent.futures.Future."""
import concurrent.futures

from .cf_module import ModuleAdapter


def load():
    return ModuleAdapter(concurrent.futures, "stdlib")
