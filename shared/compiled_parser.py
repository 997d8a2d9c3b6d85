"""The parser compiled to C with mypyc, used only while it is a build of the sources as they are.

Parsing is pure Python and, after jieba, the pipeline's largest cost (about 8 ms of a 16 KB
page's 19 ms in-process, the profile flat over dozens of modules). mypyc compiles the typed
modules of :mod:`shared.parsing` into one extension library; the output is identical and
parsing takes about 0.6 of the time.

A compiled module beside its source would shadow it: an edit to the ``.py`` file would do
nothing until the next build. So a build goes to its own folder, named by a digest of every
source file of the package (and the interpreter's extension suffix), under the interpreter's
prefix (``.venv/baokan-compiled/<digest>`` in a checkout): :func:`use_compiled`, called by the
package before it imports anything, puts that folder first in the package's search path only
when it exists for exactly these sources. Any edit changes the digest, and the package runs
from its sources again until ``baokan compile`` builds it anew. ``BAOKAN_PURE_PYTHON=1``
keeps a process on the sources whatever is built.

Only the package's own modules are compiled, never its ``__init__`` (which makes the choice),
and it imports nothing but the standard library, so nothing outside it goes stale.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import MutableSequence
from pathlib import Path

PACKAGE = "shared.parsing"
PACKAGE_DIR = Path(__file__).resolve().parent / "parsing"
BUILDS_DIR = Path(sys.prefix) / "baokan-compiled"
PURE_PYTHON_VARIABLE = "BAOKAN_PURE_PYTHON"


def compiled_modules(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The package's source files that are compiled: all but ``__init__``."""
    return sorted(path for path in package_dir.glob("*.py") if path.name != "__init__.py")


def sources_digest(package_dir: Path = PACKAGE_DIR) -> str:
    """A digest of every source file of the package, and of what the build is for (the
    interpreter's extension suffix): the name of the folder its build goes to."""
    digest = hashlib.sha256(str(sysconfig.get_config_var("EXT_SUFFIX")).encode())
    for path in sorted(package_dir.glob("*.py")):
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:24]


def build_dir(package_dir: Path = PACKAGE_DIR, builds_dir: Path = BUILDS_DIR) -> Path:
    """Where the build of the package's current sources is (or would be)."""
    return builds_dir / sources_digest(package_dir)


def use_compiled(
    package_path: MutableSequence[str],
    package_dir: Path = PACKAGE_DIR,
    builds_dir: Path = BUILDS_DIR,
    package: str = PACKAGE,
) -> bool:
    """Load the package's modules from the build of its current sources, if there is one.

    ``package_path`` is the package's ``__path__``: the build's module folder goes first in
    it, and the build's root on ``sys.path`` for the library the modules load. True when the
    compiled modules will be used.
    """
    if os.environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0"):
        return False
    root = build_dir(package_dir, builds_dir)
    modules = root.joinpath(*package.split("."))
    if not modules.is_dir():
        return False
    if str(root) not in sys.path:
        sys.path.append(str(root))
    if str(modules) not in package_path:
        package_path.insert(0, str(modules))
    return True


def is_compiled(module_file: str | None) -> bool:
    """Whether a module (by its ``__file__``) was loaded from a compiled build."""
    return module_file is not None and module_file.endswith(
        str(sysconfig.get_config_var("EXT_SUFFIX"))
    )


class CompileError(RuntimeError):
    """mypyc or the C compiler failed; the message holds their output's end."""


def build(
    package_dir: Path = PACKAGE_DIR,
    builds_dir: Path = BUILDS_DIR,
    package: str = PACKAGE,
    *,
    jobs: int = 2,
) -> Path:
    """Compile the package's current sources, unless their build exists; its folder.

    mypyc runs in a child process from the folder holding the top-level package (module
    names are found from there, and mypy reads its settings there). The build is made in a
    temporary folder beside the builds and renamed into place whole, so a process starting
    meanwhile sees either no build or a complete one; only the newest builds are kept.
    """
    target = build_dir(package_dir, builds_dir)
    if target.is_dir():
        return target
    builds_dir.mkdir(parents=True, exist_ok=True)
    source_root = package_dir.parents[len(package.split(".")) - 1]
    with tempfile.TemporaryDirectory(dir=builds_dir, prefix=".building-") as scratch:
        staging = Path(scratch) / "lib"
        modules = [str(path.relative_to(source_root)) for path in compiled_modules(package_dir)]
        # One extension library holds every module (each module's own small extension loads
        # its part of it), named for the package.
        group = package.replace(".", "_")
        arguments = [scratch, str(staging), str(jobs), group, *modules]
        finished = subprocess.run(
            [sys.executable, "-c", _BUILD_SCRIPT, *arguments],
            cwd=source_root,
            capture_output=True,
            text=True,
        )
        if finished.returncode != 0:
            output = (finished.stdout + finished.stderr).strip().splitlines()
            raise CompileError("\n".join(output[-30:]))
        os.replace(staging, target)
    _remove_old_builds(builds_dir, keep=KEPT_BUILDS)
    return target


# Builds kept, the newest first: switching between two branches needs no new build.
KEPT_BUILDS = 3


def _remove_old_builds(builds_dir: Path, keep: int) -> None:
    """Remove all but the ``keep`` newest builds (a process that loaded one keeps its files
    open, so removing it under a running worker is harmless)."""
    builds = sorted(
        (path for path in builds_dir.iterdir() if not path.name.startswith(".")),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in builds[keep:]:
        shutil.rmtree(old, ignore_errors=True)


# Run by build() in a child process: mypycify the modules given, build the extensions into
# the staging folder (never beside the sources).
_BUILD_SCRIPT = """
import sys
from mypyc.build import mypycify
from setuptools import setup

scratch, staging, jobs, group, *modules = sys.argv[1:]
setup(
    name="baokan-compiled-parser",
    ext_modules=mypycify(modules, opt_level="3", target_dir=scratch + "/c", group_name=group),
    script_args=[
        "--quiet", "build_ext", "--build-lib", staging, "--build-temp", scratch + "/t",
        "--parallel", jobs,
    ],
)
"""
