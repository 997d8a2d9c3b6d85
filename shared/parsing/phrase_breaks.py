"""Whether a break between two title lines falls inside a phrase, by the title's words.

A title wraps where its measure ends, wherever that falls in its wording: inside a word
(``申城最大隔离点运行平`` / ``稳  感染者…``), after a word that leads into the next
(an adverb, a preposition or a conjunction: ``…感染者转阴约`` / ``需7-10天``) or before
one that hangs on the word before it (a conjunction, a particle, a suffix: ``…国际组织负责人``
/ ``和美国工商界代表``, ``…默克尔`` / ``等欧方领导人``).  Two titles stacked (a kicker over its
headline) are each a phrase of their own, and their break falls between phrases.  The
words are jieba's (:mod:`shared.segmenter`, the segmentation the project indexes articles
by), read on the two lines joined: a word across the break, or the part-of-speech tag of
the word on either side of it, tells.  (Of the 95 title-line pairs whose widths and page
words said nothing, on dev pages with no blank lines and fresh PyMuPDF pages of other
articles, 21 of the 47 wraps break so and none of the 48 kicker-over-headline stacks.)
"""

from __future__ import annotations

from shared.parsing.title_roles import DIRECTIVE_OPENINGS

# Tags of words that lead into the word after them (adverb, preposition, conjunction):
# no title phrase ends with one.
_LEADING_TAGS = frozenset({"d", "p", "c"})
# Structural particles that tie the word before them to the one after (``…的`` / ``进度``).
_LINKING_PARTICLES = frozenset("的地之")
# Tags of words that hang on the word before them: a conjunction (``和``, ``还是``) and, as a
# word of one character, a particle (``等``, ``了``: jieba tags its kinds u, uj, ul, …) or a
# suffix (``者``, ``们``: k).  No title phrase opens with one.
_HANGING_TAG = "c"
_HANGING_SINGLE_TAG_STARTS = ("u", "k")
# Tags of words that ask for the word after them, closing no phrase: a numeral or quantity
# (``多个``, ``2020``: what it counts follows) and the plain auxiliary ``u`` (``等``, closing
# a list before the noun it sums up: ``…默克尔等`` / ``欧方领导人``).  Not ``了`` (ul) nor
# the other particles jieba tags apart, which close a clause (``…上线了``).
_COUNTING_TAGS = frozenset({"m", "u"})
# Tags of a one-character verb or adjective: set alone at a line's end it is the head of
# the phrase the next line goes on with (``…商超拿`` / ``起数字化工具``, ``…获特批送`` /
# ``母乳``, ``…打赢大`` / ``上海保卫战``); a title phrase ends on a word of two characters
# or more (``…推迟``, ``…揭晓``) or on a particle.
_SINGLE_HEAD_TAGS = frozenset({"v", "a"})
# Adverbs of resolve (``全力``, ``大力``: :data:`.title_roles.DIRECTIVE_OPENINGS`, which jieba
# may tag as nouns) open the verb they modify: a line ending with one goes on with its verb
# (``加快经济恢复全力`` / ``稳住经济大盘``).


def breaks_inside_phrase(upper: str, lower: str) -> bool:
    """The break between title lines ``upper`` and ``lower`` (spaces ignored) falls inside
    a phrase: jieba reads a word across it, or the word ending ``upper`` leads into the
    next (:data:`_LEADING_TAGS`, :data:`_LINKING_PARTICLES`), or the word opening ``lower``
    hangs on the one before (a conjunction; a particle or suffix of one character)."""
    upper, lower = "".join(upper.split()), "".join(lower.split())
    if not upper or not lower:
        return False
    # Imported here, not with the module: jieba-rs builds its default dictionary on import
    # (about 33 MiB), which a process importing the parser but never reaching this rule (the
    # web front end) need not hold.
    from shared.segmenter import segment

    try:
        words = segment(upper + lower)
    except (OSError, ValueError):
        # the dictionary could not be loaded (an unreadable user dictionary, a settings error):
        # no word evidence, rather than a page that fails to parse over a setting
        return False
    position = 0
    for word, tag in words:
        end = position + len(word)
        if position < len(upper) < end:
            return True  # a word across the break
        if end == len(upper):
            if tag in _LEADING_TAGS or word in _LINKING_PARTICLES:
                return True
            if _asks_for_next(word, tag, lower):
                return True
        elif position == len(upper):
            return tag == _HANGING_TAG or (
                len(word) == 1 and tag.startswith(_HANGING_SINGLE_TAG_STARTS)
            )
        position = end
    return False


def _asks_for_next(word: str, tag: str, lower: str) -> bool:
    """The word closing the upper line asks for the words opening ``lower``: a numeral or
    the auxiliary ``等`` (:data:`_COUNTING_TAGS`), a verb or adjective of one character
    (:data:`_SINGLE_HEAD_TAGS`), an adverb of resolve
    (:data:`.title_roles.DIRECTIVE_OPENINGS`).  Only where ``lower`` opens with a word, not a
    mark: a quotation or parenthesis under the line may be a title of its own."""
    if not lower[:1].isalnum():
        return False
    return (
        tag in _COUNTING_TAGS
        or (len(word) == 1 and tag in _SINGLE_HEAD_TAGS)
        or word.endswith(DIRECTIVE_OPENINGS)
    )
