"""The parts of a spreadsheet package around its sheets (sessions/xlsx.py):
the workbook with its sheets' names and filters, the styles, the
relationships and the content types. Pure: stdlib only."""

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml."


STYLES = (
    XML_HEAD + f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/>'
    '</font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '</fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '</borders><cellStyleXfs count="1">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
    'applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" '
    'applyNumberFormat="1"/></cellXfs><cellStyles count="1">'
    '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def parts(sheets: Sequence[tuple[str, str | None]]) -> list[tuple[str, str]]:
    """Each part's name in the zip and its XML, for sheets given as (name, the
    filter's area or None), numbered from 1 in order."""
    count = len(sheets)
    numbers = range(1, count + 1)
    listed = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{n}" r:id="rId{n}"/>'
        for n, (name, _area) in zip(numbers, sheets, strict=True)
    )
    # Excel's own name for a filter's range, the sheet's name quoted.
    filters = "".join(
        '<definedName name="_xlnm._FilterDatabase" '
        f'localSheetId="{n - 1}" hidden="1">'
        + escape("'" + name.replace("'", "''") + "'!" + area)
        + "</definedName>"
        for n, (name, area) in zip(numbers, sheets, strict=True)
        if area
    )
    workbook = (
        XML_HEAD + f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
        f"<sheets>{listed}</sheets>"
        + (f"<definedNames>{filters}</definedNames>" if filters else "")
        + "</workbook>"
    )
    relations = "".join(
        f'<Relationship Id="rId{n}" Type="{RELS}/worksheet" '
        f'Target="worksheets/sheet{n}.xml"/>'
        for n in numbers
    ) + (
        f'<Relationship Id="rId{count + 1}" Type="{RELS}/styles" Target="styles.xml"/>'
    )
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
        f'ContentType="{CONTENT_TYPE}worksheet+xml"/>'
        for n in numbers
    )
    return [
        ("xl/workbook.xml", workbook),
        ("xl/styles.xml", STYLES),
        (
            "xl/_rels/workbook.xml.rels",
            XML_HEAD + f'<Relationships xmlns="{PACKAGE_RELS}">'
            f"{relations}</Relationships>",
        ),
        (
            "_rels/.rels",
            XML_HEAD + f'<Relationships xmlns="{PACKAGE_RELS}">'
            f'<Relationship Id="rId1" Type="{RELS}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        ),
        (
            "[Content_Types].xml",
            XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            f'ContentType="{CONTENT_TYPE}sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            f'ContentType="{CONTENT_TYPE}styles+xml"/>{types}</Types>',
        ),
    ]
