"""Which version of an implementation a run checked, so a result file says what was measured.

An adapter may say (`Adapter.version`); most need not. By default the implementation is found where the adapter
keeps it — a module or class it holds (cf-module:, aio-class:, uvloop's module), else the adapter's own module and
what that module imports — and its version is the version of the distribution it comes from. Code of this project
(the reference, beside conformance/) has futurespec's version; an implementation made only of the standard library
has the Python version.
"""
import os
import platform
import sys
import sysconfig
import types
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import __version__

_PROJECT = Path(__file__).resolve().parent.parent  # the folder holding conformance/ and reference/
UNKNOWN = "unknown"


def implementation_version(adapter) -> str:
    """The version of what `adapter` checks (see the module's docstring)."""
    for top in _implementation_packages(adapter):
        if top != "conformance" and not _is_stdlib(top):
            return _version_of(top)
    return platform.python_version()


def _implementation_packages(adapter):
    """Top-level package names where the implementation may live, most telling first."""
    held = list(vars(adapter).values()) if hasattr(adapter, "__dict__") else []
    module = sys.modules.get(type(adapter).__module__)
    imported = [v for k, v in vars(module).items() if not k.startswith(("__", "@"))] if module else []  # @: pytest's
    for value in [*held, type(adapter), *imported]:
        name = value.__name__ if isinstance(value, types.ModuleType) else \
            getattr(value, "__module__", None) if isinstance(value, (type, types.FunctionType)) else None
        if name:
            yield name.partition(".")[0]


def _is_stdlib(top) -> bool:
    names = getattr(sys, "stdlib_module_names", None)  # Python 3.10+
    if names is not None:
        return top in names or top == "__main__"
    file = getattr(sys.modules.get(top), "__file__", None)
    if file is None:
        return top in sys.builtin_module_names or top == "__main__"
    path = Path(file).resolve()
    return "site-packages" not in path.parts and str(path).startswith(str(Path(sysconfig.get_paths()["stdlib"])))


def _version_of(top) -> str:
    file = getattr(sys.modules.get(top), "__file__", None)
    path = Path(file).resolve() if file else None
    if path and (_PROJECT / "pyproject.toml").is_file() and path.is_relative_to(_PROJECT) \
            and "site-packages" not in path.parts:  # a tox env's (.tox/ is inside the checkout) is installed
        return __version__  # this project's own source tree (a checkout, not installed)
    name = _distributions().get(top)
    if name:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return UNKNOWN


@lru_cache(maxsize=None)
def _distributions():
    """Top-level package name -> the distribution providing it (importlib.metadata.packages_distributions, which
    Python 3.9 lacks)."""
    found = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        tops = (dist.read_text("top_level.txt") or "").split()
        tops += [f.parts[0] if len(f.parts) > 1 else os.path.splitext(f.parts[0])[0] for f in dist.files or ()
                 if f.parts and not f.parts[0].endswith((".dist-info", ".egg-info", ".pth")) and f.parts[0] != ".."]
        for top in tops:
            found.setdefault(top, name)
    return found
