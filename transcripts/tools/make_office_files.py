#!/usr/bin/env python3
"""Builds the synthetic sample corpus's DOCX, XLSX, CSV and HTML files from the sources in tools/sources/.

Everything here is synthetic (see transcripts/README.md). Only the standard library is used (zipfile, json,
xml.sax.saxutils), so the files can be regenerated on any machine with Python 3.8+:

    python3 transcripts/tools/make_office_files.py

The output is deterministic: zip entries carry a fixed timestamp, so re-running the script on unchanged
sources gives byte-identical files.

Source formats
--------------
*.docx.source  one paragraph per line; an empty line is an empty paragraph. Inline markup:
               ¦               split the text into a new <w:r> here (Word splits runs at edits and spell-check)
               {{bm}}          a bookmark (start and end) at this point, e.g. inside a word
               {{proof:TEXT}}  TEXT wrapped in <w:proofErr w:type="spellStart"/> ... spellEnd
               {{del:TEXT}}    a tracked deletion (<w:del><w:r><w:delText>); not part of the document's text
               {{ins:TEXT}}    a tracked insertion (<w:ins><w:r><w:t>); part of the document's text
               A speaker label such as 访谈者： at the start of a line is set in its own bold run.
               {{table}} starts a table; each following line `a | b | c` is a row, up to {{/table}}.
questionnaire-*.json   {"header": [...], "rows": [[...], ...]}; a cell may contain "\n".
policy-*.html.source   first line: title; second line: issuing agency; third line: date; fourth: document
               number; the rest: article paragraphs. Encoding and page chrome are set in POLICY_PAGES below.
"""

import json
import os
import zipfile
from xml.sax.saxutils import escape

TOOLS = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(TOOLS, "sources")
CORPUS = os.path.dirname(TOOLS)
FIXED_TIME = (2024, 6, 1, 0, 0, 0)

SPEAKER_LABELS = ("访谈者：", "受访者：", "主持人：", "问：", "答：")

DOCX_FILES = [
    ("2021-p01-sunflower-school-counselling.docx.source", "2021/p01-sunflower-school-counselling.docx"),
    ("2021-p08-yangguang-hospital-school.docx.source", "2021/p08-yangguang-hospital-school.docx"),
    ("2024-p08-yangguang-hospital-school.docx.source", "2024/p08-yangguang-hospital-school.docx"),
    ("2024-p12-xinqing-online-counselling.docx.source", "2024/p12-xinqing-online-counselling.docx"),
]

# (source, output, charset declared in <meta>, Python codec used to write the bytes, page chrome variant)
POLICY_PAGES = [
    ("policy-2021-dongchuan-edu.html.source", "2021/policy/dongchuan-edu-2021-mental-health-notice.html",
     "gb2312", "gb2312", "province"),
    ("policy-2021-linjiang-reopening.html.source", "2021/policy/linjiang-2021-school-reopening-support.html",
     "utf-8", "utf-8", "city"),
    ("policy-2024-dongchuan-action-plan.html.source", "2024/policy/dongchuan-edu-2024-action-plan.html",
     "gb2312", "gb2312", "province"),
    ("policy-2024-xiling-bullying.html.source", "2024/policy/xiling-2024-bullying-prevention-notice.html",
     "utf-8", "utf-8", "city"),
]


def write_zip(path, parts):
    """Writes parts (name -> str) into a zip with fixed timestamps, [Content_Types].xml first as Office does."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


# ---------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REVISION_DATE = "2021-06-03T10:15:00Z"


def text_run(text, bold=False, font_hint=True):
    props = []
    if font_hint:
        props.append('<w:rFonts w:hint="eastAsia"/>')
    if bold:
        props.append("<w:b/>")
    rpr = "<w:rPr>%s</w:rPr>" % "".join(props) if props else ""
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, escape(text))


class DocxBuilder:
    def __init__(self):
        self.revision = 0
        self.bookmark = 0

    def next_revision(self):
        self.revision += 1
        return self.revision

    def inline(self, text):
        """Turns one paragraph's marked-up text into runs."""
        out = []
        i = 0
        toggle = False
        while i < len(text):
            if text.startswith("{{", i):
                end = text.index("}}", i)
                tag = text[i + 2:end]
                i = end + 2
                if tag == "bm":
                    self.bookmark += 1
                    out.append('<w:bookmarkStart w:id="%d" w:name="_Hlk%08d"/><w:bookmarkEnd w:id="%d"/>'
                               % (self.bookmark, 71000000 + self.bookmark, self.bookmark))
                elif tag.startswith("proof:"):
                    out.append('<w:proofErr w:type="spellStart"/>%s<w:proofErr w:type="spellEnd"/>'
                               % text_run(tag[6:]))
                elif tag.startswith("del:"):
                    out.append('<w:del w:id="%d" w:author="审校" w:date="%s"><w:r><w:rPr><w:rFonts w:hint="eastAsia"/>'
                               '</w:rPr><w:delText xml:space="preserve">%s</w:delText></w:r></w:del>'
                               % (900 + self.next_revision(), REVISION_DATE, escape(tag[4:])))
                elif tag.startswith("ins:"):
                    out.append('<w:ins w:id="%d" w:author="审校" w:date="%s">%s</w:ins>'
                               % (900 + self.next_revision(), REVISION_DATE, text_run(tag[4:])))
                else:
                    raise ValueError("unknown markup {{%s}}" % tag)
                continue
            j = i
            while j < len(text) and text[j] != "¦" and not text.startswith("{{", j):
                j += 1
            if j > i:
                # alternate between runs with and without the East Asian font hint, as Word does after edits
                out.append(text_run(text[i:j], font_hint=not toggle))
            if j < len(text) and text[j] == "¦":
                toggle = not toggle
                j += 1
            i = j
        return "".join(out)

    def paragraph(self, line):
        if not line:
            return "<w:p/>"
        for label in SPEAKER_LABELS:
            if line.startswith(label):
                return "<w:p>%s%s</w:p>" % (text_run(label, bold=True), self.inline(line[len(label):]))
        return "<w:p>%s</w:p>" % self.inline(line)

    def table(self, rows):
        grid = "".join('<w:gridCol w:w="%d"/>' % (9000 // len(rows[0])) for _ in rows[0])
        body = []
        for row in rows:
            cells = []
            for cell in row:
                cells.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr><w:p>%s</w:p></w:tc>'
                             % (9000 // len(row), self.inline(cell)))
            body.append("<w:tr>%s</w:tr>" % "".join(cells))
        return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
                '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr>'
                '<w:tblGrid>%s</w:tblGrid>%s</w:tbl>' % (grid, "".join(body)))

    def document(self, lines):
        blocks = []
        table_rows = None
        for line in lines:
            if line == "{{table}}":
                table_rows = []
            elif line == "{{/table}}":
                blocks.append(self.table(table_rows))
                table_rows = None
            elif table_rows is not None:
                table_rows.append([cell.strip() for cell in line.split("|")])
            else:
                blocks.append(self.paragraph(line))
        section = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" '
                   'w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="%s" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<w:body>%s%s</w:body></w:document>' % (W_NS, "".join(blocks), section))


def make_docx(source, output):
    with open(os.path.join(SOURCES, source), encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")
    document = DocxBuilder().document(lines)
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '</Types>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>')
    write_zip(os.path.join(CORPUS, output),
              [("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/document.xml", document)])


# ---------------------------------------------------------------- XLSX

def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def make_xlsx(source, output):
    with open(os.path.join(SOURCES, source), encoding="utf-8") as f:
        data = json.load(f)
    strings = []
    string_index = {}

    def shared(text):
        if text not in string_index:
            string_index[text] = len(strings)
            strings.append(text)
        return string_index[text]

    rows_xml = []
    for r, row in enumerate([data["header"]] + data["rows"], start=1):
        cells = []
        for c, value in enumerate(row):
            ref = "%s%d" % (column_letter(c), r)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, value))
            else:
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, shared(str(value))))
        rows_xml.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    last = "%s%d" % (column_letter(len(data["header"]) - 1), len(data["rows"]) + 1)
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             '<dimension ref="A1:%s"/><sheetData>%s</sheetData></worksheet>' % (last, "".join(rows_xml)))

    def si(text):
        space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
        return "<si><t%s>%s</t></si>" % (space, escape(text))

    shared_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" '
                  'uniqueCount="%d">%s</sst>'
                  % (sum(1 for r in [data["header"]] + data["rows"] for v in r if not isinstance(v, (int, float))),
                     len(strings),
                     "".join(si(s) for s in strings)))
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>'
                % escape(data["sheet"]))
    workbook_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>')
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '</Types>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>')
    write_zip(os.path.join(CORPUS, output), [
        ("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_rels), ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", shared_xml)])


# ---------------------------------------------------------------- CSV (GBK, CRLF)

def csv_field(value):
    text = str(value)
    if any(ch in text for ch in ',"\r\n'):
        return '"%s"' % text.replace('"', '""')
    return text


def make_gbk_csv(source, output):
    with open(os.path.join(SOURCES, source), encoding="utf-8") as f:
        data = json.load(f)
    lines = []
    for row in [data["header"]] + data["rows"]:
        # a line break inside a cell stays CRLF too, as Excel writes it
        lines.append(",".join(csv_field(v).replace("\n", "\r\n") for v in row))
    path = os.path.join(CORPUS, output)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("gbk"))


# ---------------------------------------------------------------- HTML policy pages

PROVINCE_CHROME = {
    "site": "东川省教育厅", "nav": ["首页", "机构概况", "政务公开", "政策文件", "办事服务", "互动交流"],
    "sidebar": ["通知公告", "省教育厅关于做好秋季学期开学工作的通知", "关于公布2021年省级示范性家长学校名单的通知",
                "全省中小学体育工作现场会召开", "关于征集中小学优秀班会课案例的通知"],
}
CITY_CHROME = {
    "site": "临江市教育局", "nav": ["首页", "新闻中心", "信息公开", "教育服务", "专题专栏", "联系我们"],
    "sidebar": ["热点专题", "“双减”工作专栏", "校园安全", "家校共育", "心理健康教育专栏"],
}


def make_policy(source, output, declared, codec, chrome_name):
    with open(os.path.join(SOURCES, source), encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")
    title, agency, date, number = lines[:4]
    body = lines[4:]
    chrome = dict(PROVINCE_CHROME if chrome_name == "province" else CITY_CHROME)
    if chrome_name == "city":
        chrome["site"] = agency
    nav = "".join('<li><a href="/%d/">%s</a></li>' % (i, escape(n)) for i, n in enumerate(chrome["nav"]))
    side = "".join('<li><a href="/news/%d.html">%s</a></li>' % (i, escape(n))
                   for i, n in enumerate(chrome["sidebar"][1:], 1))
    paragraphs = []
    for p in body:
        if not p:
            continue
        if p.startswith("## "):
            paragraphs.append("<h3>%s</h3>" % escape(p[3:]))
        else:
            paragraphs.append("<p>%s</p>" % escape(p))
    # old provincial sites declare the charset with <meta charset>; the city sites use the http-equiv form
    charset_meta = ('<meta charset="%s">' % declared if chrome_name == "province"
                    else '<meta http-equiv="Content-Type" content="text/html; charset=%s">' % declared)
    article_open, article_close = (('<div class="article">', "</div>") if chrome_name == "province"
                                   else ("<article>", "</article>"))
    html = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
{charset_meta}
<title>{title} - {site}</title>
<meta name="description" content="虚构示例页面，仅供ThemeScan测试">
<link rel="stylesheet" href="/static/css/main.css">
<style>
body {{ font-family: "Microsoft YaHei", SimSun, sans-serif; margin: 0; }}
.header {{ background: #b3262e; color: #fff; padding: 12px 40px; }}
.nav li {{ display: inline-block; margin-right: 18px; }}
.sidebar {{ float: right; width: 260px; }}
/* 预防样式冲突：正文区域单独设置行高 */
.article p {{ line-height: 1.9; text-indent: 2em; }}
</style>
<script type="text/javascript">
var _hmt = _hmt || [];
// 统计代码：页面访问量（心理健康专栏）
function setFontSize(size) {{ document.getElementById("zoom").style.fontSize = size + "px"; }}
</script>
</head>
<body>
<div class="header">
  <div class="logo"><img src="/static/img/logo.png" alt="{site}"> {site}</div>
  <div class="search"><form action="/search"><input type="text" name="q" placeholder="请输入关键词，如：心理健康"><button>搜索</button></form></div>
</div>
<ul class="nav">{nav}</ul>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</div>
<div class="container">
  <div class="sidebar">
    <h4>{side_title}</h4>
    <ul>{side}</ul>
    <div class="qr">扫码关注官方微信</div>
  </div>
  <div class="main">
    {article_open}
      <h1>{title}</h1>
      <div class="meta">发布机构：{agency}　文号：{number}　发布日期：{date}　字号：<a href="javascript:setFontSize(18)">大</a> <a href="javascript:setFontSize(16)">中</a> <a href="javascript:setFontSize(14)">小</a></div>
      <div id="zoom">
      {paragraphs}
      </div>
      <p class="signature">{agency}<br>{date}</p>
    {article_close}
    <div class="share">分享到：微信 微博　<a href="javascript:window.print()">打印本页</a>　<a href="javascript:window.close()">关闭窗口</a></div>
  </div>
</div>
<div class="footer">
  <p>【合成示例】本页面及其中的机构、文号和内容均为虚构，仅供ThemeScan软件测试，不是真实政策文件。</p>
  <p>主办单位：{site}（虚构）　网站标识码：0000000000　备案号：示例ICP备00000000号</p>
</div>
<script>
document.querySelectorAll(".nav a").forEach(function (a) {{ a.title = "心理健康 教育 欺凌 抑郁"; }});
</script>
</body>
</html>
""".format(charset_meta=charset_meta, title=escape(title), site=escape(chrome["site"]), nav=nav,
           side_title=escape(chrome["sidebar"][0]), side=side, article_open=article_open,
           article_close=article_close, agency=escape(agency), number=escape(number), date=escape(date),
           paragraphs="\n      ".join(paragraphs))
    path = os.path.join(CORPUS, output)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(html.replace("\n", "\r\n").encode(codec))


def main():
    for source, output in DOCX_FILES:
        make_docx(source, output)
    make_xlsx("questionnaire-2024.json", "2024/questionnaire-2024-wjx-export.xlsx")
    make_gbk_csv("questionnaire-2021.json", "2021/questionnaire-2021-wjx-export-gbk.csv")
    for source, output, declared, codec, chrome in POLICY_PAGES:
        make_policy(source, output, declared, codec, chrome)


if __name__ == "__main__":
    main()
