"""Segmentation: jieba's words and tags from jieba-rs, with the user dictionaries."""

from __future__ import annotations

import gc
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared import segmenter
from shared.idf import private_cache_dir
from shared.segmenter import (
    PROJECT_USERDICT,
    UserDictionaryError,
    load_jieba,
    read_user_dictionary,
    segment,
)
from tests.support.page_simulator import load_sample_articles


def test_words_and_tags_are_jiebas() -> None:
    tokens = segment("市委统战部副部长崔岩在聊城说，共计抽检280批次。H5动画")
    tags = dict(tokens)
    assert tags["市委统战部"] == "nt"  # from the project's dictionary
    assert tags["崔岩"] == "nr"  # a word the HMM found, tagged by jieba's part-of-speech model
    assert tags["聊城"] == "ns"
    assert tags["280"] == "m"
    assert tags["H5"] == "eng"
    assert tags["，"] == "x"


def python_jieba() -> Any:
    """Python jieba with the project's dictionary, loaded only to compare with."""
    with warnings.catch_warnings():
        # jieba reads its tables with open() calls it never closes.
        warnings.simplefilter("ignore", ResourceWarning)
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
        tokenizer.tokenizer.tmp_dir = str(private_cache_dir())
        tokenizer.tokenizer.initialize()
        with PROJECT_USERDICT.open("rb") as handle:
            tokenizer.load_userdict(handle)
        tokenizer.makesure_userdict_loaded()
        gc.collect()
    return tokenizer


def test_the_words_are_those_of_python_jieba_and_nearly_all_tags_too() -> None:
    tokenizer = python_jieba()
    words = tags = agreeing_tags = 0
    for article in load_sample_articles()[:12]:
        text = "\n".join(article["paragraphs"])
        ours = segment(text)
        # The words of jieba's cut; the one known difference: jieba-rs keeps a Latin run with a
        # hyphen whole (COVID-19).
        theirs = list(tokenizer.tokenizer.cut(text))
        assert [word for word, _ in ours] == theirs or "-" in text
        words += 1
        # The tags of jieba.posseg (which runs its own HMM for new words, so may cut them apart).
        known = {pair.word: pair.flag for pair in tokenizer.cut(text)}
        for word, tag in ours:
            if word in known:
                tags += 1
                agreeing_tags += known[word] == tag
    assert words == 12
    assert agreeing_tags / tags > 0.97


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_the_words_always_concatenate_to_the_text(text: str) -> None:
    assert "".join(word for word, _ in segment(text)) == text


def test_a_lone_surrogate_is_kept_where_it_stands() -> None:
    # Python strings may hold one (a broken PDF text layer); Rust strings cannot.
    text = "聊城\ud800市委统战部\udfff召开会议"
    tokens = segment(text)
    assert "".join(word for word, _ in tokens) == text
    assert ("市委统战部", "nt") in tokens


def test_a_user_dictionary_is_read_as_jieba_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "dict.txt"
    path.write_bytes("\ufeff栲栳湾渡口 5 ns\n\n新质生产力 n\n运河人家 12\n只有词\n".encode())
    assert list(read_user_dictionary(path)) == [
        ("栲栳湾渡口", 5, "ns"),
        ("新质生产力", None, "n"),
        ("运河人家", 12, None),
        ("只有词", None, None),
    ]


def test_a_dictionary_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("栲栳湾渡口 ns\n".encode("gbk"))
    with pytest.raises(UserDictionaryError, match=r"gbk\.txt.*UTF-8"):
        list(read_user_dictionary(path))


def test_an_untagged_user_word_is_a_noun(tmp_path: Path) -> None:
    path = tmp_path / "untagged.txt"
    path.write_text("鲁西运河风情带\n", encoding="utf-8")
    load_jieba([str(path)])
    assert ("鲁西运河风情带", "n") in segment("游览鲁西运河风情带。")


def test_a_later_dictionary_never_disturbs_a_cut_in_progress(tmp_path: Path) -> None:
    # The loaded segmenter is never changed: a new dictionary builds a new one and swaps it in,
    # so threads cutting meanwhile (the web's search requests) see one or the other, whole.
    load_jieba()
    before = segmenter._segmenter
    text = "今年以来，聊城市委统战部坚持一体化统筹、平台化实施、品牌化打造。" * 200
    errors: list[BaseException] = []
    done = threading.Event()

    def cut() -> None:
        try:
            while not done.is_set():
                segment(text)
        except BaseException as error:  # pragma: no cover - the failure being tested for
            errors.append(error)

    threads = [threading.Thread(target=cut) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        for index in range(3):
            path = tmp_path / f"more-{index}.txt"
            path.write_text(f"聊城新词{index} n\n", encoding="utf-8")
            load_jieba([str(path)])
    finally:
        done.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert segmenter._segmenter is not before
    assert ("聊城新词2", "n") in segment("聊城新词2")
    assert ("聊城新词0", "n") in segment("聊城新词0")  # earlier additions are kept


def test_a_released_segmenter_is_built_again_on_the_next_cut() -> None:
    load_jieba()
    before = segment("市委统战部副部长崔岩在聊城说")
    segmenter.release_jieba()
    try:
        assert segmenter._segmenter is None
        assert segment("市委统战部副部长崔岩在聊城说") == before  # the project's words too
    finally:
        load_jieba()
