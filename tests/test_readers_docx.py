"""The .docx reader on small packages the tests write: styles and outline levels, Word
auto-numbering rendered as printed, tracked changes accepted, fields, notes, tables, pictures,
text boxes, formatting evidence, and hostile packages."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from docx_package import make_docx, p, r
from wengao.errors import DocumentError
from wengao.reading import limits as limits_mod
from wengao.reading import read_raw
from wengao.reading.wordnum import format_number


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English wording of the messages (tests default to Chinese)."""
    monkeypatch.setenv("WENGAO_LANG", "en")


STYLES = """
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>
  <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="公文二级标题"/><w:basedOn w:val="2"/></w:style>
<w:style w:type="paragraph" w:styleId="NoLevel"><w:name w:val="heading 3"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/></w:pPr>
  <w:rPr><w:sz w:val="44"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
"""


def read(tmp_path: Path, body: str, **parts: object):
    return read_raw(make_docx(tmp_path / "t.docx", body, **parts))


def texts(raw) -> list[str]:
    return [p.text for p in raw.paras]


# -- styles, levels, positions ---------------------------------------------------------------


def test_style_names_outline_levels_and_empty_paragraphs(tmp_path: Path) -> None:
    body = (p("标题", '<w:pStyle w:val="Title"/>') + p() + p("一、总体要求", '<w:pStyle w:val="1"/>')
            + p("（一）指导思想", '<w:pStyle w:val="MyHead"/>') + p("第三级", '<w:pStyle w:val="NoLevel"/>')
            + p("直接大纲级别", '<w:outlineLvl w:val="2"/>') + p("正文", '<w:pStyle w:val="1"/><w:outlineLvl w:val="9"/>')
            + p("正文"))
    raw = read(tmp_path, body, styles=STYLES)
    got = [(p.pos, p.text, p.style, p.outline_level) for p in raw.paras]
    assert got == [(1, "标题", "Title", None), (2, "", "Normal", None), (3, "一、总体要求", "heading 1", 0),
                   (4, "（一）指导思想", "公文二级标题", 1), (5, "第三级", "heading 3", 2),
                   (6, "直接大纲级别", "Normal", 2), (7, "正文", "heading 1", None), (8, "正文", "Normal", None)]


def test_python_docx_heading_styles(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("文稿标题", 0)
    d.add_heading("一、总体要求", 1)
    d.add_heading("（一）指导思想", 2)
    d.add_paragraph("正文段落。")
    d.save(tmp_path / "p.docx")
    raw = read_raw(tmp_path / "p.docx")
    assert [(p.text, p.style.lower(), p.outline_level) for p in raw.paras] == [
        ("文稿标题", "title", None), ("一、总体要求", "heading 1", 0), ("（一）指导思想", "heading 2", 1),
        ("正文段落。", "normal", None)]


# -- auto-numbering --------------------------------------------------------------------------

NUMBERING = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%4"/><w:isLgl/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%2"/><w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
"""


def num(num_id: int, ilvl: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def test_chinese_auto_numbering_with_levels_and_restarts(tmp_path: Path) -> None:
    body = (p("总体要求", num(1, 0)) + p("指导思想", num(1, 1)) + p("基本原则", num(1, 1))
            + p("坚持党的领导", num(1, 2)) + p("坚持人民至上", num(1, 2)) + p("细目", num(1, 3))
            + p("正文段落，没有编号。") + p("主要任务", num(1, 0)) + p("重点工作", num(1, 1))
            + p("事项", num(1, 2)))
    raw = read(tmp_path, body, numbering=NUMBERING)
    assert texts(raw) == ["一、总体要求", "（一）指导思想", "（二）基本原则", "1.坚持党的领导", "2.坚持人民至上",
                          "1.2.1 细目", "正文段落，没有编号。", "二、主要任务", "（一）重点工作", "1.事项"]
    assert [p.auto_number for p in raw.paras] == ["一、", "（一）", "（二）", "1.", "2.", "1.2.1", "", "二、",
                                                  "（一）", "1."]


def test_eleven_sections_and_other_formats(tmp_path: Path) -> None:
    body = "".join(p(f"第{i}部分", num(1, 0)) for i in range(11))
    body += p("甲", num(2)) + p("乙", num(2))
    body += p("A", num(3, 0)) + p("i", num(3, 1)) + p("B", num(3, 0)) + p("ii", num(3, 1))
    body += p("restarted", num(4, 0)) + p("continued", num(3, 0)) + p("bullet", num(5)) + p("none", num(0))
    raw = read(tmp_path, body, numbering=NUMBERING)
    got = [p.auto_number for p in raw.paras]
    assert got[9:11] == ["十、", "十一、"]
    # numIds 3 and 4 share one abstract: 4 restarts it (startOverride), 3 then continues it
    assert got[11:] == ["③", "④", "A)", "i", "B)", "ii", "A)", "B)", "•", ""]
    assert raw.paras[13].text == "A) A"  # a tab after the number reads as a space


def test_numbering_from_a_style_and_a_linked_level(tmp_path: Path) -> None:
    styles = STYLES + """
<w:style w:type="paragraph" w:styleId="H1num"><w:name w:val="一级标题"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H2num"><w:name w:val="二级标题"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
"""
    numbering = """
<w:abstractNum w:abstractNumId="9">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/><w:pStyle w:val="H1num"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/><w:pStyle w:val="H2num"/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="9"/></w:num>
"""
    body = (p("甲", '<w:pStyle w:val="H1num"/>') + p("乙", '<w:pStyle w:val="H2num"/>')
            + p("丙", '<w:pStyle w:val="H2num"/>') + p("丁", '<w:pStyle w:val="H1num"/>')
            + p("不编号", '<w:pStyle w:val="H1num"/><w:numPr><w:numId w:val="0"/></w:numPr>'))
    raw = read(tmp_path, body, styles=styles, numbering=numbering)
    assert texts(raw) == ["一、甲", "（一）乙", "（二）丙", "二、丁", "不编号"]


def test_number_formats() -> None:
    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 99, 100)] == \
        ["一", "十", "十一", "二十", "九十九", "一〇〇"]
    assert [format_number(n, "chineseCountingThousand") for n in (10, 15, 101, 110, 1000, 1010)] == \
        ["十", "十五", "一百零一", "一百一十", "一千", "一千零一十"]
    assert format_number(12, "chineseLegalSimplified") == "壹拾贰"
    assert [format_number(n, "ideographTraditional") for n in (1, 10)] == ["甲", "癸"]
    assert [format_number(n, "decimalEnclosedCircle") for n in (1, 20, 21)] == ["①", "⑳", "21"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14)] == ["IV", "IX", "XIV"]
    assert format_number(27, "lowerLetter") == "aa" and format_number(3, "decimalZero") == "03"


# -- tracked changes, fields, hidden text -------------------------------------------------------


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    ins = '<w:ins w:id="1" w:author="x">' + r("新增") + "</w:ins>"
    dele = '<w:del w:id="2" w:author="x"><w:r><w:delText>删除</w:delText></w:r></w:del>'
    moved_from = '<w:moveFrom w:id="3" w:author="x">' + r("挪走") + "</w:moveFrom>"
    moved_to = '<w:moveTo w:id="4" w:author="x">' + r("挪来") + "</w:moveTo>"
    body = (f"<w:p>{r('保留')}{ins}{dele}{moved_from}{moved_to}</w:p>"
            + '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="x"/></w:rPr></w:pPr>' + r("前半句，") + "</w:p>"
            + p("后半句。") + p("下一段")
            + '<w:p><w:pPr><w:rPr><w:del w:id="6" w:author="x"/></w:rPr></w:pPr>' + r("甲") + "</w:p>"
            + '<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="x"/></w:rPr></w:pPr>' + r("乙")
            + '<w:r><w:footnoteReference w:id="9"/></w:r></w:p>' + p("丙"))
    raw = read(tmp_path, body)
    assert texts(raw) == ["保留新增挪来", "前半句，后半句。", "下一段", "甲乙丙"]
    assert [p.pos for p in raw.paras] == [1, 2, 4, 5]
    assert [o.offset for o in raw.paras[3].objects] == [2]


def test_fields_results_in_codes_out(tmp_path: Path) -> None:
    complex_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("2024年5月20日")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    nested = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("9") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
              '<w:r><w:instrText> = 1 "a" "b"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
              + r("b") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    simple = '<w:fldSimple w:instr=" AUTHOR ">' + r("张某某") + "</w:fldSimple>"
    link = '<w:hyperlink r:id="rIdX">' + r("网站") + "</w:hyperlink>"
    hidden = r("隐藏", "<w:vanish/>")
    body = (f"<w:p>{r('日期：')}{complex_field}</w:p><w:p>{nested}</w:p><w:p>{simple}{link}{hidden}</w:p>")
    raw = read(tmp_path, body)
    assert texts(raw) == ["日期：2024年5月20日", "b", "张某某网站"]


def test_field_spanning_paragraphs_like_a_table_of_contents(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o "1-3"</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("一、总体要求\t1") + "</w:p>"
            + "<w:p>" + r("二、主要任务\t3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' + p("正文"))
    assert texts(read(tmp_path, body)) == ["一、总体要求\t1", "二、主要任务\t3", "正文"]


# -- breaks, tabs, sdt, smart tags ----------------------------------------------------------


def test_breaks_tabs_and_wrappers(tmp_path: Path) -> None:
    body = ("<w:p>" + r("第一行") + "<w:r><w:br/><w:t>第二行</w:t><w:tab/><w:t>制表</w:t></w:r></w:p>"
            + "<w:p>" + r("分页前") + '<w:r><w:br w:type="page"/></w:r></w:p>'
            + p("新页")
            + '<w:sdt><w:sdtPr/><w:sdtContent>' + p("控件段落") + "</w:sdtContent></w:sdt>"
            + '<w:p><w:smartTag w:uri="u" w:element="place">' + r("北京") + '</w:smartTag>'
            + '<w:sdt><w:sdtContent>' + r("内联控件") + '</w:sdtContent></w:sdt>'
            + '<w:customXml w:element="x">' + r("自定义") + "</w:customXml></w:p>"
            + p("另起一页", "<w:pageBreakBefore/>")
            + '<w:p><w:r><w:br w:type="page"/><w:t>段首分页</w:t></w:r></w:p>'
            + '<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr>' + r("节末") + "</w:p>"
            + p("新节"))
    raw = read(tmp_path, body)
    assert texts(raw) == ["第一行\n第二行\t制表", "分页前", "新页", "控件段落", "北京内联控件自定义", "另起一页",
                          "段首分页", "节末", "新节"]
    assert [p.page_break_before for p in raw.paras] == [False, False, True, False, False, True, True, False, True]
    assert [p.pos for p in raw.paras] == list(range(1, 10))


# -- notes, tables, pictures, text boxes ------------------------------------------------------------


def test_footnotes_and_endnotes(tmp_path: Path) -> None:
    footnotes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>' + r(" 见《条例》第三条。") + "</w:p></w:footnote>")
    endnotes = '<w:endnote w:id="2"><w:p>' + r("尾注内容") + "</w:p></w:endnote>"
    body = ("<w:p>" + r("依照条例") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r("执行")
            + '<w:r><w:endnoteReference w:id="2"/></w:r></w:p>')
    raw = read(tmp_path, body, footnotes=footnotes, endnotes=endnotes)
    para = raw.paras[0]
    assert para.text == "依照条例执行"
    assert [(o.offset, o.kind, o.text) for o in para.objects] == [(4, "footnote", "见《条例》第三条。"),
                                                                  (6, "endnote", "尾注内容")]


def cell(content: str, tcpr: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{tcpr}</w:tcPr>' if tcpr else ''}{content}</w:tc>"


def test_a_table_takes_one_position(tmp_path: Path) -> None:
    nested = "<w:tbl><w:tr>" + cell(p("甲")) + cell(p("乙")) + "</w:tr><w:tr>" + cell(p("丙")) + cell(p("丁")) + "</w:tr></w:tbl>"
    table = ("<w:tbl><w:tblPr/><w:tr>" + cell(p("项目")) + cell(p("负责单位")) + "</w:tr>"
             + "<w:tr>" + cell(p("第一行") + p("第二行")) + cell(p("县委办") + nested) + "</w:tr>"
             + '<w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr>' + cell(p("删除行")) + cell(p("")) + "</w:tr>"
             + "<w:tr>" + cell(p("合并"), '<w:gridSpan w:val="2"/>') + "</w:tr></w:tbl>")
    raw = read(tmp_path, p("前") + table + p("后"))
    assert [p.pos for p in raw.paras] == [1, 2, 3]
    t = raw.paras[1]
    assert t.is_table and not raw.paras[0].is_table
    assert t.rows == (("项目", "负责单位"), ("第一行\n第二行", "县委办\n甲\t乙\n丙\t丁"), ("合并",))
    assert "负责单位" in t.text and "丁" in t.text and "删除行" not in t.text


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


def test_pictures_drawingml_and_vml(tmp_path: Path) -> None:
    drawing = ('<w:r><w:drawing><wp:inline><wp:extent cx="1828800" cy="914400"/><a:graphic><a:graphicData>'
               '<pic:pic><pic:blipFill><a:blip r:embed="rIdImg1"/></pic:blipFill></pic:pic>'
               "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")
    vml = ('<w:r><w:pict><v:shape style="width:72pt;height:36pt"><v:imagedata r:id="rIdImg2"/></v:shape>'
           "</w:pict></w:r>")
    body = "<w:p>" + r("图：") + drawing + r("说明") + vml + "</w:p>"
    raw = read(tmp_path, body, media={"image1.png": PNG, "image2.png": PNG + b"2"})
    objs = raw.paras[0].objects
    assert raw.paras[0].text == "图：说明"
    assert [(o.offset, o.kind, o.part, o.width_emu, o.height_emu) for o in objs] == [
        (2, "image", "word/media/image1.png", 1828800, 914400), (4, "image", "word/media/image2.png", 914400, 457200)]
    assert objs[0].data == PNG and objs[1].data == PNG + b"2"


def test_text_box_text_kept_once(tmp_path: Path) -> None:
    box = "<w:txbxContent>" + p("××县人民政府文件") + p("县政发〔2024〕1号") + "</w:txbxContent>"
    alternate = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:extent cx="1" cy="1"/>'
                 f"<a:graphic><a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
                 f"</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox>"
                 "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    body = "<w:p>" + alternate + "</w:p>" + "<w:p>" + r("正文前") + alternate + r("正文后") + "</w:p>"
    raw = read(tmp_path, body)
    assert texts(raw) == ["××县人民政府文件\n县政发〔2024〕1号", "正文前\n××县人民政府文件\n县政发〔2024〕1号\n正文后"]


# -- formatting evidence ------------------------------------------------------------------------

THEME = """<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="t">
<a:themeElements><a:fontScheme name="f"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>
<a:font script="Hans" typeface="黑体"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="仿宋"/>
<a:cs typeface=""/></a:minorFont></a:fontScheme></a:themeElements></a:theme>"""


def test_formatting_evidence(tmp_path: Path) -> None:
    body = (p("标题", '<w:pStyle w:val="Title"/>', "<w:b/>")
            + p("一、黑体标题", '<w:pStyle w:val="1"/>')
            + "<w:p>" + r("加粗引领句。", '<w:rStyle w:val="Strong"/>') + r("后面是正文，正文比引领句长得多。") + "</w:p>"
            + p("正文", '<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>', "<w:sz w:val=\"32\"/>")
            + p("主题字体", '<w:ind w:firstLine="640"/>', '<w:rFonts w:eastAsiaTheme="majorEastAsia"/><w:sz w:val="32"/>')
            + p("次主题", "", '<w:rFonts w:eastAsia="宋体" w:eastAsiaTheme="minorEastAsia"/><w:b w:val="0"/>'))
    raw = read(tmp_path, body, styles=STYLES, theme=THEME)
    got = [(p.bold, p.size, p.align, p.east_asia, p.indent_chars) for p in raw.paras]
    assert got == [
        (True, 22.0, "center", "宋体", 0),
        (True, 16.0, "", "黑体", 0),
        (None, 10.5, "", "宋体", 0),
        (False, 16.0, "both", "宋体", 2.0),
        (False, 16.0, "", "黑体", 2.0),
        (False, 10.5, "", "仿宋", 0),
    ]


# -- hostile packages ------------------------------------------------------------------------


def one_error(path: Path) -> str:
    with pytest.raises(DocumentError) as info:
        read_raw(path)
    assert len(info.value.diagnostics) == 1
    return info.value.diagnostics[0].message


def test_zip_bomb_part_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits_mod, "MAX_PART_BYTES", 1 << 20)
    f = make_docx(tmp_path / "bomb.docx", p("x") + "<w:p>" + " " * (3 << 20) + "</w:p>")
    assert f.stat().st_size < 100_000
    start = time.perf_counter()
    message = one_error(f)
    assert "word/document.xml" in message and "1 MB" in message
    assert time.perf_counter() - start < 2


def test_total_budget_across_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits_mod, "MAX_PACKAGE_BYTES", 50_000)
    media = {f"image{i}.png": b"\x00" * 20_000 for i in range(1, 4)}
    pics = "".join(f'<w:r><w:pict><v:shape><v:imagedata r:id="rIdImg{i}"/></v:shape></w:pict></w:r>' for i in range(1, 4))
    f = make_docx(tmp_path / "many.docx", f"<w:p>{pics}</w:p>", media=media)
    assert "expands beyond" in one_error(f)


def test_lying_size_in_the_zip_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A part whose header declares a small size but whose data inflates to more: reading stops."""
    monkeypatch.setattr(limits_mod, "MAX_PART_BYTES", 1 << 20)
    f = make_docx(tmp_path / "lie.docx", "<w:p>" + " " * (2 << 20) + "</w:p>")
    data = bytearray(f.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    fake = (1000).to_bytes(4, "little")
    data = bytes(data).replace(real, fake)  # local header and central directory both
    f.write_bytes(data)
    message = one_error(f)
    assert "damaged" in message or "malformed" in message or "expands" in message


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    lol = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
           + "".join(f'<!ENTITY {c} "{("&" + p_ + ";") * 10}">' for p_, c in zip("abcdefgh", "bcdefghi", strict=True))
           + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>')
    f = make_docx(tmp_path / "lol.docx", "")
    with zipfile.ZipFile(f) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = lol.encode()
    with zipfile.ZipFile(f, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    start = time.perf_counter()
    one_error(f)
    assert time.perf_counter() - start < 2


def test_a_dtd_is_refused(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "dtd.docx", "")
    with zipfile.ZipFile(f) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "外部">]><w:document '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t>'
        "</w:r></w:p></w:body></w:document>").encode()
    with zipfile.ZipFile(f, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    assert "DTD" in one_error(f)


def test_too_many_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits_mod, "MAX_ZIP_ENTRIES", 10)
    f = make_docx(tmp_path / "many.docx", p("x"), media={f"i{i}.png": b"x" for i in range(20)})
    assert "holds" in one_error(f)


def test_malformed_xml_is_located(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "bad.docx", "<w:p><w:r><w:t>未闭合</w:r></w:p>")
    message = one_error(f)
    assert "word/document.xml" in message and "line 1" in message


def test_truncated_docx(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "cut.docx", p("正文" * 500))
    f.write_bytes(f.read_bytes()[:-200])
    assert one_error(f)


# -- speed -----------------------------------------------------------------------------------


def test_a_30000_character_docx_reads_fast(tmp_path: Path) -> None:
    sentence = "坚持以人民为中心的发展思想，扎实推进共同富裕，不断增强人民群众获得感幸福感安全感。"
    body = "".join(
        p(f"第{i}部分", num(1, 0)) + "".join(
            '<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr>' + r("一是", "<w:b/>")
            + "".join(r(clause + "，", '<w:rFonts w:eastAsia="仿宋"/><w:sz w:val="32"/>')
                      for clause in sentence.split("，") * 6)  # Word splits text into many runs
            + "</w:p>" for _ in range(9)) for i in range(15))
    f = make_docx(tmp_path / "long.docx", body, styles=STYLES, numbering=NUMBERING)
    read_raw(f)  # warm: imports
    start = time.perf_counter()
    raw = read_raw(f)
    elapsed = time.perf_counter() - start
    assert raw.chars > 30_000
    assert elapsed < 0.5, f"{elapsed:.3f} s"  # measured ~0.03 s; the bound leaves room for a busy machine


def test_strict_ooxml_namespaces(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "strict.docx", p("一、严格格式", '<w:outlineLvl w:val="0"/>'))
    with zipfile.ZipFile(f) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    with zipfile.ZipFile(f, "w") as z:
        for n, d in parts.items():
            z.writestr(n, d)
    raw = read_raw(f)
    assert [(p.text, p.outline_level) for p in raw.paras] == [("一、严格格式", 0)]
