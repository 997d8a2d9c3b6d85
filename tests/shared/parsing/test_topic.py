"""Topic vocabulary: a run of lines read as one text, measured line by line."""

from __future__ import annotations

import pytest

from shared.parsing.lines import make_line
from shared.parsing.topic import JoinedVocabularies, text_bigrams, vocabulary


@pytest.mark.parametrize(
    "texts",
    [
        ["本报讯（记者 张立）全市今年新建", "公园十二个，新增绿地", "三百亩。"],
        ["茌平区举办“清廉", "茌", "平”主题书画展", "", "参展作品120余幅"],
        ["中", "国", "人"],
        ["Hello 世界", "World", "：开幕"],
        ["㐀㐁", "丂", ""],
        [],
    ],
)
def test_vocabulary_is_the_bigrams_of_the_lines_joined(texts: list[str]) -> None:
    lines = [make_line(text, number, 1) for number, text in enumerate(texts, start=1)]
    assert vocabulary(lines) == text_bigrams("".join(line.text for line in lines))


PIECES = [
    ["本报讯（记者 张立）全市今年新建", "公园十二个，新增绿地"],
    ["", "三百亩。"],
    [],
    ["茌平区举办“清廉", "茌"],
    ["", ""],
    ["平”主题书画展", "参展作品120余幅"],
    ["Hello 世界"],
    ["界外", "：开幕"],
]


@pytest.mark.parametrize("among", ["新增绿地三百亩", "亩茌平区书画展", "世界外幕", "新建公园"])
def test_a_run_of_pieces_has_the_vocabulary_of_its_lines_among_the_bigrams_asked(
    among: str,
) -> None:
    pieces = [
        [make_line(text, number, 1) for number, text in enumerate(texts, start=1)]
        for texts in PIECES
    ]
    wanted = text_bigrams(among)
    runs = JoinedVocabularies(pieces, wanted)
    for start in range(len(pieces)):
        for end in range(start + 1, len(pieces) + 1):
            lines = [line for piece in pieces[start:end] for line in piece]
            assert runs.of(start, end) == vocabulary(lines) & wanted, (start, end)
