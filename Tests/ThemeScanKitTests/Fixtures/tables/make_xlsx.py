#!/usr/bin/env python3
"""Writes wenjuanxing.xlsx: the rows of wenjuanxing.csv as a one-sheet workbook with inline strings, as a
spreadsheet export of the same answers. Run from this folder."""

import csv
import zipfile
from xml.sax.saxutils import escape

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P = "http://schemas.openxmlformats.org/package/2006/relationships"


def letter(index):
    name = ""
    index += 1
    while index:
        index, digit = divmod(index - 1, 26)
        name = chr(65 + digit) + name
    return name


with open("wenjuanxing.csv", encoding="utf-8-sig", newline="") as source:
    rows = list(csv.reader(source))

sheet_rows = []
for number, row in enumerate(rows, start=1):
    cells = "".join(
        f'<c r="{letter(index)}{number}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'
        for index, value in enumerate(row) if value != "")
    sheet_rows.append(f'<row r="{number}">{cells}</row>')

entries = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>',
    "_rels/.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{P}">'
    f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{S}" xmlns:r="{R}"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{P}">'
    f'<Relationship Id="rId1" Type="{R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{S}"><sheetData>'
    + "".join(sheet_rows) + "</sheetData></worksheet>",
}

with zipfile.ZipFile("wenjuanxing.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
    for name, text in entries.items():
        info = zipfile.ZipInfo(name, date_time=(2024, 3, 5, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, text.encode("utf-8"))
