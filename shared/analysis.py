"""Chinese text analysis with jieba: one segmentation of an article, and what is read from it.

jieba's dictionary takes about a second to load, so it is loaded once per process (the worker
warms it before its pool forks, so children share it) and never per task. Its cache file goes
to a directory private to this user. The project's user dictionary (``shared/data/userdict.txt``:
newspaper vocabulary the default dictionary splits badly) and the files named by
``BAOKAN_JIEBA_USERDICT`` are loaded with it.

Each article's text is segmented exactly once, with one jieba cut whose words are tagged with
their part of speech from the dictionaries' tag table. The keywords (TF-IDF against jieba's IDF
table), the named entities (from the ``nr``/``ns``/``nt`` tags) and the search index terms are
all read from those tokens.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import tempfile
import threading
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from shared.search.terms import terms_of_words

PROJECT_USERDICT = Path(__file__).resolve().parent / "data" / "userdict.txt"

# Numbers, dates, amounts and punctuation; jieba tags most of them m (numeral), t (time) or x.
_NOT_A_KEYWORD = re.compile(r"^[\d\W_]+$|^\d+[年月日号时分秒个次批期篇条余万亿元%％]+$")
# Tags of words that never make a keyword: numerals and quantities (m, mq), quantifiers (q),
# time words (t: 上半年, 今年), pronouns (r: 我市), function words and non-words (x).
_NO_KEYWORD_TAGS = ("m", "q", "t", "r", "p", "c", "u", "d", "e", "y", "o", "f", "x", "zg")

# People: jieba tags names nr (and nrfg); nrt is mostly transliterations, which on these pages
# are places (拉萨, 阿里). jieba also tags many ordinary words nr, so a person's name must look
# like one: two to four Han characters starting with a common surname.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应"
    "臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁"
    "胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰"
    "支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜"
    "印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阎昝"
)
_COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯",
)
_NOT_A_NAME_ENDING = frozenset("团书村楼镇区县市街路馆局厅部所站队组会室展班院校厂场")
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")

_lock = threading.Lock()
_tfidf: Any = None
_userdicts_loaded: set[Path] = set()
_userdict_sets_loaded: set[tuple[str, ...]] = set()  # the ``userdicts`` arguments already done


class Token(NamedTuple):
    word: str
    tag: str


@dataclass(frozen=True)
class ArticleAnalysis:
    """What one segmentation of an article gives: its keywords, entities and index terms."""

    keywords: list[str]
    people: list[str]
    places: list[str]
    organisations: list[str]
    terms: list[str]  # the search index terms, title first
    title_term_count: int  # how many of ``terms`` come from the kicker, headline and subtitle


def _private_cache_dir() -> Path:
    """A directory only this user can write, for jieba's dictionary cache.

    jieba loads whatever cache it finds, so a directory someone else created (or can write to)
    in the shared temporary directory is never used: a fresh private one is made instead.
    """
    path = Path(tempfile.gettempdir()) / f"baokan-jieba-{os.getuid()}"
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        info = path.lstat()
        if (
            stat.S_ISDIR(info.st_mode)
            and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            return path
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="baokan-jieba-"))


def _userdict_paths(extra: Sequence[str] | None) -> list[Path]:
    if extra is None:
        from shared.settings import Settings

        extra = Settings.from_env().jieba_userdicts
    return [PROJECT_USERDICT, *(Path(name) for name in extra)]


def load_jieba(userdicts: Sequence[str] | None = None) -> Any:
    """Load jieba's dictionary, IDF table and user dictionaries once; return the TF-IDF table.

    ``userdicts`` are extra dictionary files (``None``: those of ``BAOKAN_JIEBA_USERDICT``);
    the project's own user dictionary is always loaded. A dictionary is loaded once per process;
    one named later (by another caller) is added to what is loaded.
    """
    global _tfidf
    if _tfidf is not None and (userdicts is None or tuple(userdicts) in _userdict_sets_loaded):
        # The common case (every segmentation, every search): no lock, no settings read,
        # no file system look-ups.
        return _tfidf
    with _lock:
        # jieba reads its IDF table and dictionaries with open() calls it never closes; each
        # file is read in full at once, so the warnings about them say nothing about our code.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            if _tfidf is None:
                import jieba
                import jieba.analyse
                import jieba.posseg

                jieba.setLogLevel(60)
                jieba.dt.tmp_dir = str(_private_cache_dir())
                jieba.initialize()
                _tfidf = jieba.analyse.TFIDF()
            import jieba.posseg

            for path in _userdict_paths(userdicts):
                resolved = path.resolve()
                if resolved not in _userdicts_loaded:
                    with resolved.open("rb") as handle:
                        jieba.posseg.dt.load_userdict(handle)
                    _userdicts_loaded.add(resolved)
            # posseg merges the user dictionaries' tags on its next cut; do it now, under the
            # lock, so that concurrent cuts never mutate the table.
            jieba.posseg.dt.makesure_userdict_loaded()
            if userdicts is not None:
                _userdict_sets_loaded.add(tuple(userdicts))
        return _tfidf


_NUMERAL = re.compile(r"^[0-9０-９.,%％]+$")
_LATIN = re.compile(r"^[A-Za-zＡ-Ｚａ-ｚ0-9_.+\-]+$")


def _tag_of_unknown(word: str) -> str:
    """The part-of-speech tag of a word jieba found that no dictionary lists.

    Numerals are ``m``, Latin ``eng``, punctuation and spaces ``x``. A Han word jieba's HMM
    discovered (often a person's name) is tagged by :func:`_tag_of_new_word`.
    """
    if _NUMERAL.match(word):
        return "m"
    if _LATIN.match(word):
        return "eng"
    if not _HAN.match(word):
        return "x"
    return _tag_of_new_word(word)


_NEVER = -3.14e100  # jieba's log-probability of the impossible


class _TagModel(NamedTuple):
    tag: str
    start_word: float  # log-probability that a sentence starts with a word of this tag
    start_char: float  # ... with a one-character word of this tag
    first: dict[str, float]  # emission log-probabilities: first character of a word
    middle: dict[str, float]
    last: dict[str, float]
    single: dict[str, float]  # one-character word


@functools.cache
def _tag_models() -> list[_TagModel]:
    """posseg's HMM tables, per part-of-speech tag."""
    import jieba.posseg.prob_emit as emit
    import jieba.posseg.prob_start as start

    return [
        _TagModel(
            tag,
            start.P.get(("B", tag), _NEVER),
            start.P.get(("S", tag), _NEVER),
            emit.P.get(("B", tag), {}),
            emit.P.get(("M", tag), {}),
            emit.P.get(("E", tag), {}),
            emit.P.get(("S", tag), {}),
        )
        for tag in sorted({tag for _, tag in emit.P})
    ]


@functools.lru_cache(maxsize=65536)
def _tag_of_new_word(word: str) -> str:
    """The most likely tag of a word no dictionary lists, by ``jieba.posseg``'s own HMM tables.

    Each tag is scored as if the whole word were one word of that tag (begin, middle and end
    emissions of its characters): 崔岩 → nr, 强省 → n, 江平波 → ns. This is posseg's model without
    its search over other ways to split the word, so it costs a few dictionary look-ups instead
    of a Viterbi pass over some 250 states (which took a third of the analysis in the profile).
    """
    best_tag, best_score = "n", _NEVER
    for model in _tag_models():
        if len(word) == 1:
            score = model.start_char + model.single.get(word, _NEVER)
        else:
            score = (
                model.start_word
                + model.first.get(word[0], _NEVER)
                + model.last.get(word[-1], _NEVER)
            )
            for char in word[1:-1]:
                score += model.middle.get(char, _NEVER)
        if score > best_score:
            best_tag, best_score = model.tag, score
    return best_tag


def segment(text: str) -> list[Token]:
    """jieba's words of ``text`` with their part-of-speech tags; they concatenate to ``text``.

    One plain ``jieba`` cut (dictionary plus HMM for new words), with each word's tag looked up
    in the dictionaries' tag table: ``jieba.posseg`` would run a second, part-of-speech HMM over
    every sentence, which costs about four times the cut itself (see bench/run.py).
    """
    load_jieba()
    import jieba
    import jieba.posseg

    known = jieba.posseg.dt.word_tag_tab.get
    tokens: list[Token] = []
    append = tokens.append
    for word in jieba.dt.cut(text):  # the hot loop of the pipeline: keep it lean
        tag = known(word)
        append(Token(word, tag if tag is not None else _tag_of_unknown(word)))
    return tokens


def keywords_from_tokens(
    tokens: Sequence[Token], *, exclude: Iterable[str] = (), limit: int = 10
) -> list[str]:
    """The ``limit`` most characteristic words by TF-IDF (jieba's IDF table), best first.

    Computed from tokens already segmented, as ``jieba.analyse.extract_tags`` would but without
    segmenting again. Numbers, dates, punctuation, function words and the names in ``exclude``
    (the reporters; also any part of them jieba split off) never count. Ties keep the order in
    which the words first appear.
    """
    if limit <= 0:
        return []
    tfidf = load_jieba()
    idf: dict[str, float] = tfidf.idf_freq
    median: float = tfidf.median_idf
    stop_words: set[str] = tfidf.stop_words
    counts: dict[str, int] = {}
    for word, tag in tokens:
        if len(word) < 2 or tag.startswith(_NO_KEYWORD_TAGS):
            continue
        counts[word] = counts.get(word, 0) + 1
    excluded = [name for name in exclude if name]
    for word in list(counts):
        if (
            word != word.strip()
            or word.lower() in stop_words
            or _NOT_A_KEYWORD.match(word)
            or any(word in name or name in word for name in excluded)
        ):
            del counts[word]
    total = sum(counts.values())
    if not total:
        return []
    weights = {word: count * idf.get(word, median) / total for word, count in counts.items()}
    order = {word: index for index, word in enumerate(counts)}
    ranked = sorted(counts, key=lambda word: (-weights[word], order[word]))
    return ranked[:limit]


def _looks_like_a_name(word: str) -> bool:
    if not 2 <= len(word) <= 4 or not _HAN.match(word) or word[-1] in _NOT_A_NAME_ENDING:
        return False
    return word[0] in _SURNAMES or word.startswith(_COMPOUND_SURNAMES)


def entities_from_tokens(tokens: Sequence[Token]) -> tuple[list[str], list[str], list[str]]:
    """People (nr), places (ns) and organisations (nt) named in the tokens, each once, in order."""
    people: dict[str, None] = {}
    places: dict[str, None] = {}
    organisations: dict[str, None] = {}
    for token in tokens:
        word = token.word.strip()
        if len(word) < 2:
            continue
        if token.tag in ("nr", "nrfg") and _looks_like_a_name(word):
            people[word] = None
        elif token.tag == "ns":
            places[word] = None
        elif token.tag == "nt":
            organisations[word] = None
    return list(people), list(places), list(organisations)


def analyse_article(
    *,
    title_parts: Sequence[str],
    paragraphs: Sequence[str],
    exclude: Iterable[str] = (),
    keyword_limit: int = 10,
) -> ArticleAnalysis:
    """Segment an article once (title parts, then paragraphs) and read everything from it."""
    title = "\n".join(part for part in title_parts if part)
    body = "\n".join(paragraphs)
    text = f"{title}\n{body}" if title else body
    tokens = segment(text) if text.strip() else []
    # The title ends at a newline, where jieba always cuts: its tokens are a prefix.
    title_length = len(title)
    consumed = 0
    title_tokens = 0
    for token in tokens:
        if consumed >= title_length:
            break
        consumed += len(token.word)
        title_tokens += 1
    title_terms = terms_of_words(token.word for token in tokens[:title_tokens])
    terms = title_terms + terms_of_words(token.word for token in tokens[title_tokens:])
    people, places, organisations = entities_from_tokens(tokens)
    return ArticleAnalysis(
        keywords=keywords_from_tokens(tokens, exclude=exclude, limit=keyword_limit),
        people=people,
        places=places,
        organisations=organisations,
        terms=terms,
        title_term_count=len(title_terms),
    )
