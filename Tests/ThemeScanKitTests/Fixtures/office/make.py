#!/usr/bin/env python3
"""Writes the Office fixtures next to this script as real zip files, with Word- and Excel-like XML.

Run `python3 make.py` from anywhere; only the standard library is used. The outputs are committed.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"


def write_zip(name, entries):
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry_name, text in entries:
            info = zipfile.ZipInfo(entry_name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


def run(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}">
<w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{run("访谈记录")}</w:p>
<w:p>{run("访谈者：你觉得孩子有")}<w:proofErr w:type="spellStart"/>{run("抑")}<w:bookmarkStart w:id="0" w:name="b1"/>{run("郁症", bold=True)}<w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/>{run("吗？")}</w:p>
<w:p>{run("受访者：")}<w:del w:id="1" w:author="A"><w:r><w:delText>没有</w:delText></w:r></w:del><w:ins w:id="2" w:author="A">{run("有一点焦虑")}</w:ins>{run("。")}</w:p>
<w:p>{run("第一列")}<w:r><w:tab/></w:r>{run("第二列")}<w:r><w:br/></w:r>{run("下一行")}</w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{run("3")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:tbl>
<w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>
<w:tr><w:tc><w:p>{run("项目")}</w:p></w:tc><w:tc><w:p>{run("压力")}</w:p></w:tc></w:tr>
<w:tr><w:tc><w:p>{run("学校")}</w:p><w:p>{run("社区")}</w:p></w:tc><w:tc><w:p>{run("自")}{run("伤")}</w:p></w:tc></w:tr>
</w:tbl>
<w:p>{run("Teachers mention ")}{run("bul")}<w:proofErr w:type="gramStart"/>{run("lying")}<w:proofErr w:type="gramEnd"/>{run(" often.")}</w:p>
<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>
</w:body>
</w:document>
"""

DOCX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>
"""

DOCX_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PR}">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
"""


def xlsx(name, sheets, shared_strings=None):
    """sheets: list of (name, sheet xml body)."""
    workbook_sheets = "".join(
        f'<sheet name="{sheet_name}" sheetId="{index + 1}" r:id="rId{index + 1}"/>'
        for index, (sheet_name, _) in enumerate(sheets))
    rels = "".join(
        f'<Relationship Id="rId{index + 1}" Type="{R}/worksheet" Target="worksheets/sheet{index + 1}.xml"/>'
        for index in range(len(sheets)))
    if shared_strings is not None:
        rels += f'<Relationship Id="rId99" Type="{R}/sharedStrings" Target="sharedStrings.xml"/>'
    entries = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
        ("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PR}"><Relationship Id="rId1" Type="{R}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{S}" xmlns:r="{R}"><sheets>{workbook_sheets}</sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PR}">{rels}</Relationships>'),
    ]
    for index, (_, body) in enumerate(sheets):
        entries.append((f"xl/worksheets/sheet{index + 1}.xml",
                        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{S}"><sheetData>{body}</sheetData></worksheet>'))
    if shared_strings is not None:
        items = "".join(f"<si>{item}</si>" for item in shared_strings)
        entries.append(("xl/sharedStrings.xml",
                        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{S}" count="{len(shared_strings)}" uniqueCount="{len(shared_strings)}">{items}</sst>'))
    write_zip(name, entries)


def main():
    write_zip("interview.docx", [("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS), ("word/document.xml", DOCUMENT)])
    write_zip("no-document.docx", [("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS), ("word/styles.xml", f'<w:styles xmlns:w="{W}"/>')])
    write_zip("truncated-xml.docx", [("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS),
                                     ("word/document.xml", DOCUMENT[: DOCUMENT.index("<w:tbl>") + 40])])

    shared = [
        "<t>编号</t>",
        "<t>项目</t>",
        "<t>回答</t>",
        '<r><rPr><b/></rPr><t>抑</t></r><r><t xml:space="preserve">郁症 </t></r><r><t>很常见</t></r>',
        "<t>学校</t><rPh sb=\"0\" eb=\"1\"><t>がっこう</t></rPh>",
    ]
    survey = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>4</v></c><c r="D2" t="s"><v>3</v></c></row>'
        '<row r="4"><c r="A4"><v>2.5</v></c><c r="B4" t="b"><v>1</v></c><c r="C4"><f>A4*2</f><v>5</v></c>'
        '<c r="D4" t="str"><f>"压"&amp;"力"</f><v>压力</v></c></row>'
    )
    second = '<row r="1"><c r="A1" t="inlineStr"><is><t>第二页</t></is></c></row>'
    xlsx("survey.xlsx", [("问卷", survey), ("Notes", second)], shared)

    inline = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>case</t></is></c><c r="B1" t="inlineStr"><is><t>text</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>P01</t></is></c>'
        '<c r="B2" t="inlineStr"><is><r><t>孩子</t></r><r><t>压力大</t></r></is></c></row>'
        '<row><c t="inlineStr"><is><t>P02</t></is></c><c t="inlineStr"><is><t>no r attributes</t></is></c></row>'
    )
    xlsx("inline.xlsx", [("Sheet1", inline)])

    bad_index = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>'
    xlsx("bad-shared-string.xlsx", [("Sheet1", bad_index)], ["<t>ok</t>"])


if __name__ == "__main__":
    main()
