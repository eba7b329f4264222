#!/usr/bin/env python3
"""Writes gbk-excel.csv: a survey table as Excel on Chinese Windows saves "CSV (逗号分隔)": GBK bytes, no BOM,
CRLF between records, LF inside quoted multi-line cells, quotes doubled. Run from this folder."""

rows = [
    ["编号", "项目名称", "您觉得孩子们最大的困难是什么？"],
    ["1", "阳光项目", '老师说"要坚持"\n但是家长不理解孩子的憂鬱'],
    ["2", "彩虹项目", "学习压力大，缺少心理老师，很多孩子的父母在外地打工，平时没有人陪伴他们聊天"],
    ["3", "希望项目", "校园欺凌时有发生\n孩子不敢告诉老师，也不愿意和家长沟通自己的情绪问题"],
]


def field(text):
    if any(mark in text for mark in [",", '"', "\n", "\r"]):
        return '"' + text.replace('"', '""') + '"'
    return text


data = "\r\n".join(",".join(field(cell) for cell in row) for row in rows) + "\r\n"
with open("gbk-excel.csv", "wb") as out:
    out.write(data.encode("gbk"))
