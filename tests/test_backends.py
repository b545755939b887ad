"""The third-party backends' adapters (loky, futurist, pebble): listed by name, imported only when chosen, and, when
their library is missing, refused with exit status 2 and one line naming the package to install. Each case runs in
a subprocess, with the library hidden (a package of its name that fails to import is put first on PYTHONPATH, so
that the supervised child the run starts cannot find the real one either) or merely not imported."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = {"loky": "loky", "loky-process": "loky", "futurist-thread": "futurist", "futurist-process": "futurist",
            "futurist-sync": "futurist", "pebble-thread": "pebble", "pebble-process": "pebble"}


def _python(code, hidden=None):
    env = dict(os.environ)
    if hidden is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hidden), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env=env)


def _hide(package, folder):
    """A folder whose `package` fails to import as a missing one does; put first on the path, it hides the real."""
    (folder / package).mkdir()
    (folder / package / "__init__.py").write_text(
        f"raise ModuleNotFoundError({f'No module named {package!r}'!r}, name={package!r})\n")
    return folder


def test_every_backend_is_listed():
    listed = _python("from conformance.cli import main; main(['--list-adapters'])").stdout.split()
    assert set(BACKENDS) <= set(listed)


def test_no_backend_library_is_imported_until_chosen():
    found = _python("import sys; from conformance import cli, loading; loading.available(); "
                    "print(sorted(m for m in ('loky', 'futurist', 'pebble') if m in sys.modules))")
    assert found.stdout.strip() == "[]", found.stderr


def test_no_backend_library_is_a_dependency():
    pyproject = (ROOT / "pyproject.toml").read_text()
    dependencies = pyproject.split("dependencies = [", 1)[1].split("]", 1)[0]
    assert not any(package in dependencies for package in set(BACKENDS.values()))


@pytest.mark.parametrize("adapter, package", sorted(BACKENDS.items()))
def test_a_missing_library_is_one_line_and_exit_2(adapter, package, tmp_path):
    done = _python(f"import sys; from conformance.cli import main; sys.exit(main(['--adapter', {adapter!r}]))",
                   hidden=_hide(package, tmp_path))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and f"pip install {package}" in lines[0] and adapter in lines[0], done.stderr
    assert done.stdout == ""
