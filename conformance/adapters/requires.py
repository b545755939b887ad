"""Third-party backends are imported only when their adapter is chosen: `pip install futurespec` pulls in none of
them, `--list-adapters` names them all, and choosing one whose library is missing says, in one line, what to
install."""
import importlib

from ..adapter import AdapterError


def library(module, adapter, package=None, env=None):
    """Import `module` for the adapter named `adapter`, or raise an AdapterError naming the package to install."""
    package = package or module.partition(".")[0]
    try:
        return importlib.import_module(module)
    except ImportError as error:
        where = f", or run tox -e {env}" if env else ""
        raise AdapterError(f"the {adapter} adapter needs {package} ({type(error).__name__}: {error}): "
                           f"pip install {package}{where}") from None
