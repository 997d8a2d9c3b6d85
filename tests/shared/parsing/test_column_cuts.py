"""A column broken off in mid-sentence on a page extracted by pdftotext, with the text
around the cut read as another article's: the paragraph holding the cut taken for the title
of the article read next, or a subhead left after another article's text once the piece
of its own article above it was put back where it belongs; and a subhead read straight on
in the running column between sections that share few words.

The pages are as pdftotext gives them (bench/extracted.py's): no blank line between a title
and its body or between paragraphs, a paragraph's first line two em short of the column, a
blank line where a column ends."""

from __future__ import annotations

from shared.parsing import parse_text
from shared.parsing.blocks import group_blocks
from shared.parsing.lines import split_lines
from shared.parsing.titles import label_blocks

CUT_REPORT = [
    "韩正在国务院推进政府职能转变和“放管服”改革协调小组全体会议上强调",
    "",
    "深刻认识和把握改革规律 进一步改进工作方式方法不断推动政府职能转变和营商环境改善取得新突破",
    "新华社北京1月14日电（记者赵超）国务院推进政府职能",
    "转变和“放管服”改革协调小组全体会议14日在京召开，中共",
    "中央政治局常委、国务院副总理、国务院推进政府职能转变和",
    "“放管服”改革协调小组组长韩正出席会议并讲话。会议学习",
    "贯彻党的十九届四中全会和中央经济工作会议精神，贯彻落实",
    "",
    "党中央、国务院决策部署，总结2019年政府职能转变和“放管",
    "服”改革工作，研究和部署下一阶段重点任务。",
    "韩正指出，要深刻认识和把握改革规律，坚持使市场在资",
    "源配置中起决定性作用和更好发挥政府作用，减少政府对微观",
    "经济活动的直接干预；坚持一切从实际出发，明确方向、稳扎",
    "",
    "下楼做核酸，129人忘带钥匙",
    "——友情提醒：出门前除了戴口罩，千万别忘了带钥匙，煤气关火电器断电",
    "本报记者 潘高峰",
    "",
    "稳打，不搞“一刀切”；坚持先试点后复制再推广，推动实现",
    "制度成熟定型。要进一步改进工作方式方法，始终坚持问题导",
    "向、目标导向、结果导向，解决实际问题，实现改革目标；坚",
    "持提高透明度和公正性，广泛听取意见，在阳光下推进改革；",
    "坚持依法行政，完善相关法律法规，形成法治化的改革成果。",
]


def test_a_paragraph_cut_at_its_full_width_is_no_title_over_a_wider_subtitle() -> None:
    # a paragraph of three lines breaks off at the full width of its 27 em column, right
    # over the next article's title, its 33 em ``——`` subtitle and its byline; the text
    # above it (two lines after a column break) is too short to tell the column, so the
    # run is measured by its widest line, the subtitle's: against it the cut paragraph's
    # last line looked short, a title's end rather than a column break
    blocks = group_blocks(split_lines("\n".join(CUT_REPORT))[0])
    roles = label_blocks(blocks)
    cut = next(i for i, b in enumerate(blocks) if b.first.text.startswith("韩正指出"))
    assert roles[cut].role == "body"
    assert blocks[cut].last.text.endswith("稳扎")


SUBHEAD_PAGE = [
    "美好未来。",
    "分析人士认为，本次会",
    "议凸显了中国作为负责任大",
    "国在阿富汗问题上发挥积极",
    "作用的外交形象，以及勇于",
    "承担国际责任的精神。",
    "帮助阿富汗走出困境",
    "",
    "复工复产人员可以通过公交通",
    "勤",
    "本报讯（记者 徐艳丽）",
    "昨天举行的市新冠肺炎疫情",
    "防控工作新闻发布会传出消",
    "息，综合考虑疫情防控形",
    "势、学校复学前的准备工作",
    "进展，以及考生线下学习的",
    "必要时间等因素，经慎重研",
    "究并报市疫情防控领导小组",
    "同意，全市高三、高二年级",
    "学生从6月6日，初三年级学",
    "生从6月13日起返校复学。",
    "中小学其他各年级学生",
    "继续居家在线学习至学期结",
    "束，学校可在学期结束前安",
    "排一次学生返校活动（包括",
    "为小学五年级学生举行毕业",
    "典礼等）；幼儿园、托儿",
    "所、托育机构等不再安排返",
    "园。居家照护确有困难家庭",
    "的学生，可自6月6日起申请",
    "到校到园，由学校和园所提",
    "供相关服务。因为情况特",
    "别，对这次高三、高二和初",
    "三同学返校复学不做强制要",
    "求，考生和考生家长可以选",
    "",
    "AI正深度融入数学研究核心环节",
    "本报讯（记者 易浩",
    "文 通讯员 任杰明）",
    "OpenAI日前公布了一项引",
    "发数学界关注的研究进",
    "展：其人工智能（AI）系",
    "统在匈牙利数学家保罗·",
    "埃尔德什提出的“平面单",
    "位距离问题”中，设计出",
    "一种新的点集构造方法，",
    "在相同规模约束下得到更",
    "",
    "责任编辑：张三 美编：李四",
    "",
    "多单位距离对，被认为突",
    "破了长期以来基于规则几",
    "何结构的经验性直觉。",
    "英国《自然》杂志近",
    "日报道称，年仅23岁、没",
    "有接受过正规数学训练的",
    "英国业余数学爱好者利亚",
    "姆·普莱斯在大语言模型",
    "ChatGPT的帮助下，破解",
    "了一个困扰世界顶尖数学",
    "",
    "3月31日，国务委员兼外",
    "长王毅在安徽屯溪主持召开",
    "第三次阿富汗邻国外长会。",
    "土库曼斯坦副总理兼外长梅",
    "列多夫、乌兹别克斯坦副总",
    "理兼投资和外贸部长乌穆尔",
    "扎科夫、俄罗斯外长拉夫罗",
    "夫、巴基斯坦外长库雷希、",
    "伊朗外长阿卜杜拉希扬、塔",
    "吉克斯坦司法部长阿舒里约",
    "恩出席。",
    "会议发表了《第三次阿",
    "富汗邻国外长会联合声明》",
    "和《阿富汗邻国关于支持阿",
    "富汗经济重建及务实合作的",
    "屯溪倡议》。会议宣布启动",
    "阿富汗特使定期会晤机制，",
    "建立政治外交、经济人道、",
    "安全稳定三个工作组。乌兹",
    "别克斯坦将主办第四次外长",
    "会。",
    "",
    "家60年的难题，即埃尔德",
    "什第1196号问题。",
    "两项进展接连出现，",
    "使AI在数学研究领域再次",
    "成为焦点。从计算辅助、",
    "文献整理，到参与证明生",
    "成与结构构造，AI正深度",
    "融入数学研究核心环节。",
    "",
    "择返校复学，也可以选择居",
    "家线上复习。",
    "高考中考设专用考试方",
    "舱和应急考场",
    "市教委副主任杨振峰介",
    "绍，返校复学后如何保障学",
    "生安全，市区正联手开展工",
    "作。按照规范完成校园消",
    "杀，确保校园的安全干净。",
    "配备专门的核酸采样和检测",
    "力量。实施校园网格化管",
    "理。万一发生零星感染，可",
    "以按照网格来采取管控措",
    "施，以缩小影响的范围。学",
    "校对于选择住宿的学生，实",
    "施半封闭管理（周中住校、",
    "周末回家），学校会全力做",
    "好学生学习和生活保障。做",
    "好返校师生健康管理。复学",
    "后，师生每天都需要接受“",
    "两测两检”，即：到校前做",
    "一次抗原检测、离校前完成",
    "一次核酸采样，每天在校接",
    "受两次体温检测。",
]


def test_a_subhead_after_a_piece_put_back_goes_with_that_piece_s_article() -> None:
    # the school report's column breaks off at ``可以选``; the extractor reads the AI
    # report's next column, then the rest of the school report's column (``择返校复学，…``)
    # with a subhead under it and the section the subhead opens.  The piece goes back after
    # the block it continues, and the subhead, stood right under the piece's last line,
    # is that article's subhead, not the title of another article
    articles = {a.headline: a for a in parse_text("\n".join(SUBHEAD_PAGE)).articles}
    assert "高考中考设专用考试方舱和应急考场" not in articles
    school = articles["复工复产人员可以通过公交通勤"]
    assert "高考中考设专用考试方舱和应急考场" in school.paragraphs
    assert school.paragraphs[-1].endswith("每天在校接受两次体温检测。")


FLOW_SUBHEAD_PAGE = [
    "发扬英模精神，助力打赢大",
    "上海保卫战",
    "本报讯（记者 夏国强 通",
    "讯员 黎杰桂）奋战抗疫一",
    "线，筑牢防控屏障；剑指违",
    "法犯罪，守护一方平安；深",
    "化“放管服”，用心为民解",
    "忧……党的十九大以来，上",
    "海公安机关深入贯彻习近平",
    "总书记系列重要讲话精神，",
    "忠实践行“对党忠诚、服务",
    "人民、执法公正、纪律严",
    "明”总要求，以风险防控“",
    "一平台、三体系”为路径构",
    "建新型现代警务机制，从严",
    "从细落实战疫情、助攻坚、",
    "防风险、保安全、护稳定各",
    "项措施，为城市经济社会发",
    "展提供有力保障。",
    "筑牢疫情防控屏障",
    "“我高血压的药没了，",
    "药送不进来怎么办？”",
    "“家里老人要去医院看",
    "病，能帮忙送一下吗？”",
    "",
    "“我要去单位值班，需",
    "要哪些证明？”",
    "……",
    "此轮疫情中，徐汇公安",
    "分局社区民警王瑞芳每天都",
    "会接到老百姓的各种求助。",
    "王瑞芳所负责的南丹南村从3",
    "月底开始实行管控，辖区内",
    "有5000多名居民，其中80岁",
    "以上的就有400多人。疫情防",
    "控任务重，百姓民生需求",
    "多，最难的时候，小区居委",
    "书记和主任都被隔离，王瑞",
    "芳主动扛起居委的工作任",
    "务，坚守防疫一线。",
    "“有事找他，准能帮忙",
    "解决!”居民陈阿姨说，“管",
    "控期间，很多看似不起眼的",
    "小事儿，都是群众的急事难",
    "事，老王都处理得特别",
    "好。”",
]


def test_a_subhead_read_straight_on_in_the_column_stays_in_its_article() -> None:
    # the lead (``奋战抗疫一线，筑牢防控屏障；…``) and the section under the subhead (a run
    # of quoted questions, then a police officer's day) share few words, but the subhead
    # comes right under the lead's last line and right over the section's first, with no
    # blank line: pdftotext sets one above a module's titles, so it is set in the column
    articles = {a.headline: a for a in parse_text("\n".join(FLOW_SUBHEAD_PAGE)).articles}
    assert list(articles) == ["发扬英模精神，助力打赢大上海保卫战"]
    report = articles["发扬英模精神，助力打赢大上海保卫战"]
    assert "筑牢疫情防控屏障" in report.paragraphs
    assert report.paragraphs[-1].endswith("老王都处理得特别好。”")
