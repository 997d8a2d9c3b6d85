"""A column broken off in mid-sentence on a page extracted by pdftotext, with the text
around the cut read as another article's: the paragraph holding the cut taken for the title
of the article read next.

The pages are as pdftotext gives them (bench/extracted.py's): no blank line between a title
and its body or between paragraphs, a paragraph's first line two em short of the column, a
blank line where a column ends."""

from __future__ import annotations

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
