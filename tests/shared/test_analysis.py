import gc
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared import analysis
from shared.analysis import analyse_article, entities_from_tokens, keywords_from_tokens
from shared.segmenter import PROJECT_USERDICT, Token, load_jieba, segment
from shared.settings import Settings, SettingsError

TEXT = (
    "7月10日，记者从孔繁森精神教学基地获悉，由该基地报送的“孔繁森精神系列课程”之《担当的力量》"
    "《务实的力量》入选全国基层干部培训优秀网络课程。孔繁森精神教学基地现场教员王冉主讲，"
    "共计抽检280批次，合格率100%。"
)


def extract_keywords(text: str, *, exclude: list[str] | None = None, limit: int = 10) -> list[str]:
    """Keywords of a text on its own, as the pipeline reads them from an article's tokens."""
    if not text.strip():
        return []
    return keywords_from_tokens(segment(text), exclude=exclude or [], limit=limit)


def test_keywords_are_the_characteristic_words() -> None:
    keywords = extract_keywords(TEXT, limit=10)
    assert "孔繁森" in keywords
    assert len(keywords) == 10


def test_numbers_dates_and_excluded_names_are_never_keywords() -> None:
    keywords = extract_keywords(TEXT, exclude=["王冉"], limit=20)
    assert "王冉" not in keywords
    assert not any(word[0].isdigit() for word in keywords)


def test_nothing_to_analyse_gives_no_keywords() -> None:
    assert extract_keywords("   ", limit=10) == []
    assert extract_keywords(TEXT, limit=0) == []


# One segmentation per article, and what is read from it.


def test_an_article_is_segmented_exactly_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_segment = analysis.segment

    def counting(text: str) -> list[Token]:
        calls.append(text)
        return real_segment(text)

    monkeypatch.setattr(analysis, "segment", counting)
    result = analyse_article(
        title_parts=["", "我市两课程入选全国基层干部培训优秀网络课程", ""],
        paragraphs=[TEXT],
        exclude=["王冉"],
        keyword_limit=10,
    )
    assert len(calls) == 1
    assert "孔繁森" in result.keywords
    assert result.people == ["孔繁森", "王冉"]
    assert result.terms[: result.title_term_count] == [
        "我市", "两", "课程", "入选", "全国", "基层干部", "培训", "优秀", "网络", "课程",
    ]
    assert result.terms.count("孔繁森") == 3


def jieba_extract_tags(text: str, top: int, cache_dir: Path) -> list[str]:
    """Python jieba's own keyword extraction (its model loaded only for this comparison)."""
    with warnings.catch_warnings():
        # jieba reads its tables with open() calls it never closes.
        warnings.simplefilter("ignore", ResourceWarning)
        import jieba
        import jieba.analyse

        jieba.setLogLevel(60)
        jieba.dt.tmp_dir = str(cache_dir)
        tags: list[str] = jieba.analyse.extract_tags(text, topK=top)
        gc.collect()
    return tags


def test_keywords_come_from_the_tokens_as_extract_tags_would_rank_them(tmp_path: Path) -> None:
    tokens = segment(TEXT)
    ours = keywords_from_tokens(tokens, limit=5)
    theirs = [
        word
        for word in jieba_extract_tags(TEXT, 30, tmp_path)
        if not word[0].isdigit() and word not in ("7", "10")
    ]
    assert ours[0] == theirs[0] == "孔繁森"
    assert set(ours) <= set(theirs)


def test_dates_time_words_and_split_names_are_never_keywords() -> None:
    tokens = segment("上半年7月10日，记者朱海波报道：朱海波说，孔繁森精神教学基地，孔繁森精神。")
    keywords = keywords_from_tokens(tokens, exclude=["朱海波"], limit=20)
    assert "孔繁森" in keywords
    assert not any("朱" in word or "海波" in word for word in keywords)
    assert "上半年" not in keywords
    assert not any(char.isdigit() for word in keywords for char in word)


def test_people_places_and_organisations_come_from_the_tags_once_each() -> None:
    tokens = segment(
        "市委统战部副部长崔岩在聊城说，孔繁森同志在拉萨工作。崔岩又到山东省。人民银行参加。"
    )
    people, places, organisations = entities_from_tokens(tokens)
    assert people == ["崔岩", "孔繁森"]
    assert places == ["聊城", "山东省"]
    assert organisations == ["市委统战部", "人民银行"]


def test_the_project_dictionary_keeps_newspaper_words_whole() -> None:
    assert PROJECT_USERDICT.is_file()
    words = [word for word, _ in segment("本报讯 通讯员 统一战线 源网荷储")]
    for word in ("本报讯", "通讯员", "统一战线", "源网荷储"):
        assert word in words


def test_configured_dictionaries_are_loaded_too(tmp_path: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("栲栳湾渡口 ns\n", encoding="utf-8")
    assert "栲栳湾渡口" not in [word for word, _ in segment("他到栲栳湾渡口去。")]
    settings = Settings.from_env({"BAOKAN_JIEBA_USERDICT": str(extra)})
    assert settings.jieba_userdicts == (str(extra),)
    load_jieba(settings.jieba_userdicts)
    tokens = segment("他到栲栳湾渡口去。")
    assert ("栲栳湾渡口", "ns") in tokens


def test_a_missing_dictionary_file_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="BAOKAN_JIEBA_USERDICT"):
        Settings.from_env({"BAOKAN_JIEBA_USERDICT": str(tmp_path / "missing.txt")})


def ranked_by_every_weight(tokens: list[tuple[str, str]], limit: int) -> list[str]:
    """TF-IDF ranking the plain way: every word weighed, none skipped."""
    from shared.idf import idf_table

    counts: dict[str, int] = {}
    for word, tag in tokens:
        if len(word) >= 2 and not tag.startswith(("m", "x", "r")):
            counts[word] = counts.get(word, 0) + 1
    order = list(counts)
    weights = {word: count * idf_table().get(word) for word, count in counts.items()}
    return sorted(counts, key=lambda word: (-weights[word], order.index(word)))[:limit]


_VOCABULARY = [
    ("孔繁森", "nr"), ("精神", "n"), ("教学", "vn"), ("基地", "n"), ("课程", "n"), ("聊城", "ns"),
    ("发展", "vn"), ("工作", "vn"), ("统战部", "nt"), ("运河", "n"), ("茌平", "ns"), ("的", "uj"),
    ("我市", "r"), ("280", "m"), ("，", "x"), ("新词甲", "n"), ("新词乙", "nz"), ("治理", "vn"),
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), max_size=120), st.integers(1, 12))
def test_skipping_words_that_cannot_rank_never_changes_the_ranking(
    tokens: list[tuple[str, str]], limit: int
) -> None:
    assert keywords_from_tokens(tokens, limit=limit) == ranked_by_every_weight(tokens, limit)
