"""`--coverage`: which lines and branches of the implementation's own modules a run reached.

A verdict says what the suite found; it does not say what the suite never exercised. With `--coverage` the run is
measured (the `coverage` package, branch mode, an optional extra: `pip install futurespec[coverage]`) over the
implementation's modules only — `Adapter.sources`, else a default derived from the scheme — and a summary printed
after the report names the unreached lines and branches. A source that cannot be measured (a C extension such as
`_asyncio`) is said, not hidden. The modules are imported before measuring begins (loading the adapter imports
them), so the lines run at import time (module and class bodies) are not judged. The measurement is taken where the
implementation runs: in the child of an isolated run (the child that completed it), or in this process with
--in-process; executor worker processes (process pools) are not measured.
"""
import ast
import contextlib
import importlib
import sys

from .adapter import AdapterError

STDLIB_CF = ("concurrent.futures._base", "concurrent.futures.thread", "concurrent.futures.process")


def require():
    """Fail with one line (exit 2) when the coverage package is missing."""
    try:
        import coverage  # noqa: F401
    except ImportError:
        raise AdapterError("--coverage needs the coverage package: pip install futurespec[coverage]") from None


def sources_of(adapter):
    """The module names whose coverage is measured: the adapter's own list, else the scheme's default."""
    if getattr(adapter, "sources", ()):
        return tuple(adapter.sources)
    module = getattr(adapter, "module", None)
    if module is not None:  # cf-module:, and the standard library's adapters built on it
        return STDLIB_CF if module.__name__ == "concurrent.futures" else (module.__name__,)
    for attribute in ("future_class", "task_class"):  # aio-class:, task-class:
        cls = getattr(adapter, attribute, None)
        if cls is not None:
            return (cls.__module__,)
    return ()


def _files(names):
    """{module name: its .py file, or None with the reason it has none}."""
    files = {}
    for name in names:
        try:
            module = sys.modules.get(name) or importlib.import_module(name)
        except ImportError as error:
            files[name] = (None, f"cannot be imported ({error})")
            continue
        path = getattr(module, "__file__", None)
        if path and path.endswith(".py"):
            files[name] = (path, "")
        else:
            files[name] = (None, "has no Python source: it is a C extension or built into the interpreter, "
                                 "so it is not measured")
    return files


@contextlib.contextmanager
def measured(adapter):
    """Measure the block; then `.summary` (on the yielded object) holds the text to print after the report."""
    import coverage

    result = Measurement(_files(sources_of(adapter)))
    paths = [path for path, _ in result.files.values() if path]
    cov = coverage.Coverage(branch=True, data_file=None, include=paths or ["/nothing-to-measure"], config_file=False)
    cov.set_option("run:disable_warnings", ["no-data-collected", "module-not-measured", "module-not-imported"])
    cov.start()
    try:
        yield result
    finally:
        cov.stop()
        result.summary = result.summarize(cov)


class Measurement:
    def __init__(self, files):
        self.files = files
        self.summary = ""

    def summarize(self, cov):
        lines = ["COVERAGE of the implementation's modules (branch mode; lines run at import time are not judged; "
                 "executor worker processes are not measured)"]
        if not self.files:
            lines.append("  the adapter names no modules to measure: set Adapter.sources")
        for name, (path, why) in self.files.items():
            if path is None:
                lines.append(f"  {name}: {why}")
                continue
            lines.extend(_file_summary(cov, name, path))
        return "\n".join(lines)


def _import_time_lines(path):
    """Lines outside every function body: they ran when the module was imported."""
    with open(path, encoding="utf-8") as source:
        tree = ast.parse(source.read())
    in_functions = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            body = node.body if isinstance(node.body, list) else [node.body]
            in_functions.update(range(body[0].lineno, node.end_lineno + 1))
    return lambda line: line not in in_functions


def gaps(cov, path):
    """(unreached lines, unreached branches as (line, target) pairs) of the file `path` that `cov` measured, the lines
    run at import time left out."""
    analysis = cov._analyze(path)  # the public analysis2() has no branches
    at_import = _import_time_lines(path)
    missing = sorted(n for n in analysis.missing if not at_import(n))
    unreached = sorted((a, b) for a, targets in analysis.missing_branch_arcs().items() if not at_import(a)
                       for b in targets)
    return missing, unreached


def _file_summary(cov, name, path):
    analysis = cov._analyze(path)
    at_import = _import_time_lines(path)
    statements = [n for n in analysis.statements if not at_import(n)]
    missing, unreached = gaps(cov, path)
    reached = len(statements) - len(missing)
    text = f"  {name} ({path}): {reached}/{len(statements)} lines reached"
    stats = [counts for line, counts in analysis.branch_stats().items() if not at_import(line)]
    if stats:
        text += f", {sum(taken for _, taken in stats)}/{sum(exits for exits, _ in stats)} branches"
    out = [text]
    if missing:
        out.append(f"    unreached lines: {_ranges(missing)}")
    if unreached:
        shown = ", ".join(f"{a}->{b if b > 0 else 'exit'}" for a, b in unreached[:40])
        out.append(f"    unreached branches: {shown}{' …' if len(unreached) > 40 else ''}")
    return out


def _ranges(numbers):
    runs, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            runs.append(str(start) if start == n else f"{start}-{n}")
            start = None
    return ", ".join(runs)
