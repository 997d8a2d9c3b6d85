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

Only the package's own modules are compiled, never its ``__init__`` (which makes the choice).
Besides the standard library the package imports only :mod:`shared.segmenter` (jieba's words
for title breaks), which is not compiled: the compiled code calls it as Python, so an edit
there needs no new build (the build type-checks the package alone, taking what it imports from
outside as untyped; ``mypy --strict`` over the project checks that boundary). The digest
covers the build script too, so a change to how builds are made never loads an older one.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib
import logging
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator, MutableSequence
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE = "shared.parsing"
PACKAGE_DIR = Path(__file__).resolve().parent / "parsing"
BUILDS_DIR = Path(sys.prefix) / "baokan-compiled"
PURE_PYTHON_VARIABLE = "BAOKAN_PURE_PYTHON"
EXTENSION_SUFFIX = str(sysconfig.get_config_var("EXT_SUFFIX"))

# Run by build() in a child process, in a folder holding a copy of the sources: mypycify the
# modules given into one extension library named for the package (each module's own small
# extension loads its part of it), built into the staging folder.
_BUILD_SCRIPT = """
import sys
from mypyc.build import mypycify
from setuptools import setup

scratch, staging, jobs, group, *modules = sys.argv[1:]
setup(
    name="baokan-compiled-parser",
    ext_modules=mypycify(
        ["--ignore-missing-imports", *modules],
        opt_level="3", target_dir=scratch + "/c", group_name=group,
    ),
    script_args=[
        "--quiet", "build_ext", "--build-lib", staging, "--build-temp", scratch + "/t",
        "--parallel", jobs,
    ],
)
"""


def compiled_modules(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The package's source files that are compiled: all but ``__init__``."""
    return sorted(path for path in _sources(package_dir) if path.name != "__init__.py")


def _sources(package_dir: Path) -> list[Path]:
    """The package's modules (not an editor's hidden files, ``.#page.py`` lock links)."""
    return [path for path in package_dir.glob("*.py") if not path.name.startswith(".")]


def sources_digest(package_dir: Path = PACKAGE_DIR) -> str:
    """A digest of every source file of the package and of how and for what it is built (the
    build script, the interpreter's extension suffix): the name of its build's folder."""
    digest = hashlib.sha256(EXTENSION_SUFFIX.encode() + _BUILD_SCRIPT.encode())
    for path in sorted(_sources(package_dir)):
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:24]


def build_dir(package_dir: Path = PACKAGE_DIR, builds_dir: Path = BUILDS_DIR) -> Path:
    """Where the build of the package's current sources is (or would be)."""
    return builds_dir / sources_digest(package_dir)


def _group(package: str) -> str:
    return package.replace(".", "_")


def use_compiled(
    package_path: MutableSequence[str],
    package_dir: Path = PACKAGE_DIR,
    builds_dir: Path = BUILDS_DIR,
    package: str = PACKAGE,
) -> bool:
    """Load the package's modules from the build of its current sources, if there is one.

    ``package_path`` is the package's ``__path__``: the build's module folder goes first in
    it, and the build's root on ``sys.path`` for the library the modules load. True when the
    compiled modules will be used: the build holds every module and its library loads. A
    build that cannot be read or loaded is passed over (and logged): the sources run.
    """
    if os.environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0"):
        return False
    try:
        root = build_dir(package_dir, builds_dir)
        modules = root.joinpath(*package.split("."))
        if not modules.is_dir():
            return False
        built = {path.name.split(".")[0] for path in modules.glob(f"*{EXTENSION_SUFFIX}")}
        missing = {path.stem for path in compiled_modules(package_dir)} - built
    except OSError as exc:
        log.warning("the compiled parser cannot be read (%s); parsing from the sources", exc)
        return False
    if missing:
        log.warning("the compiled parser at %s lacks %s; parsing from the sources", root, missing)
        return False
    added = str(root) not in sys.path
    if added:
        sys.path.append(str(root))
    try:
        importlib.import_module(f"{_group(package)}__mypyc")
    except ImportError as exc:
        if added:
            sys.path.remove(str(root))
        log.warning("the compiled parser does not load (%s); parsing from the sources", exc)
        return False
    if str(modules) not in package_path:
        package_path.insert(0, str(modules))
    with contextlib.suppress(OSError):  # builds are kept by last use (_remove_old_builds)
        os.utime(root)
    return True


def build_loads(package: str = PACKAGE) -> bool:
    """Whether a fresh process loads the package compiled (its build exists and loads)."""
    environment = {k: v for k, v in os.environ.items() if k != PURE_PYTHON_VARIABLE}
    check = f"import {package} as p; raise SystemExit(0 if p.COMPILED else 1)"
    return subprocess.run([sys.executable, "-c", check], env=environment).returncode == 0


def is_compiled(module_file: str | None) -> bool:
    """Whether a module (by its ``__file__``) was loaded from a compiled build."""
    return module_file is not None and module_file.endswith(EXTENSION_SUFFIX)


class CompileError(RuntimeError):
    """mypyc or the C compiler failed; the message holds their output's end."""


def build(
    package_dir: Path = PACKAGE_DIR,
    builds_dir: Path = BUILDS_DIR,
    package: str = PACKAGE,
    *,
    jobs: int = 2,
    again: bool = False,
) -> Path:
    """Compile the package's sources, unless their build exists; its folder.

    What is compiled is a copy of the sources taken first, and the build is filed under that
    copy's digest: an edit made while the compiler runs is not in a build named for other
    sources. mypyc runs in a child process in the copy's folder (module names are found from
    there). The build is made in a temporary folder beside the builds and renamed into place
    whole, so a process starting meanwhile sees either no build or a complete one. Builders
    take turns (a lock file): a second one waiting finds the first's build and is done.
    ``again``: a build of these sources that exists is removed and made anew (one that does
    not load, say).
    """
    builds_dir.mkdir(parents=True, exist_ok=True)
    with _builders_lock(builds_dir), tempfile.TemporaryDirectory(
        dir=builds_dir, prefix=".building-"
    ) as scratch:
        snapshot = Path(scratch) / "snapshot"
        shutil.copytree(package_dir, snapshot, ignore=shutil.ignore_patterns("__pycache__"))
        target = builds_dir / sources_digest(snapshot)
        if target.is_dir():
            if not again:
                return target
            shutil.rmtree(target)
        source_root = Path(scratch) / "src"
        copy = source_root.joinpath(*package.split("."))
        copy.mkdir(parents=True)
        for depth in range(len(package.split("."))):  # the packages, without what they import
            source_root.joinpath(*package.split(".")[: depth + 1], "__init__.py").touch()
        modules = []
        for path in compiled_modules(snapshot):
            shutil.copy2(path, copy / path.name)
            modules.append(str((copy / path.name).relative_to(source_root)))
        staging = Path(scratch) / "lib"
        arguments = [scratch, str(staging), str(jobs), _group(package), *modules]
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


@contextlib.contextmanager
def _builders_lock(builds_dir: Path) -> Iterator[None]:
    with (builds_dir / ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# Builds kept, the last used first, so that switching between branches needs no new build; and
# no build (or a killed builder's leftovers) younger than this is removed, as a process that
# has just chosen it may not have loaded it yet.
KEPT_BUILDS = 3
KEPT_SECONDS = 3600.0


def _remove_old_builds(builds_dir: Path, keep: int) -> None:
    """Remove all but the ``keep`` last used builds unused for :data:`KEPT_SECONDS`, and the
    folders of builders killed over that long ago (a process that loaded a build keeps its
    files open, so removing it under a running worker is harmless)."""
    now = time.time()
    ages: list[tuple[float, Path]] = []
    for path in builds_dir.iterdir():
        with contextlib.suppress(OSError):
            if path.is_dir():
                ages.append((now - path.stat().st_mtime, path))
    ages.sort()
    builds = [(age, path) for age, path in ages if not path.name.startswith(".")]
    leftovers = [(age, path) for age, path in ages if path.name.startswith(".building-")]
    for age, path in builds[keep:] + leftovers:
        if age > KEPT_SECONDS:
            shutil.rmtree(path, ignore_errors=True)
