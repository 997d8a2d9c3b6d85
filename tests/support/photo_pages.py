"""Pieces of plain pages with photos, shared by the caption tests: a caption as narrow as a
body column (two lines, no credit), a datelined report under it, and a neighbouring report
with a title and a byline."""

from __future__ import annotations

from tests.support.extracted_lines import set_in_measure

NARROW_CAPTION = [
    "居民在新开张的社区食堂里挑选午餐，窗口前排起了长队，工作人",
    "员忙着为老人们打菜盛汤，饭菜价格比市面上低三成左右。",
]
CANTEEN_REPORT = [
    "本报讯（记者 张明远）城东新",
    *set_in_measure(
        "建的社区食堂上周开门迎客，每天中午都有两百多位老人前来用餐。街道还打算在食堂旁"
        "开设阅览室和棋牌室，让老人们吃完饭有地方坐一坐、聊一聊。",
        12,
    ),
]
BUS_REPORT = [
    "公交线路今起逐步恢复运营",
    "本报记者 王敏",
    *set_in_measure(
        "记者昨天从市交通委获悉，本市公交线路今起逐步恢复运营，首批恢复的线路覆盖"
        "主要交通枢纽和大型居住社区，乘客须佩戴口罩并配合测温。",
        12,
    ),
]
