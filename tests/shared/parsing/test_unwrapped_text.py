"""Text that is not hard-wrapped (digital archive exports, text copied from a paper's
website): a paragraph a line, each title part on a line of its own
(shared/parsing/wrapping.py)."""

from __future__ import annotations

from pathlib import Path

from shared.parsing import explain_text, parse_text
from shared.parsing.lines import make_line, split_lines
from shared.parsing.title_roles import unwrapped_title_roles
from shared.parsing.wrapping import is_unwrapped, unwrapped_pages

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

YELLOW_RIVER = [
    "记者从黄河水利委员会获悉，去年以来，沿黄九省区统筹推进山水林田湖草沙综合治理，黄河干流水质"
    "连续保持在Ⅱ类以上，流域生态环境持续向好，一批重点生态工程相继建成投用。",
    "在河南段，沿河各市县加快建设黄河生态廊道，累计完成造林绿化面积超过十万亩，沿岸湿地面积明显"
    "增加，候鸟种类和数量逐年上升，不少市民周末专程前来观鸟拍照。",
    "黄委有关负责人表示，下一步将继续加强水资源节约集约利用，严格落实以水定城、以水定地、以水定人、"
    "以水定产，推动黄河流域生态保护和高质量发展迈出新步伐。",
]
SPRING = [
    "眼下正值春耕备耕关键时期，全市各地抢抓农时，组织农机手开展机械检修，备足种子化肥农药等农资，"
    "确保春耕生产顺利进行，为全年粮食丰收打下坚实基础。",
    "市农业农村局组织技术人员深入田间地头，指导农民科学施肥、合理用药，并通过线上课堂推广良种良法，"
    "目前已培训种粮大户和家庭农场主两千余人次。",
]
CAPTION = "图为黄河郑州段生态廊道一景，沿岸绿树成荫，游人在步道上骑行健身，享受春日好时光。"

INDENTED_PAGE = "\n".join(
    [
        "人民日报  2024年3月6日  星期三  第4版  要闻",
        "",
        "坚持生态优先 推动绿色发展——",
        "黄河流域生态保护取得新进展",
        "——沿黄九省区协同治理综述",
        "　　本报郑州3月5日电（记者 王建国、李明）" + YELLOW_RIVER[0],
        *("　　" + p for p in YELLOW_RIVER[1:]),
        "",
        "　　" + CAPTION + "（本报记者 王建国摄）",
        "",
        "春耕备耕有序开展",
        "　　本报讯（记者 张华）" + SPRING[0],
        "　　" + SPRING[1],
        "",
        "责任编辑：刘芳",
    ]
)


def test_an_indented_page_reads_titles_captions_and_paragraphs() -> None:
    document = parse_text(INDENTED_PAGE)
    river, photo, spring = document.articles
    assert (river.kicker, river.headline, river.subtitle) == (
        "坚持生态优先 推动绿色发展——",
        "黄河流域生态保护取得新进展",
        "沿黄九省区协同治理综述",
    )
    assert river.dateline == "本报郑州3月5日电"
    assert river.reporters == ["王建国", "李明"]
    assert river.paragraphs == YELLOW_RIVER
    # the caption carries the indent like every paragraph of a web copy, yet is a photo's
    assert photo.kind == "photo"
    assert photo.paragraphs == [CAPTION]
    assert photo.reporters == ["王建国"]
    assert (spring.headline, spring.kicker, spring.dateline) == ("春耕备耕有序开展", "", "本报讯")
    assert spring.reporters == ["张华"]
    assert spring.paragraphs == SPRING
    assert document.pages[0].furniture.editors == ["刘芳"]
    assert document.pages[0].furniture.paper == "人民日报"


CITY = [
    "市政府日前召开常务会议，研究部署城市更新三年行动，提出到2026年底完成老旧小区改造四百个，"
    "新增公共绿地一百公顷，让群众住得更舒心、出行更便捷、生活更美好。",
    "会议指出，城市更新要坚持以人民为中心，先算民生账再算经济账，统筹推进老旧小区、老旧街区、"
    "老旧厂区改造，同步完善养老托育、停车充电等配套设施建设。",
    "加强统筹协调",
    "会议要求，各区各部门要建立城市更新项目库，实行清单化管理、项目化推进，强化资金、土地、规划等"
    "要素保障，确保城市更新三年行动各项任务按期完成。",
    "会议还研究了其他事项。",
]
FLOWERS = [
    "一场春雨过后，城郊万亩油菜花竞相开放，金黄的花海连绵起伏，吸引大批市民和游客前来踏青赏花，"
    "乡村旅游迎来旺季，周边农家乐和民宿生意格外红火。",
    "据了解，今年当地依托油菜花海举办乡村文化旅游节，推出农事体验、非遗展示、特色美食等活动，"
    "带动农民增收致富，助力乡村全面振兴。",
]

# No indent, no blank line inside an article: the titles, the byline line and the body are
# glued; the second article's title stands under its body.
PLAIN_PAGE = "\n".join(
    [
        "市政府召开常务会议部署",
        "城市更新三年行动全面启动",
        "本报记者  陈静",
        "本报讯 " + CITY[0],
        *CITY[1:],
        "",
        "本报记者  陈静",
        "本报讯 " + FLOWERS[0],
        FLOWERS[1],
        "万亩油菜花开迎客来",
    ]
)


def test_a_plain_page_makes_every_line_a_paragraph() -> None:
    city, flowers = parse_text(PLAIN_PAGE).articles
    # two plain title lines over a body: the kicker above the headline, as printed
    assert (city.kicker, city.headline, city.subtitle) == (
        "市政府召开常务会议部署",
        "城市更新三年行动全面启动",
        "",
    )
    assert city.reporters == ["陈静"]
    assert city.dateline == "本报讯"
    assert city.paragraphs == CITY  # the subhead is a paragraph of its text
    assert (flowers.headline, flowers.kicker) == ("万亩油菜花开迎客来", "")
    assert flowers.reporters == ["陈静"]
    assert flowers.paragraphs == FLOWERS


def test_blank_lines_between_paragraphs_are_paragraph_breaks() -> None:
    city_lines = ["城市更新三年行动全面启动", "本报讯（记者 陈静）" + CITY[0], *CITY[1:]]
    flower_lines = ["万亩油菜花开迎客来", "本报讯（记者 李莉）" + FLOWERS[0], FLOWERS[1]]
    text = "\n\n".join(city_lines) + "\n\n\n" + "\n\n".join(flower_lines)
    city, flowers = parse_text(text).articles
    assert city.headline == "城市更新三年行动全面启动"
    assert city.paragraphs == CITY
    assert flowers.headline == "万亩油菜花开迎客来"
    assert flowers.reporters == ["李莉"]
    assert flowers.paragraphs == FLOWERS


def test_a_title_set_apart_by_more_blank_lines_than_the_paragraphs_opens_an_article() -> None:
    # neither body opens with a dateline or a byline, and both speak of the city's renewal:
    # between paragraphs without blank lines, a line under two blank lines is a title
    second = [
        "城市更新项目库已收录老旧小区改造项目一百二十个，其中六十个项目年内开工，市政府将每季度通报"
        "城市更新三年行动推进情况，接受群众监督。",
    ]
    title = "城市更新项目年内开工六十个"
    text = "\n".join(["城市更新三年行动全面启动", "", *CITY[:2], "", "", title, "", *second])
    first, other = parse_text(text).articles
    assert first.paragraphs == CITY[:2]
    assert (other.headline, other.paragraphs) == (title, second)


def test_a_single_unwrapped_article() -> None:
    text = "\n".join(["万亩油菜花开迎客来", *FLOWERS])
    (article,) = parse_text(text).articles
    assert (article.headline, article.paragraphs) == ("万亩油菜花开迎客来", FLOWERS)


def test_an_article_continued_on_the_next_page_runs_on_where_the_jump_cut_it() -> None:
    cut = FLOWERS[0].index("周边")
    text = "\n".join(
        [
            "万亩油菜花开迎客来",
            "本报讯（记者 李莉）" + FLOWERS[0][:cut] + "（下转第2版）",
            "\f（上接第1版）" + FLOWERS[0][cut:],
            FLOWERS[1],
        ]
    )
    # the second page has no line wider than a measure: the document tells it is unwrapped
    assert unwrapped_pages(split_lines(text)) == [True, True]
    (article,) = parse_text(text).articles
    assert article.paragraphs == FLOWERS
    assert article.continued_to == "下转第2版"


def test_title_lines_are_each_a_part_in_printed_order() -> None:
    roles = unwrapped_title_roles(["离京对缅甸进行国事访问", "习近平抵达内比都"])
    assert (roles.kicker, roles.headline, roles.subtitle) == (
        "离京对缅甸进行国事访问",
        "习近平抵达内比都",
        "",
    )
    roles = unwrapped_title_roles(["水利部——", "全面保障农村供水安全", "今年将新建水厂两百座"])
    assert (roles.kicker, roles.headline, roles.subtitle) == (
        "水利部——",
        "全面保障农村供水安全",
        "今年将新建水厂两百座",
    )
    roles = unwrapped_title_roles(["习近平向全军老同志祝贺新春", "——致以诚挚问候"])
    assert (roles.kicker, roles.headline, roles.subtitle) == (
        "",
        "习近平向全军老同志祝贺新春",
        "致以诚挚问候",
    )
    roles = unwrapped_title_roles(["杜庭斌：", "身负重伤 殊死擒凶"])
    assert (roles.kicker, roles.headline) == ("杜庭斌：", "身负重伤 殊死擒凶")


def test_a_question_headline_under_its_lead_in_is_a_title() -> None:
    body = ["本报讯（记者 刘洋）" + SPRING[0], SPRING[1]]
    titles = ["广东累计向湖北派出医疗队员22批2424人——", "“有你们来，才有我们的今天！”"]
    text = "\n".join([*titles, *body])
    (article,) = parse_text(text).articles
    assert article.kicker == "广东累计向湖北派出医疗队员22批2424人——"
    assert article.headline == "“有你们来，才有我们的今天！”"
    assert article.paragraphs == SPRING


def test_a_quoted_question_under_a_subhead_stays_body() -> None:
    body = [
        "本报讯（记者 刘洋）" + SPRING[0],
        "做好农资保障",
        "“化肥够不够用？种子什么时候到？”",
        SPRING[1],
    ]
    (article,) = parse_text("\n".join(["春耕备耕有序开展", *body])).articles
    assert article.paragraphs == [SPRING[0], *body[1:]]


def test_which_pages_are_unwrapped() -> None:
    hard_wrapped = (FIXTURES / "seed-liaocheng-p2.txt").read_text(encoding="utf-8")
    assert not any(is_unwrapped(page) for page in split_lines(hard_wrapped))
    assert all(is_unwrapped(page) for page in split_lines(INDENTED_PAGE + "\f" + PLAIN_PAGE))
    # one stray wide line among column lines does not make a page unwrapped
    column = [make_line("全市各地抢抓农时，组织农机手开展", n, 1) for n in range(1, 20)]
    assert not is_unwrapped([*column, make_line(SPRING[0], 20, 1)])
    # nor does a hard-wrapped page in a document with unwrapped ones
    pages = split_lines(INDENTED_PAGE + "\f" + hard_wrapped)
    assert unwrapped_pages(pages) == [True, False]


def test_explain_names_the_unwrapped_rules() -> None:
    rows = explain_text(PLAIN_PAGE).split("\n")
    assert "unwrapped text: a paragraph a line" in rows[4]
    assert rows[0].split()[1] == "kicker"
    assert "unwrapped text" in rows[0]
    assert "unwrapped text: the second plain title line" in rows[1]


def test_a_flush_subhead_in_an_indented_web_copy_stays_in_its_text() -> None:
    # a web copy indents its paragraphs but may set a subhead flush, as it sets its titles
    text = "\n".join(
        [
            "城市更新三年行动全面启动",
            "",
            "　　本报讯（记者 陈静）" + CITY[0],
            "　　" + CITY[1],
            CITY[2],
            *("　　" + p for p in CITY[3:]),
        ]
    )
    (article,) = parse_text(text).articles
    assert article.paragraphs == CITY


def test_a_question_in_a_title_stack_set_apart_from_the_body_is_a_title() -> None:
    # a kicker asking a question over the headline, a subtitle exclaiming under one: the
    # stack stands between blank lines, apart from the body's paragraphs
    text = "\n".join(
        [
            "春耕农资够不够用？",
            "春耕备耕有序开展",
            "",
            "本报讯（记者 张华）" + SPRING[0],
            SPRING[1],
            "",
            "",
            "万亩油菜花开迎客来",
            "乡村游火了！",
            "",
            FLOWERS[0],
            FLOWERS[1],
        ]
    )
    spring, flowers = parse_text(text).articles
    assert (spring.kicker, spring.headline) == ("春耕农资够不够用？", "春耕备耕有序开展")
    assert spring.paragraphs == SPRING
    assert (flowers.kicker, flowers.headline) == ("万亩油菜花开迎客来", "乡村游火了！")
    assert flowers.paragraphs == FLOWERS


def test_a_subhead_of_two_lines_stays_in_its_text() -> None:
    # a subhead stack (a label over a phrase) in the flow of the paragraphs: no column to
    # tell it from a title by its wrapping, so its place and its topic keep it in the text
    body = ["本报讯（记者 陈静）" + CITY[0], CITY[1], "各方声音", "统筹协调 按期完成", *CITY[3:]]
    (article,) = parse_text("\n".join(["城市更新三年行动全面启动", "", *body])).articles
    assert article.paragraphs == [CITY[0], CITY[1], "各方声音", "统筹协调 按期完成", *CITY[3:]]
