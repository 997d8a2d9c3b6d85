"""Word segmentation: jieba's dictionary and algorithm, run by jieba-rs.

The words come from jieba's model (its dictionary, the DAG of dictionary words with the
maximum-probability route through it, and the HMM for words no dictionary lists) as
implemented by jieba-rs, the Rust port of jieba, through its binding ``rjieba``. It gives the
same words and part-of-speech tags as Python jieba's ``cut`` and ``posseg`` (they differ only
in how a Latin run with a hyphen is kept whole: ``COVID-19``), but about 25 times faster and
with its dictionary outside Python's heap: a page costs well under a millisecond instead of
12 ms, and the dictionary's pages stay shared between a worker's forked children because no
reference count is ever written to them (bench/run.py measures both).

The project's user dictionary (``shared/data/userdict.txt``: newspaper vocabulary the default
dictionary splits badly) and the files named by ``BAOKAN_JIEBA_USERDICT`` are loaded with it,
in jieba's format (``word [frequency] [tag]`` a line).

A loaded segmenter is never changed: cutting takes no lock, and a dictionary added later
(another caller naming one more file) goes into a new segmenter that then replaces the old
one, so a cut in another thread is never disturbed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeAlias

import rjieba

PROJECT_USERDICT = Path(__file__).resolve().parent / "data" / "userdict.txt"

# jieba's own user-dictionary line: the word, then an optional frequency and an optional tag.
_USERDICT_LINE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A user word listed without a tag: the dictionaries list vocabulary, mostly names of things.
_UNTAGGED = "n"

_lock = threading.Lock()
_segmenter: rjieba.Jieba | None = None
_dictionaries: tuple[Path, ...] = ()  # the user dictionaries in ``_segmenter``, in load order
_sets_loaded: set[tuple[str, ...]] = set()  # the ``userdicts`` arguments already done


# A word and its part-of-speech tag, as jieba-rs gives them: plain tuples, since building an
# object per word cost twice the segmentation itself.
Token: TypeAlias = tuple[str, str]


class UserDictionaryError(ValueError):
    """A user dictionary file that cannot be read as one."""


def read_user_dictionary(path: Path) -> Iterator[tuple[str, int | None, str | None]]:
    """The ``(word, frequency, tag)`` entries of a jieba user dictionary (UTF-8, BOM allowed)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = f"{path}: a jieba user dictionary must be UTF-8 ({error})"
        raise UserDictionaryError(message) from None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        match = _USERDICT_LINE.match(line)
        if match is None:  # pragma: no cover - ``(.+?)`` matches every non-empty line
            continue
        word, frequency, tag = match.groups()
        yield word, int(frequency) if frequency else None, tag.strip() if tag else None


def _userdict_paths(extra: Sequence[str] | None) -> list[Path]:
    if extra is None:
        from shared.settings import Settings

        extra = Settings.from_env().jieba_userdicts
    return [PROJECT_USERDICT, *(Path(name) for name in extra)]


def _build(dictionaries: Sequence[Path], *, first: bool) -> rjieba.Jieba:
    # jieba's default dictionary is embedded in jieba-rs. Importing rjieba has already built
    # one segmenter with it (some 30 MB); the first load adds the user dictionaries to that one
    # instead of building a second, which nothing else in the process uses.
    default = getattr(rjieba, "_DEFAULT_JIEBA", None)  # gone once released (release_jieba)
    segmenter = default if first and default is not None else rjieba.Jieba()
    for path in dictionaries:
        for word, frequency, tag in read_user_dictionary(path):
            if tag is None:
                # As in jieba, a word listed without a tag keeps the tag it already has.
                known = segmenter.tag(word)
                tag = known[0][1] if len(known) == 1 and known[0][1] else _UNTAGGED
            segmenter.add_word(word, frequency, tag)
    return segmenter


def load_jieba(userdicts: Sequence[str] | None = None) -> None:
    """Load the segmenter with the project's and the given user dictionaries, once.

    ``userdicts`` are extra dictionary files (``None``: those of ``BAOKAN_JIEBA_USERDICT``, read
    on the first load only). A dictionary named later is added to what is loaded.
    """
    global _segmenter, _dictionaries
    if _segmenter is not None and (userdicts is None or tuple(userdicts) in _sets_loaded):
        return  # the common case (every search request): no lock, no settings, no file look-ups
    with _lock:
        wanted = list(_dictionaries)
        for path in _userdict_paths(userdicts):
            resolved = path.resolve()
            if resolved not in wanted:
                wanted.append(resolved)
        if _segmenter is None or tuple(wanted) != _dictionaries:
            _segmenter = _build(wanted, first=_segmenter is None)
            _dictionaries = tuple(wanted)
        if userdicts is not None:
            _sets_loaded.add(tuple(userdicts))


def jieba_loaded() -> bool:
    """Whether this process holds a segmenter (:func:`load_jieba` or :func:`segment` built it)."""
    return _segmenter is not None


def release_jieba() -> None:
    """Let go of this process's segmenter, so that its memory can return to the system.

    For a process that will not segment again but has forked children that will: the worker's
    parent, once its pool processes are running. Each child keeps the dictionary it inherited,
    and the two still share its pages (copy-on-write pages stay shared between the processes
    that map them), so nothing is copied; only the parent's own mapping goes. The next
    :func:`load_jieba` or :func:`segment` here builds a new segmenter.

    rjieba's module keeps its default segmenter (the one the first load extends) in module
    attributes; those go too, or the segmenter would outlive this call.
    """
    global _segmenter, _dictionaries
    with _lock:
        default = getattr(rjieba, "_DEFAULT_JIEBA", None)
        if default is not None:
            for name, value in list(vars(rjieba).items()):
                if value is default or getattr(value, "__self__", None) is default:
                    delattr(rjieba, name)
        _segmenter = None
        _dictionaries = ()
        _sets_loaded.clear()


def segment(text: str) -> list[Token]:
    """jieba's words of ``text`` with their part-of-speech tags; they concatenate to ``text``.

    Whitespace and punctuation come back as words of their own (tag ``x``), numerals as ``m``,
    Latin as ``eng``; a word the HMM found is tagged by jieba's part-of-speech model (崔岩 →
    ``nr``).
    """
    if _segmenter is None:
        load_jieba()
    assert _segmenter is not None
    try:
        return _segmenter.tag(text)
    except UnicodeEncodeError:
        # A lone surrogate (from a broken PDF text layer, say) cannot cross into Rust. Cut a
        # copy with U+FFFD in its place, one character for one, and give back the original's
        # characters at the same offsets, so that the words still concatenate to ``text``.
        tokens = _segmenter.tag(_SURROGATE.sub("\ufffd", text))
        words: list[Token] = []
        start = 0
        for word, tag in tokens:
            words.append((text[start : start + len(word)], tag))
            start += len(word)
        return words
