"""The layout promises: the code mirrors the spec (one package per chapter, one zoo folder per chapter), every
package is shipped, and every module is short enough to read in one sitting, with a docstring saying why it exists."""
import ast
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHAPTERS = {"future": "future.md", "executors": "executors.md", "aio": "asyncio.md", "task": "tasks.md",
            "bridge": "bridges.md", "combinators": "combinators.md"}  # a package of conformance/ -> its spec document
ENGINES = {"adapters", "matrix", "scheduling", "spec"}  # packages of conformance/ that are engine, not a chapter
MAX_LINES = 450
LONG_REASON = "Longer than"  # a module over MAX_LINES says why at its top: "Longer than 450 lines because …"
MODULES = sorted(p for folder in ("conformance", "reference") for p in (ROOT / folder).rglob("*.py"))


def test_one_package_and_one_zoo_folder_per_spec_chapter():
    documents = {p.name for p in (ROOT / "spec").glob("*.md")} - {"README.md", "adapters.md"}
    assert set(CHAPTERS.values()) == documents, "a spec chapter without a package in conformance/, or the reverse"
    for chapter in CHAPTERS:
        assert (ROOT / "conformance" / chapter / "__init__.py").is_file(), f"conformance/{chapter}/ is missing"
        assert (ROOT / "tests" / "faulty" / chapter / "__init__.py").is_file(), f"tests/faulty/{chapter}/ is missing"
    packages = {p.parent.name for p in (ROOT / "conformance").glob("*/__init__.py")}
    assert packages <= set(CHAPTERS) | ENGINES, f"neither chapter nor engine: {packages - set(CHAPTERS) - ENGINES}"


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is 3.11+")
def test_every_package_is_shipped():
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in ROOT.glob("conformance/**/__init__.py")}
    assert found | {"reference"} <= listed, f"packages missing from pyproject.toml: {sorted(found - listed)}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_module_says_why_and_is_readable_in_one_sitting(path):
    text = path.read_text(encoding="utf-8")
    docstring = ast.get_docstring(ast.parse(text)) or ""
    assert docstring or path.name in ("__init__.py", "__main__.py"), f"{path.name} has no docstring saying why"
    lines = len(text.splitlines())
    assert lines <= MAX_LINES or LONG_REASON in docstring, (
        f"{path.relative_to(ROOT)} has {lines} lines; split it, or say at its top why it is longer than {MAX_LINES}")
