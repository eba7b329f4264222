#!/usr/bin/env python3
"""Checks the generated corpus files and prints the text a reader should extract from them.

Standard library only: every zip part must parse as XML (xml.dom.minidom), the GBK CSV must decode and have the
same number of fields on every record, and the HTML pages must decode with the charset they declare. If openpyxl
and python-docx happen to be installed (for instance in a scratch virtual environment), the files are also
opened with them as an independent check; they are not needed otherwise.

    python3 transcripts/tools/check_office_files.py            # checks only
    python3 transcripts/tools/check_office_files.py --text     # also prints each DOCX's expected text
"""

import csv
import glob
import io
import os
import re
import sys
import zipfile
from xml.dom import minidom

CORPUS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def parse_all_parts(path):
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for name in names:
            minidom.parseString(archive.read(name))
        return names, {name: archive.read(name) for name in names}


def docx_text(document_xml):
    """The text Word shows with tracked changes accepted: insertions kept, deletions dropped, one line per
    paragraph, table cells joined by tabs."""
    dom = minidom.parseString(document_xml)
    body = dom.getElementsByTagNameNS(W, "body")[0]

    def paragraph_text(p):
        out = []

        def walk(node):
            for child in node.childNodes:
                if child.nodeType != child.ELEMENT_NODE:
                    continue
                if child.namespaceURI == W and child.localName == "del":
                    continue
                if child.namespaceURI == W and child.localName == "t":
                    out.append("".join(t.data for t in child.childNodes if t.nodeType == t.TEXT_NODE))
                else:
                    walk(child)
        walk(p)
        return "".join(out)

    lines = []
    for block in body.childNodes:
        if block.localName == "p":
            lines.append(paragraph_text(block))
        elif block.localName == "tbl":
            for row in block.getElementsByTagNameNS(W, "tr"):
                cells = [paragraph_text(c) for c in row.getElementsByTagNameNS(W, "tc")]
                lines.append("\t".join(cells))
    return "\n".join(lines)


def check_docx(path, show_text):
    names, parts = parse_all_parts(path)
    assert names[0] == "[Content_Types].xml", names
    assert {"_rels/.rels", "word/document.xml"} <= set(names), names
    xml = parts["word/document.xml"].decode("utf-8")
    for feature in ("<w:del ", "<w:delText", "<w:ins ", "<w:proofErr", "<w:bookmarkStart", "<w:tbl>"):
        assert feature in xml, (path, feature)
    text = docx_text(parts["word/document.xml"])
    try:
        import docx  # python-docx, optional
        paragraphs = [p.text for p in docx.Document(path).paragraphs]
        assert paragraphs[0].startswith("【合成示例"), paragraphs[0]
        extra = " python-docx: %d paragraphs, %d table(s)" % (len(paragraphs), len(docx.Document(path).tables))
    except ImportError:
        extra = ""
    print("ok  %s: %d characters of text%s" % (os.path.relpath(path, CORPUS), len(text), extra))
    if show_text:
        print(text)
        print()


def check_xlsx(path):
    names, parts = parse_all_parts(path)
    for name in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                 "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"):
        assert name in names, name
    try:
        import openpyxl  # optional
        sheet = openpyxl.load_workbook(path).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][0] == "序号" and rows[0][6] == "1、您所在的项目名称", rows[0]
        programs = {r[6] for r in rows[1:]}
        extra = " openpyxl: %d rows x %d columns, %d programs" % (len(rows) - 1, len(rows[0]), len(programs))
    except ImportError:
        extra = ""
    print("ok  %s%s" % (os.path.relpath(path, CORPUS), extra))


def check_csv(path):
    raw = open(path, "rb").read()
    assert b"\r\n" in raw and not re.search(rb"[^\r]\n", raw), "CRLF line ends only"
    text = raw.decode("gbk")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    widths = {len(r) for r in rows}
    assert len(widths) == 1, widths
    multiline = sum(1 for r in rows for c in r if "\n" in c)
    print("ok  %s: GBK, %d rows x %d columns, %d multi-line cells, %d programs"
          % (os.path.relpath(path, CORPUS), len(rows) - 1, len(rows[0]), multiline, len({r[6] for r in rows[1:]})))


def check_html(path):
    raw = open(path, "rb").read()
    declared = re.search(rb'charset="?([A-Za-z0-9_-]+)', raw).group(1).decode("ascii")
    text = raw.decode(declared)
    assert ('<div class="article">' in text) or ("<article>" in text)
    print("ok  %s: declared %s, decodes" % (os.path.relpath(path, CORPUS), declared))


def main():
    show_text = "--text" in sys.argv
    for path in sorted(glob.glob(os.path.join(CORPUS, "*", "*.docx"))):
        check_docx(path, show_text)
    for path in sorted(glob.glob(os.path.join(CORPUS, "*", "*.xlsx"))):
        check_xlsx(path)
    for path in sorted(glob.glob(os.path.join(CORPUS, "*", "*.csv"))):
        check_csv(path)
    for path in sorted(glob.glob(os.path.join(CORPUS, "*", "policy", "*.html"))):
        check_html(path)


if __name__ == "__main__":
    main()
