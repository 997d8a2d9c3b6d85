"""What an article's words say: keywords, people, places, organisations and search terms.

Each article's text is segmented exactly once (:func:`shared.segmenter.segment`: jieba's words
with their part-of-speech tags). The keywords (TF-IDF against jieba's IDF table), the named
entities (from the ``nr``/``ns``/``nt`` tags) and the search index terms are all read from
those tokens.
"""

from __future__ import annotations

import functools
import heapq
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from shared.idf import idf_table
from shared.search.terms import terms_of_words
from shared.segmenter import Token, segment

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
_ENTITY_TAGS = frozenset(("nr", "nrfg", "ns", "nt"))

# jieba's TF-IDF stop words (its English list; Chinese function words are excluded by tag).
_STOP_WORDS = frozenset((
    "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as",
    "on", "with", "can", "if", "from", "which", "you", "it", "this", "then", "at", "have", "all",
    "not", "one", "has", "or",
))


@dataclass(frozen=True)
class ArticleAnalysis:
    """What one segmentation of an article gives: its keywords, entities and index terms."""

    keywords: list[str]
    people: list[str]
    places: list[str]
    organisations: list[str]
    terms: list[str]  # the search index terms, title first
    title_term_count: int  # how many of ``terms`` come from the kicker, headline and subtitle


def keywords_from_tokens(
    tokens: Sequence[Token],
    *,
    exclude: Iterable[str] = (),
    limit: int = 10,
    tags: Mapping[str, str] | None = None,
) -> list[str]:
    """The ``limit`` most characteristic words by TF-IDF (jieba's IDF table), best first.

    Computed from tokens already segmented, as ``jieba.analyse.extract_tags`` would but without
    segmenting again. Numbers, dates, punctuation, function words and the names in ``exclude``
    (the reporters; also any part of them jieba split off) never count. Ties keep the order in
    which the words first appear. ``tags`` is ``dict(tokens)``, when the caller has it.
    """
    if limit <= 0:
        return []
    # jieba tags a word by the word alone, the same wherever it stands
    tag_of = dict(tokens) if tags is None else tags
    excluded = [name for name in exclude if name]
    table = idf_table()
    counts = Counter(map(itemgetter(0), tokens))  # in order of first appearance
    # TF-IDF is count / total × IDF; the total is the same for every word, so the ranking is
    # that of count × IDF. Words are weighed most frequent first, and once even the highest IDF
    # could not lift a word's count above the ``limit``-th weight found, the rest cannot rank.
    weights: dict[str, float] = {}
    top: list[float] = []  # the ``limit`` highest weights so far (a min-heap)
    for word, count in sorted(counts.items(), key=itemgetter(1), reverse=True):
        if len(top) == limit and count * table.maximum < top[0]:
            break
        if not _may_be_keyword(word, tag_of[word]) or (
            excluded and any(word in name or name in word for name in excluded)
        ):
            continue
        weight = weights[word] = count * table.get(word)
        if len(top) < limit:
            heapq.heappush(top, weight)
        elif weight > top[0]:
            heapq.heapreplace(top, weight)
    # In order of first appearance, then by weight: the sort is stable, so ties keep that order.
    in_order = filter(weights.__contains__, counts)
    return sorted(in_order, key=weights.__getitem__, reverse=True)[:limit]


def _may_be_keyword(word: str, tag: str) -> bool:
    """Whether a word could be a keyword at all, whatever the article: not a single character,
    a function word, a number or date, punctuation or an English stop word."""
    return len(word) > 1 and _tag_may_be_keyword(tag) and _word_may_be_keyword(word)


@functools.lru_cache(maxsize=256)  # jieba's few dozen part-of-speech tags
def _tag_may_be_keyword(tag: str) -> bool:
    return not tag.startswith(_NO_KEYWORD_TAGS)


# The common words of every page: 8,192 of them take a pool process about 1.4 MB. Cached by
# the word alone, so that a word is one entry whatever its tag, and its key is the word itself.
@functools.lru_cache(maxsize=8192)
def _word_may_be_keyword(word: str) -> bool:
    return not (word != word.strip() or word.lower() in _STOP_WORDS or _NOT_A_KEYWORD.match(word))


def _looks_like_a_name(word: str) -> bool:
    if not 2 <= len(word) <= 4 or not _HAN.match(word) or word[-1] in _NOT_A_NAME_ENDING:
        return False
    return word[0] in _SURNAMES or word.startswith(_COMPOUND_SURNAMES)


def entities_from_tokens(
    tokens: Sequence[Token], tags: Mapping[str, str] | None = None
) -> tuple[list[str], list[str], list[str]]:
    """People (nr), places (ns) and organisations (nt) named in the tokens, each once, in
    order. ``tags`` is ``dict(tokens)``, when the caller has it."""
    people: dict[str, None] = {}
    places: dict[str, None] = {}
    organisations: dict[str, None] = {}
    # each word once, in order of first appearance
    for word, tag in (dict(tokens) if tags is None else tags).items():
        if tag not in _ENTITY_TAGS:
            continue
        word = word.strip()
        if len(word) < 2:
            continue
        if tag == "ns":
            places[word] = None
        elif tag == "nt":
            organisations[word] = None
        elif _looks_like_a_name(word):
            people[word] = None
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
    for word, _ in tokens:
        if consumed >= title_length:
            break
        consumed += len(word)
        title_tokens += 1
    title_terms = terms_of_words(map(itemgetter(0), tokens[:title_tokens]))
    terms = title_terms + terms_of_words(map(itemgetter(0), tokens[title_tokens:]))
    tags = dict(tokens)  # word → tag, in order of first appearance; built once for both
    people, places, organisations = entities_from_tokens(tokens, tags)
    return ArticleAnalysis(
        keywords=keywords_from_tokens(tokens, exclude=exclude, limit=keyword_limit, tags=tags),
        people=people,
        places=places,
        organisations=organisations,
        terms=terms,
        title_term_count=len(title_terms),
    )
