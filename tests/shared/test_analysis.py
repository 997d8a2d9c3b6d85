from shared.analysis import extract_keywords

TEXT = (
    "7月10日，记者从孔繁森精神教学基地获悉，由该基地报送的“孔繁森精神系列课程”之《担当的力量》"
    "《务实的力量》入选全国基层干部培训优秀网络课程。孔繁森精神教学基地现场教员王冉主讲，"
    "共计抽检280批次，合格率100%。"
)


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
