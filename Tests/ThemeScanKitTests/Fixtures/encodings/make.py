#!/usr/bin/env python3
"""Writes the encoding fixtures with Python's codecs. Run from this folder: python3 make.py

The texts are synthetic (written for ThemeScan's tests); the same texts are spelled out in EncodingTests.swift.
"""

TRADITIONAL = (
    "訪談者：何姑娘你好，多謝你接受訪問。可以先講下心橋計劃是怎樣開始的嗎？\n"
    "受訪者：好呀。心橋大概是2021年開始的，當時我們幾間合作的中學都反映，校園欺凌的個案多了，"
    "尤其是疫情之後復課，同學之間的相處生疏了，摩擦特別多。所以我們就想做一個比較完整的反欺凌計劃，"
    "不只是出事之後處理，而是以預防為主。\n"
    "訪談者：你們講「欺凌」，台灣那邊多數叫「霸凌」，你覺得有分別嗎？\n"
    "受訪者：其實是同一件事。不過我們做培訓的時候會特別講清楚定義，就是要有重複性、有權力不平等，"
    "不是同學之間吵一次架就叫欺凌。這個好重要，因為家長有時候一聽到「霸凌」兩個字就好緊張。\n"
)

SIMPLIFIED = (
    "访谈者：先请您简单介绍一下向日葵这个项目，主要是做什么的？\n"
    "受访者：我们这个项目是2020年下半年开始的，主要是在县里的两所初中驻校，做学生的心理辅导。"
    "一开始其实学校只是想要一个人来上心理课，后来慢慢发现，光上课不够，很多孩子是需要一对一跟进的。\n"
    "访谈者：一对一跟进，是指个案吗？\n"
    "受访者：对，个案。我们现在基本上是按个案管理的思路在做，就是一个孩子进来以后，先做评估，然后定一个计划。\n"
)

ANSWERS = (
    "编号,年级,回答\n"
    "1,初一,有时候觉得很孤独，想家，晚上睡不着。\n"
    "2,初二,同学之间会有欺负人的事情，老师不太管。\n"
    "3,初一,希望学校多开心理健康课，能有人聊聊天。\n"
    "4,初三,考试压力很大，父母总是拿我和别人比较，有点焦虑。\n"
    "5,初二,手机用得太多了，自己也知道，可是停不下来。\n"
)


def write(name, data):
    with open(name, "wb") as file:
        file.write(data)


write("big5-transcript.txt", TRADITIONAL.encode("big5"))
write("gbk-answers.csv", ANSWERS.replace("\n", "\r\n").encode("gbk"))
write("utf16le-bom.txt", b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"))
write("utf16le-nobom.txt", SIMPLIFIED.encode("utf-16-le"))
write("utf16be-bom.txt", b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"))
write("utf8-bom.txt", b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"))
# A UTF-8 transcript with two broken places: a stray 0xFF after the first line, and a character cut short
# (its last byte dropped) in the third line.
first, second, third, rest = SIMPLIFIED.split("\n", 3)
broken = (first + "\n").encode() + b"\xff" + (second + "\n").encode()
cut = third.encode()
broken += cut[:6] + cut[8:] + b"\n" + rest.encode()
write("invalid-utf8.txt", broken)
# Binary data under a text name: a zip-like header, NULs and control bytes.
write("binary.txt", bytes(range(256)) * 4 + b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(64))
# A UTF-8 page whose meta tag says GB2312.
write(
    "declared-wrong.html",
    ('<html><head><meta charset="gb2312"><title>问卷</title></head><body><p>' + SIMPLIFIED
     + "</p></body></html>\n").encode("utf-8"),
)
# A GB2312 page that declares itself correctly.
write(
    "declared-right.html",
    ('<html><head><meta charset="gb2312"><title>问卷</title></head><body><p>' + SIMPLIFIED
     + "</p></body></html>\n").encode("gb2312"),
)

# What the files above must decode to, in UTF-8 with LF line ends.
write("expected-traditional.txt", TRADITIONAL.encode("utf-8"))
write("expected-simplified.txt", SIMPLIFIED.encode("utf-8"))
write("expected-answers.txt", ANSWERS.encode("utf-8"))
