"""The compiled parser: used only while it is a build of the sources as they are, and it parses
exactly as the sources do."""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import shared.parsing
from shared import compiled_parser
from shared.parsing import explain_text, parse_text
from tests.support.env import need_compiled_parser
from tests.support.page_simulator import PageSimulator, load_sample_articles

REPO = Path(__file__).resolve().parents[2]
# Pages as pdftotext extracts them (plain, -layout), kept for the parser's tests.
EXTRACTED = sorted((REPO / "tests/fixtures/extracted").glob("**/*.txt"))


def _package(root: Path, name: str, modules: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("", encoding="utf-8")
    for module, source in modules.items():
        (folder / f"{module}.py").write_text(source, encoding="utf-8")
    return folder


def test_builds_are_kept_by_last_use_and_none_younger_than_an_hour_goes(tmp_path: Path) -> None:
    now = time.time()
    ages = {"fresh": 60.0, "used-yesterday": 86_400.0, "older": 2 * 86_400.0, "oldest": 3e5}
    for name, age in {**ages, ".building-killed": 7_200.0, ".building-now": 10.0}.items():
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (now - age, now - age))
    compiled_parser._remove_old_builds(tmp_path, keep=2)
    left = sorted(path.name for path in tmp_path.iterdir())
    assert left == [".building-now", "fresh", "used-yesterday"]
    # the newest beyond the kept count stays while it is younger than an hour
    (tmp_path / "another").mkdir()
    compiled_parser._remove_old_builds(tmp_path, keep=1)
    assert sorted(path.name for path in tmp_path.iterdir()) == [".building-now", "another", "fresh"]


def test_an_editors_hidden_files_are_no_sources(tmp_path: Path) -> None:
    package = _package(tmp_path, "pkg", {"page": "X = 1\n"})
    before = compiled_parser.sources_digest(package)
    (package / ".#page.py").symlink_to(tmp_path / "nowhere")  # an editor's lock link
    assert compiled_parser.sources_digest(package) == before
    assert [path.name for path in compiled_parser.compiled_modules(package)] == ["page.py"]


def test_digest_changes_with_any_source_and_only_with_them(tmp_path: Path) -> None:
    one = _package(tmp_path / "one", "pkg", {"a": "A = 1\n", "b": "B = 2\n"})
    two = _package(tmp_path / "two", "pkg", {"a": "A = 1\n", "b": "B = 2\n"})
    assert compiled_parser.sources_digest(one) == compiled_parser.sources_digest(two)

    before = compiled_parser.sources_digest(one)
    (one / "b.py").write_text("B = 3\n", encoding="utf-8")
    edited = compiled_parser.sources_digest(one)
    (one / "c.py").write_text("", encoding="utf-8")
    added = compiled_parser.sources_digest(one)
    assert len({before, edited, added}) == 3


def _fake_build(sources: Path, builds: Path, modules: list[str], library: str) -> Path:
    """A build's shape without a compiler: a module file per compiled module and a library
    (here a Python module) under the group's name; ``library`` is its source."""
    root = compiled_parser.build_dir(sources, builds)
    built = root / "pkg"
    built.mkdir(parents=True)
    for module in modules:
        (built / f"{module}{compiled_parser.EXTENSION_SUFFIX}").write_bytes(b"")
    (root / "pkg__mypyc.py").write_text(library, encoding="utf-8")
    return built


@pytest.fixture
def clean_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(compiled_parser.PURE_PYTHON_VARIABLE, raising=False)
    monkeypatch.setattr(sys, "path", list(sys.path))  # use_compiled adds the build's root
    monkeypatch.delitem(sys.modules, "pkg__mypyc", raising=False)


@pytest.mark.usefixtures("clean_imports")
def test_a_build_of_these_sources_goes_first_in_the_package_path(tmp_path: Path) -> None:
    sources = _package(tmp_path / "src", "pkg", {"mod": "WHERE = 'sources'\n"})
    builds = tmp_path / "builds"
    path = [str(sources)]
    assert not compiled_parser.use_compiled(path, sources, builds, package="pkg")
    assert path == [str(sources)]

    built = _fake_build(sources, builds, ["mod"], "")
    assert compiled_parser.use_compiled(path, sources, builds, package="pkg")
    assert path == [str(built), str(sources)]
    assert str(built.parent) in sys.path

    # An edit to the sources: the build is no longer theirs, and is not used.
    (sources / "mod.py").write_text("WHERE = 'edited sources'\n", encoding="utf-8")
    assert not compiled_parser.use_compiled([str(sources)], sources, builds, package="pkg")


@pytest.mark.usefixtures("clean_imports")
def test_an_incomplete_build_is_passed_over(tmp_path: Path) -> None:
    sources = _package(tmp_path / "src", "pkg", {"one": "", "two": ""})
    builds = tmp_path / "builds"
    _fake_build(sources, builds, ["one"], "")
    path = [str(sources)]
    assert not compiled_parser.use_compiled(path, sources, builds, package="pkg")
    assert path == [str(sources)]


@pytest.mark.usefixtures("clean_imports")
def test_a_build_whose_library_does_not_load_is_passed_over(tmp_path: Path) -> None:
    sources = _package(tmp_path / "src", "pkg", {"mod": ""})
    builds = tmp_path / "builds"
    built = _fake_build(sources, builds, ["mod"], "raise ImportError('undefined symbol')\n")
    path = [str(sources)]
    assert not compiled_parser.use_compiled(path, sources, builds, package="pkg")
    assert path == [str(sources)]
    assert str(built.parent) not in sys.path


def test_pure_python_can_be_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _package(tmp_path / "src", "pkg", {"mod": ""})
    builds = tmp_path / "builds"
    _fake_build(sources, builds, ["mod"], "")
    monkeypatch.setenv(compiled_parser.PURE_PYTHON_VARIABLE, "1")
    assert not compiled_parser.use_compiled([str(sources)], sources, builds, package="pkg")


@pytest.mark.slow
def test_build_compiles_a_package_that_then_loads_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(compiled_parser.PURE_PYTHON_VARIABLE, raising=False)
    sources = _package(
        tmp_path / "src",
        "tinypkg",
        {"words": "def joined(parts: list[str]) -> str:\n    return ''.join(parts)\n"},
    )
    builds = tmp_path / "builds"
    with ThreadPoolExecutor(2) as builders:  # two at once: they take turns, one builds
        done = list(builders.map(
            lambda _: compiled_parser.build(sources, builds, package="tinypkg", jobs=1), [1, 2]
        ))
    target = compiled_parser.build_dir(sources, builds)
    assert done == [target, target]
    assert [path.name for path in builds.iterdir() if not path.name.startswith(".")] == [
        target.name
    ]

    monkeypatch.setattr(sys, "path", [str(sources.parent), *sys.path])
    package = importlib.import_module("tinypkg")
    try:
        assert compiled_parser.use_compiled(package.__path__, sources, builds, package="tinypkg")
        words = importlib.import_module("tinypkg.words")
        assert compiled_parser.is_compiled(words.__file__)
        assert words.joined(["报", "刊"]) == "报刊"
        with pytest.raises(TypeError):  # compiled code checks the declared types
            words.joined([1])
    finally:
        for name in ("tinypkg", "tinypkg.words", "tinypkg__mypyc"):
            sys.modules.pop(name, None)


@pytest.mark.slow
def test_build_reports_what_failed(tmp_path: Path) -> None:
    sources = _package(tmp_path / "src", "brokenpkg", {"bad": "X: int = 'not an int'\n"})
    with pytest.raises(compiled_parser.CompileError, match="Incompatible types"):
        compiled_parser.build(sources, tmp_path / "builds", package="brokenpkg", jobs=1)
    assert not compiled_parser.build_dir(sources, tmp_path / "builds").exists()


def _parsed(texts: list[str]) -> list[str]:
    """Everything the parser gives for each text: the whole document (articles with the fields
    kept for joining continued parts, pages' furniture) and the explanation of every line."""
    return [
        json.dumps([dataclasses.asdict(parse_text(text)), explain_text(text)], ensure_ascii=False)
        for text in texts
    ]


_PURE_PYTHON_PARSE = """
import dataclasses, json, sys
import shared.parsing
from shared.parsing import explain_text, parse_text
assert not shared.parsing.COMPILED
texts = json.load(sys.stdin)
print(json.dumps([
    json.dumps([dataclasses.asdict(parse_text(text)), explain_text(text)], ensure_ascii=False)
    for text in texts
]))
"""


def test_the_compiled_parser_parses_exactly_as_its_sources() -> None:
    need_compiled_parser(shared.parsing.COMPILED)
    for path in compiled_parser.compiled_modules():
        module = importlib.import_module(f"shared.parsing.{path.stem}")
        assert compiled_parser.is_compiled(module.__file__), module
    articles = load_sample_articles()
    texts = [PageSimulator(articles, seed).document(pages=1 + seed % 2).text for seed in range(40)]
    texts += [
        (REPO / "tests/fixtures/seed-liaocheng-p2.txt").read_text(encoding="utf-8"),
        *(path.read_text(encoding="utf-8") for path in EXTRACTED[:20]),
    ]
    pure = subprocess.run(
        [sys.executable, "-c", _PURE_PYTHON_PARSE],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={**os.environ, compiled_parser.PURE_PYTHON_VARIABLE: "1"},
    )
    assert _parsed(texts) == json.loads(pure.stdout)
