"""Running headers and editor lines."""

from __future__ import annotations

import pytest

from shared.parsing import parse_text
from shared.parsing.furniture import (
    _plainly_not_furniture,
    describe_furniture,
    furniture_rule,
    is_editor_line,
)
from shared.parsing.lines import make_line


@pytest.mark.parametrize(
    "text",
    [
        "2024年7月12日 星期五 聊城日报 要闻 2",
        "聊城日报  2024年7月12日  星期五  A2",
        "第2版 要闻 聊城日报 2024年9月23日",
        "02版  综合  南岭日报  2024年12月25日",
    ],
)
def test_running_headers_at_the_page_edge(text: str) -> None:
    assert furniture_rule(make_line(text, 1, 1), near_edge=True) is not None


@pytest.mark.parametrize(
    "text",
    [
        "2024年7月12日，市委召开会议。",
        "今年以来，聊城市委统战部坚持一",
        "我市两课程入选",
        "2024年7月12日",
    ],
)
def test_ordinary_lines_are_not_furniture(text: str) -> None:
    assert furniture_rule(make_line(text, 1, 1), near_edge=True) is None


def test_header_needs_more_evidence_away_from_the_edge() -> None:
    line = make_line("聊城日报 2024年7月12日", 50, 1)
    assert furniture_rule(line, near_edge=True) is not None
    assert furniture_rule(line, near_edge=False) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("责任编辑：张三", True),
        ("责任编辑：张三  美编：李四", True),
        ("本版编辑 王五", True),
        ("责任编辑张三说，这是一个很长的句子里提到的责任编辑。", False),
    ],
)
def test_editor_lines(text: str, expected: bool) -> None:
    assert is_editor_line(text) is expected


def test_describe_furniture() -> None:
    furniture = describe_furniture(
        [
            make_line("2024年7月12日 星期五 聊城日报 要闻 第2版", 1, 1),
            make_line("责任编辑：张三  美编：李四", 40, 1),
        ]
    )
    assert furniture.paper == "聊城日报"
    assert furniture.date == "2024年7月12日"
    assert furniture.page_label == "第2版"
    assert furniture.section == "要闻"
    assert furniture.editors == ["张三", "李四"]
    assert furniture.lines == [
        "2024年7月12日 星期五 聊城日报 要闻 第2版",
        "责任编辑：张三  美编：李四",
    ]


@pytest.mark.parametrize("text", ["2", "第2版", "A3", "02版"])
def test_a_bare_page_number_at_the_edge_is_furniture(text: str) -> None:
    assert furniture_rule(make_line(text, 1, 1), near_edge=True) is not None
    assert furniture_rule(make_line(text, 1, 1), near_edge=False) is None


def test_an_editor_credit_inside_a_short_line() -> None:
    assert is_editor_line("要闻 责任编辑：张三")


@pytest.mark.parametrize(
    ("text", "editors"),
    [
        ("本版编辑：张三 | 美编：李四 | 校对：王五", ["张三", "李四", "王五"]),
        ("责任编辑：张三 版式：李四 校对：王五", ["张三", "李四", "王五"]),
        ("本版责编：张三  美编：李四", ["张三", "李四"]),
        ("编辑：张三  制图：李四", ["张三", "李四"]),
        ("本版编辑：张三、李四", ["张三", "李四"]),
        ("责任编辑/张三", ["张三"]),
        ("编辑/张三 美编/李四", ["张三", "李四"]),
        ("策划：张三  统筹：李四", ["张三", "李四"]),
        ("本版主编：张三", ["张三"]),
        ("版面设计：张三", ["张三"]),
        # contact details after the names are no names
        ("本版责编：张三　李四　邮箱：rmrbyw@163.com", ["张三", "李四"]),
        ("责编：张三 电话：010-65368888", ["张三"]),
        # a two-character name letter-spaced, and a name with the middle dot
        ("责任编辑：田 鹏  美编：阿依古丽·买买提", ["田鹏", "阿依古丽·买买提"]),
    ],
)
def test_editor_lines_of_other_papers(text: str, editors: list[str]) -> None:
    assert is_editor_line(text)
    assert describe_furniture([make_line(text, 40, 1)]).editors == editors


@pytest.mark.parametrize(
    ("text", "paper", "page_label", "section", "editors"),
    [
        ("2020年5月1日 星期五  人民日报  要闻  4", "人民日报", "4", "要闻", []),
        ("新民晚报 A3  2020年5月1日/星期五  本版编辑：王文", "新民晚报", "A3", "", ["王文"]),
        ("经济日报 2020年1月1日 星期三 5 综合", "经济日报", "5", "综合", []),
        ("证券日报 2020年1月2日 星期四 A2 编辑 张三", "证券日报", "A2", "", ["张三"]),
        ("中国证券报 CHINA SECURITIES JOURNAL A02 2020年1月2日", "中国证券报", "A02", "", []),
        ("2020年1月2日 星期四 科技日报 一版", "科技日报", "一版", "", []),
        ("人民日报海外版 2020年1月2日 星期四 第2版", "人民日报海外版", "第2版", "", []),
        # papers whose names do not end in 报
        ("新华每日电讯 2024年3月5日 星期二 3 国内新闻", "新华每日电讯", "3", "国内新闻", []),
        ("参考消息 2024年3月5日 星期二 第8版 国际", "参考消息", "第8版", "国际", []),
        ("2024年3月5日 星期二 南方周末 B2 经济", "南方周末", "B2", "经济", []),
        # the header goes on after the editors: its section and page label are no names
        (
            "2022年4月2日/星期六　本版编辑/王三　视觉设计/李四　要闻　A3",
            "", "A3", "要闻", ["王三", "李四"],
        ),
        # role names letter-spaced like the justified line they stand in
        (
            "2024年7月11日　星期四　A2　证券日报　本版主编：王三　责　编：李四　制　作：王五",
            "证券日报", "A2", "", ["王三", "李四", "王五"],
        ),
    ],
)
def test_running_headers_of_other_papers(
    text: str, paper: str, page_label: str, section: str, editors: list[str]
) -> None:
    line = make_line(text, 1, 1)
    assert furniture_rule(line, near_edge=True) is not None
    furniture = describe_furniture([line])
    assert furniture.paper == paper
    assert (furniture.page_label, furniture.section) == (page_label, section)
    assert furniture.editors == editors


@pytest.mark.parametrize("text", ["CHINA SECURITIES JOURNAL", "PEOPLE'S DAILY 人民日报"])
def test_a_mastheads_latin_name_at_the_page_edge(text: str) -> None:
    assert furniture_rule(make_line(text, 1, 1), near_edge=True) is not None
    assert furniture_rule(make_line(text, 50, 1), near_edge=False) is None


@pytest.mark.parametrize(
    "text",
    [
        "策划这次活动的张三说，",
        "主编张三告诉记者，这本书历时三年编成。",
        "记者从市教育局获悉，今年全市新增学位",
        "GDP 同比增长5.2%",
    ],
)
def test_text_mentioning_editors_is_no_furniture(text: str) -> None:
    assert furniture_rule(make_line(text, 1, 1), near_edge=True) is None


def test_a_justified_line_of_text_naming_a_role_is_no_editor_line() -> None:
    # spaced out as a whole, as a justified line is extracted: 校 对 is a verb here
    assert not is_editor_line("文 稿 经 过 严 格 校 对 ： 全 书 共 分")


@pytest.mark.parametrize("text", ["统筹 推进乡村振兴", "策划 一场特别的婚礼", "主编 寄语"])
def test_a_verb_role_without_colon_is_no_editor_line(text: str) -> None:
    assert not is_editor_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "新闻热线：0635-8241234　广告热线：0635-8241235",
        "国内统一连续出版物号：CN37-0061　邮发代号：23-48",
        "社址：聊城市东昌府区花园北路　邮编：252000",
        "零售价：1.50元　印刷：聊城日报印务中心",
        "本报地址：北京市朝阳区金台西路2号　邮政编码：100733",
        "订阅热线：12345678",
        "人民日报社出版",
        "广告许可证：3700004000012",
        "订阅：全国各地邮局",
        "投稿邮箱：lcrbxw@163.com",
        "总编室电话：0635-8241230",
    ],
)
def test_the_papers_imprint_and_contact_lines_at_the_edge(text: str) -> None:
    assert furniture_rule(make_line(text, 1, 1), near_edge=True) is not None


def test_imprint_lines_away_from_the_edge_need_two_labels() -> None:
    # one label could open a line of a notice (报名地址：…); two are the paper's imprint
    assert furniture_rule(make_line("咨询电话：12345678", 50, 1), near_edge=False) is None
    two = "社址：聊城市东昌府区花园北路　邮编：252000"
    assert furniture_rule(make_line(two, 50, 1), near_edge=False) is not None


@pytest.mark.parametrize(
    "text",
    ["地址：聊城市东昌府区花园北路，电话：12345678。", "人民日报社出版的这本书很受欢迎"],
)
def test_sentences_naming_an_address_are_no_imprint(text: str) -> None:
    assert furniture_rule(make_line(text, 1, 1), near_edge=True) is None


def test_the_editor_on_duty_is_an_editor() -> None:
    line = make_line("值班编委：王三　编辑：李四", 1, 1)
    assert furniture_rule(line, near_edge=True) == "editor line"
    assert describe_furniture([line]).editors == ["王三", "李四"]


def test_imprint_lines_are_kept_but_say_nothing_of_the_page() -> None:
    header = make_line("2024年7月12日 星期五 聊城日报 要闻 第2版", 1, 1)
    imprint = make_line("人民日报社出版", 90, 1)
    furniture = describe_furniture([header, imprint])
    assert (furniture.paper, furniture.section) == ("聊城日报", "要闻")
    assert furniture.page_label == "第2版"
    assert furniture.lines[-1] == "人民日报社出版"


@pytest.mark.parametrize(
    "text",
    [
        "（本版图片均为本报记者 许金松 摄）",
        "本版图片由市委宣传部提供",
        "扫码看视频",
        "扫一扫 阅读全文",
    ],
)
def test_page_picture_credits_and_qr_labels_are_furniture(text: str) -> None:
    assert furniture_rule(make_line(text, 40, 1), near_edge=False) is not None


@pytest.mark.parametrize(
    "text",
    [
        "扫码支付已经成为市民的习惯。",
        "扫码观看视频的市民越来越多",  # a full line of a narrow column
        "本版图片展现了城市的新面貌，",
    ],
)
def test_sentences_about_scanning_or_pictures_stay_text(text: str) -> None:
    assert furniture_rule(make_line(text, 40, 1), near_edge=False) is None


@pytest.mark.parametrize("text", ["简讯", "【新闻速递】", "■ 图片新闻", "简 讯", "本地快讯"])
def test_the_label_of_a_column_of_short_items_is_furniture(text: str) -> None:
    assert furniture_rule(make_line(text, 40, 1), near_edge=False) is not None


@pytest.mark.parametrize("text", ["简讯一则", "新闻速递员坚守岗位", "快讯：我市召开会议"])
def test_titles_holding_a_column_word_are_no_column_label(text: str) -> None:
    assert furniture_rule(make_line(text, 40, 1), near_edge=False) is None


def test_a_column_label_over_briefs_is_no_part_of_the_first_briefs_title() -> None:
    text = "\n".join(
        [
            "简讯",
            "",
            "我市召开安全生产工作会议",
            "",
            "本报讯（记者 张伟）7月10日，我市召开安全生产工作会议，部署下一阶段重点工作。",
            "",
            "东昌府区开展防汛演练",
            "",
            "本报讯（通讯员 李娜）近日，东昌府区在徒骇河沿岸开展防汛应急演练。",
        ]
    )
    articles = parse_text(text).articles
    assert [(a.kicker, a.headline) for a in articles] == [
        ("", "我市召开安全生产工作会议"),
        ("", "东昌府区开展防汛演练"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "责任编辑：张三",
        "本版编辑 王五",
        "策划：张三  统筹：李四",
        "社址：聊城市东昌府区 邮编：252000",
        "人民日报社出版",
        "（本版图片均为本报记者 张三摄）",
        "扫码看视频",
        "■简讯",
        "图片新闻",
        "2024年7月12日 星期五 聊城日报 要闻 2",
        "中国证券报 CHINA SECURITIES JOURNAL",
    ],
)
def test_furniture_lines_are_never_told_plainly_apart(text: str) -> None:
    """The quick test that clears most body lines never clears a line a rule may take."""
    assert not _plainly_not_furniture(make_line(text, 1, 1), near_edge=False)


@pytest.mark.parametrize(
    "text",
    ["今年以来，聊城市坚持把群众利益", "分管日常工作的副部长崔岩说。", "我市两门课程入选"],
)
def test_body_lines_are_told_plainly_apart(text: str) -> None:
    assert _plainly_not_furniture(make_line(text, 1, 1), near_edge=False)
