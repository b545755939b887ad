"""Which checks judge each clause: every place in the suite's code that names a clause ID, as `module:Class.method`
(or `module:NAME` for a table at module level such as a transition table).

Found by reading the suite's own source, so it cannot drift from the code: `--list-clauses` and `--json` print it,
and one grep for a clause ID then reaches its text in spec/, its checks here, its faulty implementations in
tests/faulty/ and, in result files, every implementation's verdict."""
import ast
import functools
import pathlib
import re
import threading
from typing import Dict, Tuple

CLAUSE_ID = re.compile(r"^(?:CORE|CF|EXEC|WAIT|ASCOMP|AIO|TASK|BRIDGE|COMB)-[A-Z]+-\d+$")
PACKAGE = pathlib.Path(__file__).resolve().parent
CHAPTERS = ("future", "executors", "aio", "task", "bridge", "combinators")  # the chapters' packages (and the engine)
ENGINE = ("judging.py", "runner.py")  # engine modules that judge clauses shared by every machine


_reading = threading.Lock()  # one reading at a time: the CLI starts one in a thread while the run goes on (--json)


def checked_by() -> Dict[str, Tuple[str, ...]]:
    """Clause ID -> the checks naming it, sorted, each once. Read once per process (a third of a second), a caller
    meanwhile waiting for that reading rather than making another."""
    with _reading:
        return _read()


@functools.lru_cache(maxsize=None)
def _read():
    found = {}
    for path in _sources():
        module = ".".join(("conformance",) + path.relative_to(PACKAGE).with_suffix("").parts)
        for where, cid in _citations(ast.parse(path.read_text(encoding="utf-8"))):
            found.setdefault(cid, set()).add(f"{module}:{where}")
    return {cid: tuple(sorted(places)) for cid, places in found.items()}


def _sources():
    for chapter in CHAPTERS:
        yield from sorted((PACKAGE / chapter).glob("*.py"))
    for name in ENGINE:
        yield PACKAGE / name


def _citations(tree):
    """(qualified name of the enclosing function or module-level assignment, clause ID) for each string constant
    that is a clause ID."""
    def visit(node, scope):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                yield from visit(child, scope + (child.name,))
            elif isinstance(child, (ast.Assign, ast.AnnAssign)) and not scope:
                targets = child.targets if isinstance(child, ast.Assign) else [child.target]
                names = [t.id for t in targets if isinstance(t, ast.Name)]
                yield from visit(child, (names[0],) if names else scope)
            elif isinstance(child, ast.Constant) and isinstance(child.value, str) and CLAUSE_ID.match(child.value):
                if scope:
                    yield ".".join(scope), child.value
            else:
                yield from visit(child, scope)

    yield from visit(tree, ())
