"""Topic continuity: whether two runs of body lines speak of the same thing, from the
cosine of their Chinese character-bigram counts (the parts of one article share its names,
places and terms; two articles on one page share little beyond common words)."""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from shared.parsing.lines import Line
from shared.parsing.parse_cache import per_parse

# Topic continuity: the parts of one article share its vocabulary (names, places, terms),
# two articles on one page share little beyond the language's common words.  Measured as
# the cosine of the two parts' Chinese character-bigram counts: parts of one article score
# well above this, unrelated articles below it.
TOPIC_SIMILARITY = 0.07
# Text reaching past the blocks around a glued title run (across column breaks, up to
# the next title) may take in more than the two sides of the run (a profile's next
# person, a misread title's article): two texts only when the profiles are this far apart.
# (Ambiguous: a glued subhead between two parts that share almost no vocabulary still
# splits the article; measured on dev seeds, the cosine of true splits stays below 0.02
# and of a long article's parts mostly above 0.04.)
FAR_TOPIC_SIMILARITY = 0.03
# Parts shorter than this (in bigrams) say too little about their topic to judge.
MIN_TOPIC_BIGRAMS = 100
# A short text (a one-paragraph report) compared with two others: at least this many
# bigrams, and this many times nearer the one than the other.
MIN_COMPARED_BIGRAMS = 40
NEARER_FACTOR = 3
# Two Chinese characters in a row, at every position (the lookahead lets the matches
# overlap): the bigrams of each run of Chinese characters, in order, in one C call.
_HAN_BIGRAM = re.compile(r"(?=([\u4e00-\u9fff\u3400-\u4dbf]{2}))")


@per_parse  # a page's lines (the runs compared overlap)
def _line_bigrams(text: str) -> tuple[str, ...]:
    return tuple(_HAN_BIGRAM.findall(text))


def _bigrams(lines: Sequence[Line]) -> Counter[str]:
    return _count(_lines_bigrams(lines))


def _lines_bigrams(lines: Sequence[Line]) -> list[tuple[str, ...]]:
    """Each line's bigrams (cached per line: the runs compared overlap)."""
    return list(map(_line_bigrams, map(_TEXT, lines)))


def _count(bigrams: list[tuple[str, ...]]) -> Counter[str]:
    return Counter(itertools.chain.from_iterable(bigrams))


def _total(bigrams: list[tuple[str, ...]]) -> int:
    """How many bigrams (the total of their :func:`_count`, without counting them)."""
    return sum(map(len, bigrams))


_TEXT = operator.attrgetter("text")


def _characters(lines: Sequence[Line]) -> int:
    return sum(map(len, map(_TEXT, lines)))


def lines_share_topic(
    first: Sequence[Line], second: Sequence[Line], similarity: float = TOPIC_SIMILARITY
) -> bool:
    """Whether two runs of body lines read as one text: true unless both are long enough
    to tell and their character-bigram profiles are as far apart as two articles' are
    (cosine below ``similarity``)."""
    if _characters(first) < MIN_TOPIC_BIGRAMS or _characters(second) < MIN_TOPIC_BIGRAMS:
        return True  # fewer characters than bigrams needed: no need to count
    a, b = _lines_bigrams(first), _lines_bigrams(second)
    if _total(a) < MIN_TOPIC_BIGRAMS or _total(b) < MIN_TOPIC_BIGRAMS:
        return True  # (told before counting them)
    return _cosine(_count(a), _count(b)) >= similarity


def similarity(first: Sequence[Line], second: Sequence[Line]) -> float:
    """The cosine of two runs of lines' character-bigram counts, however short (0 when
    either has none)."""
    a, b = _bigrams(first), _bigrams(second)
    return _cosine(a, b) if a and b else 0.0


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    # set operations and map run in C; the counts are small integers, so the sums are exact
    common = a.keys() & b.keys()
    dot: int = sum(map(operator.mul, map(a.__getitem__, common), map(b.__getitem__, common)))
    return dot / math.sqrt(_sum_of_squares(a.values()) * _sum_of_squares(b.values()))


def nearer_topic(text: Sequence[Line], one: Sequence[Line], other: Sequence[Line]) -> bool:
    """A text too short to tell its topic by itself (:func:`tells_topic`) but long enough
    to compare (``MIN_COMPARED_BIGRAMS``) speaks clearly of what ``one`` speaks of rather
    than of what ``other`` does: it shares ``one``'s vocabulary as the parts of an article
    do (``TOPIC_SIMILARITY``), and ``NEARER_FACTOR`` times as much as ``other``'s."""
    if _total(_lines_bigrams(text)) < MIN_COMPARED_BIGRAMS:
        return False
    near = similarity(text, one)
    return near >= TOPIC_SIMILARITY and clearly_nearer_by(near, similarity(text, other))


def clearly_nearer(text: Sequence[Line], one: Sequence[Line], other: Sequence[Line]) -> bool:
    """``text`` shares ``one``'s vocabulary ``NEARER_FACTOR`` times as much as ``other``'s."""
    return clearly_nearer_by(similarity(text, one), similarity(text, other))


def clearly_nearer_by(near: float, far: float) -> bool:
    """One similarity is ``NEARER_FACTOR`` times the other."""
    return near > NEARER_FACTOR * far


def text_bigrams(text: str) -> frozenset[str]:
    """The distinct Chinese character bigrams of a text (a title's words, to look for in
    bodies)."""
    return frozenset(_line_bigrams(text))


def vocabulary(lines: Sequence[Line]) -> frozenset[str]:
    """The distinct character bigrams of a run of lines read as one text (a body, to look
    for a title's words in): the text_bigrams of the lines' texts joined, taken as each
    line's own (cached, :func:`_line_bigrams`) and those across each line end (each line's
    last character and the next one's first, read in pairs set apart by a NUL)."""
    return _texts_vocabulary(tuple(filter(None, map(_TEXT, lines))))


@per_parse  # bodies are asked for by several stages (stray titles, merged titles, title runs)
def _texts_vocabulary(texts: tuple[str, ...]) -> frozenset[str]:
    line_ends = "\0".join(map(operator.add, map(_LAST, texts[:-1]), map(_FIRST, texts[1:])))
    across = _HAN_BIGRAM.findall(line_ends)
    return frozenset(itertools.chain(across, *map(_line_bigrams, texts)))


_FIRST = operator.itemgetter(0)
_LAST = operator.itemgetter(-1)


class JoinedVocabularies:
    """The vocabularies of runs of consecutive pieces of text, each run read as one text,
    kept to the bigrams ``among`` (a run's :func:`vocabulary` & ``among``): all that the
    titles whose bigrams make ``among`` can find in them.

    Each piece's own bigrams are found once; a run's are theirs and those across the joins
    between its pieces.  A search over the ways to cut many pieces into runs
    (:func:`.title_words.parts_by_vocabulary` tries up to a thousand) thus keeps no whole
    vocabulary of every run it tries: cached per parse, those came to 36 MB on one page.
    """

    def __init__(self, pieces: Sequence[Sequence[Line]], among: frozenset[str]) -> None:
        self._among = among
        self._own = [vocabulary(piece) & among for piece in pieces]
        texts = [[text for text in map(_TEXT, piece) if text] for piece in pieces]
        # Each piece's first and last characters, for the bigrams across its joins; a piece
        # with no text has no join of its own (its neighbours join across it).
        self._ends = [(run[0][0], run[-1][-1]) if run else None for run in texts]

    def of(self, start: int, end: int) -> frozenset[str]:
        """The run of ``pieces[start:end]``."""
        ends = [pair for pair in self._ends[start:end] if pair is not None]
        joins = "\0".join(before[1] + after[0] for before, after in itertools.pairwise(ends))
        across = [pair for pair in _HAN_BIGRAM.findall(joins) if pair in self._among]
        return frozenset(itertools.chain(across, *self._own[start:end]))


def lines_words(lines: Sequence[Line]) -> frozenset[str]:
    """The distinct character bigrams inside the lines (none across a line end): the
    words a page prints, to tell whether two pieces join into one of them."""
    return frozenset(itertools.chain.from_iterable(_lines_bigrams(lines)))


def joins_into_word(before: str, after: str, words: frozenset[str]) -> bool:
    """The last character of ``before`` and the first of ``after`` make a bigram printed
    among ``words`` (:func:`lines_words`)."""
    pair = before[-1:] + after[:1]
    return len(pair) == 2 and pair in words


def tells_topic(lines: Sequence[Line]) -> bool:
    """Whether a run of lines is long enough to tell its topic (``MIN_TOPIC_BIGRAMS``):
    where it is not, :func:`lines_share_topic` gives it the benefit of the doubt, which
    moving text from one article to another must not."""
    return (
        _characters(lines) >= MIN_TOPIC_BIGRAMS
        and _total(_lines_bigrams(lines)) >= MIN_TOPIC_BIGRAMS
    )


# A title's bigrams point at a body holding at least this many of them (and more than twice
# as many as any other body holds): a two-character name or term shared by chance gives one
# or two.
MIN_POINTED_HITS = 3


def pointed_body(
    words: frozenset[str],
    vocabularies: Mapping[int, frozenset[str]],
    least: int,
    factor: float = 2.0,
) -> int | None:
    """The key of the body a title's bigrams clearly point at: it holds at least ``least`` of
    them and more than ``factor`` times (twice) as many as any other body does; None when
    none does, or when there are not two bodies to compare."""
    hits = sorted(
        ((len(words & vocabulary), key) for key, vocabulary in vocabularies.items()),
        reverse=True,
    )
    if len(hits) < 2:
        return None
    (best, key), (second, _) = hits[0], hits[1]
    return key if best >= least and best > factor * second else None


def _sum_of_squares(counts: Collection[int]) -> int:
    return sum(map(operator.mul, counts, counts))
