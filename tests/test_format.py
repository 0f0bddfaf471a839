"""wengao format: documents the tests write, re-typeset and read back (styles, fonts, text).

Two kinds of tests: end to end through the reader (documents with clear cues any reader must
see), and the layout alone on a Document built by hand (so what format does with a run-in
heading, a point, a table, a picture or a footnote does not depend on today's reader).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from wengao.cli import app
from wengao.docx.inspect import skeleton
from wengao.errors import OutputError
from wengao.formatting.report import ChangeKind
from wengao.formatting.run import FormatOptions, Status, format_bytes, format_file
from wengao.reading.model import (
    Block,
    BlockKind,
    Document,
    FrontMatter,
    Genre,
    InlineObject,
    RawDocument,
    RawPara,
    SourceFormat,
)

from conftest import have, soffice_convert

HAN = re.compile("[\u4e00-\u9fff]")


def han(text: str) -> str:
    return "".join(HAN.findall(text))


def docx_han(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return han("".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)))


def paras(path: Path) -> list[dict]:
    return [p for p in skeleton(path)["paragraphs"] if p["text"].strip()]


def find(path: Path, start: str) -> dict:
    return next(p for p in paras(path) if p["text"].startswith(start))


def write_docx(path: Path, items: list[tuple[str, str] | tuple[str, str, dict]]) -> Path:
    """(style, text[, run options]) paragraphs; style "" is the default, "bold" a bold run."""
    d = docx.Document()
    for item in items:
        style, text = item[0], item[1]
        if style == "bold":
            p = d.add_paragraph()
            run = p.add_run(text)
            run.bold = True
        elif style:
            d.add_paragraph(text, style=style)
        else:
            d.add_paragraph(text)
    d.save(str(path))
    return path


def png(width: int = 4, height: int = 3) -> bytes:
    """A tiny valid PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def document(raw_paras: list[RawPara], blocks: list[Block], genre: Genre = Genre.SPEECH,
             title: str = "") -> Document:
    raw = RawDocument("made.docx", "made.docx", SourceFormat.DOCX, tuple(raw_paras))
    return Document("made.docx", "made.docx", genre, FrontMatter(title=title), blocks, [], raw)


def formatted(tmp_path: Path, doc: Document, **opts) -> Path:
    data, _ = format_bytes(doc, FormatOptions(**opts))
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    return out


# -- end to end through the reader ------------------------------------------------------------

def test_word_heading_styles_become_heading_styles_at_their_level(tmp_path: Path) -> None:
    src = write_docx(tmp_path / "in.docx", [
        ("Title", "在全市安全生产工作会议上的讲话"),
        ("", "同志们："),
        ("", "今天召开会议，主要任务是部署安全生产工作。"),
        ("Heading 1", "一、提高政治站位"),
        ("", "安全生产事关人民群众生命财产安全。"),
        ("Heading 2", "（一）加强组织领导"),
        ("", "各级党委要负总责。"),
        ("Heading 1", "二、压实工作责任"),
        ("", "要把责任落实到岗位、落实到人。"),
    ])
    out = tmp_path / "out.docx"
    outcome = format_file(src, out, FormatOptions())
    assert outcome.status is Status.DONE
    assert (find(out, "一、提高")["style"], find(out, "一、提高")["outline_level"]) == ("heading 1", 0)
    assert find(out, "（一）加强")["style"] == "heading 2"
    assert find(out, "二、压实")["style"] == "heading 1"
    body = find(out, "安全生产事关")
    assert (body["style"], body["east_asia"], body["size_pt"]) == ("Body Text", "仿宋_GB2312", 16.0)
    assert docx_han(out) == docx_han(src)


def test_bold_only_numbered_headings_lose_their_direct_bold_to_the_heading_style(tmp_path: Path) -> None:
    src = write_docx(tmp_path / "in.docx", [
        ("", "关于做好当前工作的几点意见"),
        ("bold", "一、充分认识做好当前工作的重要意义"),
        ("", "做好当前工作，意义重大。我们要统一思想，提高认识。"),
        ("bold", "二、突出抓好几项重点工作"),
        ("", "要抓住重点，以点带面，推动工作全面展开。"),
    ])
    out = tmp_path / "out.docx"
    format_file(src, out, FormatOptions())
    heading = find(out, "一、充分认识")
    assert heading["style"] == "heading 1"
    assert heading["east_asia"] == "黑体"
    assert all(r["bold"] is False for r in heading["runs"])  # 黑体, not bold: the direct bold is gone
    assert docx_han(out) == docx_han(src)


WEB_PASTE = """\
首页 > 新闻中心 > 工作动态
发布时间：2024-05-21  来源：办公室  【字号：大 中 小】

在全县乡村振兴工作推进会上的讲话

　　同志们:
　　今天召开这次会议,主要任务是总结工作、部署任务.

　　一、认清形势,坚定信心
　　过去一年,全县上下"撸起袖子加油干",各项工作取得新进展...
　　二、突出重点,狠抓落实
　　要坚持问题导向 (特别是产业发展),补齐短板.


打印本页  关闭窗口
"""


def test_pasted_web_text_keeps_every_word_and_only_fixes_blanks_and_punctuation(tmp_path: Path) -> None:
    src = tmp_path / "web.txt"
    src.write_text(WEB_PASTE, encoding="utf-8")
    out = tmp_path / "out.docx"
    outcome = format_file(src, out, FormatOptions())
    assert han(docx_han(out)) == han(WEB_PASTE)  # every Chinese character, in order
    texts = [p["text"] for p in paras(out)]
    assert "首页 > 新闻中心 > 工作动态" in texts  # site chrome stays, as a plain paragraph
    assert "打印本页  关闭窗口" in texts
    assert "同志们：" in texts  # half-width colon in Chinese made full-width, the indent dropped
    assert any(t.startswith("今天召开这次会议，主要任务是总结工作、部署任务。") for t in texts)
    assert any("“撸起袖子加油干”" in t and t.endswith("新进展……") for t in texts)
    assert any("问题导向 （特别是产业发展），补齐短板。" in t for t in texts)  # blanks inside kept
    assert "" not in texts and len(texts) == len([x for x in WEB_PASTE.splitlines() if x.strip()])
    assert all(not t.startswith(("\u3000", " ")) for t in texts)
    kinds = {c.kind.value for c in outcome.layout.changes.items}
    assert {"empty", "space", "punct"} <= kinds


def test_markdown_heading_marks_are_markup_not_words(tmp_path: Path) -> None:
    src = tmp_path / "md.txt"
    src.write_text("# 关于做好基层治理工作的报告\n\n## 一、基本情况\n\n今年以来，我们着力推进基层治理。\n\n"
                   "## 二、下一步打算\n\n要把#号用法讲清楚，继续抓好落实。\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    outcome = format_file(src, out, FormatOptions())
    assert find(out, "关于做好")["text"] == "关于做好基层治理工作的报告"
    assert (find(out, "一、基本")["text"], find(out, "一、基本")["style"]) == ("一、基本情况", "heading 1")
    assert find(out, "二、下一步")["text"] == "二、下一步打算"
    assert find(out, "要把")["text"] == "要把#号用法讲清楚，继续抓好落实。"  # a # in the text stays
    assert len(outcome.layout.changes.of(ChangeKind.MARKUP)) == 3


def test_a_broken_sentence_is_joined_and_latin_words_keep_their_space(tmp_path: Path) -> None:
    raw = [RawPara("要推动 Word", 1), RawPara("文档规范化，提高工作", 2), RawPara("效率。", 3)]
    blocks = [Block(BlockKind.PARAGRAPH, "要推动 Word文档规范化，提高工作效率。", 1,
                    source="要推动 Word文档规范化，提高工作效率。", end_pos=3)]
    out = formatted(tmp_path, document(raw, blocks))
    assert [p["text"] for p in paras(out)] == ["要推动 Word文档规范化，提高工作效率。"]


def test_conservation_check_refuses_to_write_a_document_that_lost_words(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import wengao.formatting.layout as layout_mod

    src = tmp_path / "in.txt"
    src.write_text("标题\n第一段正文内容。\n第二段正文内容。\n", encoding="utf-8")
    real = layout_mod._Layout.unit

    def lossy(self, u, raw_paras):  # a broken layout that drops the last paragraph
        if raw_paras[u.paras[0]].text.startswith("第二段"):
            return None
        return real(self, u, raw_paras)

    monkeypatch.setattr(layout_mod._Layout, "unit", lossy)
    out = tmp_path / "out.docx"
    with pytest.raises(OutputError) as err:
        format_file(src, out, FormatOptions())
    assert "第二段" in str(err.value)
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


# -- the layout on hand-made documents --------------------------------------------------------

RUN_IN = "（一）加强组织领导。各级党委要负总责，主要负责同志要亲自抓。"


@pytest.mark.parametrize("split", [True, False], ids=["one-block", "heading-and-paragraph-blocks"])
def test_run_in_heading_stays_run_in_with_the_heading_sentence_in_the_heading_font(tmp_path: Path,
                                                                                  split: bool) -> None:
    raw = [RawPara("一、总体要求", 1), RawPara(RUN_IN, 2), RawPara("二、保障措施", 3)]
    h1 = Block(BlockKind.HEADING, "总体要求", 1, source="一、总体要求", level=1, number="一、")
    if split:
        mid = [Block(BlockKind.HEADING, "加强组织领导", 2, source=RUN_IN, level=2, number="（一）", run_in=True,
                     body="各级党委要负总责，主要负责同志要亲自抓。")]
    else:  # a reader that gives the heading and its body as two blocks of one paragraph
        mid = [Block(BlockKind.HEADING, "加强组织领导", 2, source="加强组织领导。", level=2),
               Block(BlockKind.PARAGRAPH, "各级党委要负总责，主要负责同志要亲自抓。", 2,
                     source="各级党委要负总责，主要负责同志要亲自抓。")]
    h3 = Block(BlockKind.HEADING, "保障措施", 3, source="二、保障措施", level=1, number="二、")
    out = formatted(tmp_path, document(raw, [h1, *mid, h3]))
    p = find(out, "（一）")
    assert p["text"] == RUN_IN  # one paragraph, nothing lost or split
    assert (p["style"], p["outline_level"]) == ("heading 2", 1)  # in the navigation pane
    head = "".join(r["text"] for r in p["runs"] if r["east_asia"] == "楷体_GB2312")
    rest = [r for r in p["runs"] if r["east_asia"] != "楷体_GB2312"]
    assert head == "（一）加强组织领导。"
    assert "".join(r["text"] for r in rest) == "各级党委要负总责，主要负责同志要亲自抓。"
    assert all(r["east_asia"] == "仿宋_GB2312" and not r["bold"] for r in rest)


def test_run_in_level_three_heading_is_bold_and_its_body_is_not(tmp_path: Path) -> None:
    text = "1.明确责任分工。要把任务分解到人。"
    raw = [RawPara(text, 1)]
    blocks = [Block(BlockKind.HEADING, "明确责任分工", 1, source=text, level=3, number="1.", run_in=True,
                    body="要把任务分解到人。")]
    p = find(formatted(tmp_path, document(raw, blocks)), "1.")
    assert p["style"] == "heading 3"
    assert [(r["text"], r["bold"]) for r in p["runs"]] == [("1.明确责任分工。", True), ("要把任务分解到人。", False)]


def _point_doc(genre: Genre) -> Document:
    text = "一是加强组织领导。各级党委要把这项工作摆上重要议事日程。"
    raw = [RawPara(text, 1)]
    blocks = [Block(BlockKind.POINT, text, 1, source=text, lead="加强组织领导。", marker="一是", verb="是")]
    return document(raw, blocks, genre)


def test_point_lead_is_bold_in_a_speech(tmp_path: Path) -> None:
    p = find(formatted(tmp_path, _point_doc(Genre.SPEECH)), "一是")
    assert [(r["text"], r["bold"]) for r in p["runs"]] == [
        ("一是加强组织领导。", True), ("各级党委要把这项工作摆上重要议事日程。", False)]


def test_points_run_on_in_one_paragraph_each_get_a_bold_lead(tmp_path: Path) -> None:
    src = tmp_path / "讲话.txt"
    src.write_text("在全县防汛工作会议上的讲话\n同志们：\n今天召开会议，部署防汛工作。\n一、压实防汛责任\n"
                   "一要压实责任。各级各部门要把责任落实到人。二要强化值守。汛期实行24小时值班制度。"
                   "三要严肃问责，对失职渎职、推诿扯皮、工作不力造成严重后果的，一律依法依规严肃追责问责。"
                   "四要加强宣传。要引导群众增强防灾意识。\n同志们，让我们共同努力！\n", encoding="utf-8")
    out = tmp_path / "讲话.docx"
    result = CliRunner().invoke(app, ["format", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    p = find(out, "一要")
    assert [r["text"] for r in p["runs"] if r["bold"]] == ["一要压实责任。", "二要强化值守。", "四要加强宣传。"]
    assert "".join(r["text"] for r in p["runs"]) == src.read_text(encoding="utf-8").splitlines()[4]
    dry = CliRunner().invoke(app, ["format", str(src), "--dry-run"])
    assert "要点加粗 3 处" in dry.output  # 三要 is one long sentence: no lead to set in bold


def test_point_lead_is_not_bold_in_a_news_report_or_when_asked_for_news(tmp_path: Path) -> None:
    p = find(formatted(tmp_path, _point_doc(Genre.NEWS)), "一是")
    assert not any(r["bold"] for r in p["runs"])
    p = find(formatted(tmp_path, _point_doc(Genre.SPEECH), genre=Genre.NEWS), "一是")
    assert not any(r["bold"] for r in p["runs"])


def test_title_block_in_its_styles_and_a_sign_off_at_the_end_right_aligned(tmp_path: Path) -> None:
    lines = ["在全县工作会议上的讲话", "——在全县工作会议上", "县长 李某某", "（2024年5月20日）", "同志们：",
             "今天的会议很重要。", "某某县人民政府", "2024年5月20日"]
    kinds = [BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.AUTHOR, BlockKind.DATE, BlockKind.SALUTATION,
             BlockKind.PARAGRAPH, BlockKind.AUTHOR, BlockKind.DATE]
    raw = [RawPara(t, i) for i, t in enumerate(lines, 1)]
    blocks = [Block(k, t, i, source=t) for i, (k, t) in enumerate(zip(kinds, lines, strict=True), 1)]
    out = formatted(tmp_path, document(raw, blocks, title=lines[0]))
    got = {p["text"]: p for p in paras(out)}
    assert got["在全县工作会议上的讲话"]["style"] == "Title"
    assert got["在全县工作会议上的讲话"]["east_asia"] == "方正小标宋简体"
    assert got["——在全县工作会议上"]["style"] == "Subtitle"
    assert got["县长 李某某"]["style"] == "Byline"  # the space between post and name is kept
    assert got["（2024年5月20日）"]["style"] == "Date"
    assert got["同志们："]["style"] == "Salutation"
    assert got["某某县人民政府"]["align"] == "right" and got["2024年5月20日"]["align"] == "right"


def test_a_title_printed_over_two_lines_keeps_its_line_break(tmp_path: Path) -> None:
    raw = [RawPara("高举伟大旗帜", 1), RawPara("为全面建设现代化而团结奋斗", 2), RawPara("同志们：", 3)]
    blocks = [Block(BlockKind.TITLE, "高举伟大旗帜 为全面建设现代化而团结奋斗", 1,
                    source="高举伟大旗帜为全面建设现代化而团结奋斗", end_pos=2),
              Block(BlockKind.SALUTATION, "同志们：", 3, source="同志们：")]
    title = find(formatted(tmp_path, document(raw, blocks)), "高举")
    assert title["style"] == "Title" and title["line_breaks"] == 1
    assert title["text"] == "高举伟大旗帜为全面建设现代化而团结奋斗"


def test_auto_numbered_list_is_written_as_its_literal_numbers(tmp_path: Path) -> None:
    # The reader renders Word's numbering into the text and says so in auto_number.
    raw = [RawPara("一、总体要求", 1, style="List Paragraph", auto_number="一、"),
           RawPara("工作要求的具体内容。", 2),
           RawPara("二、主要任务", 3, style="List Paragraph", auto_number="二、")]
    blocks = [Block(BlockKind.HEADING, "总体要求", 1, source="一、总体要求", level=1, number="一、"),
              Block(BlockKind.PARAGRAPH, "工作要求的具体内容。", 2, source="工作要求的具体内容。"),
              Block(BlockKind.HEADING, "主要任务", 3, source="二、主要任务", level=1, number="二、")]
    data, lay = format_bytes(document(raw, blocks), FormatOptions())
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    assert [p["text"] for p in paras(out)] == ["一、总体要求", "工作要求的具体内容。", "二、主要任务"]
    assert b"w:numPr" not in zipfile.ZipFile(out).read("word/document.xml")
    assert [(c.pos, c.after) for c in lay.changes.of(lay.changes.items[0].kind.__class__("number"))] == [
        (1, "一、"), (3, "二、")]


def test_table_is_kept_as_a_bordered_table_in_fangsong(tmp_path: Path) -> None:
    rows = (("项目", "责任单位", "完成时限"), ("道路硬化", "交通局", "6月底"), ("河道整治", "水利局"))
    raw = [RawPara("重点项目如下：", 1), RawPara("", 2, rows=rows), RawPara("请各单位抓紧推进。", 3)]
    blocks = [Block(BlockKind.PARAGRAPH, "重点项目如下：", 1, source="重点项目如下："),
              Block(BlockKind.TABLE, "", 2, rows=rows),
              Block(BlockKind.PARAGRAPH, "请各单位抓紧推进。", 3, source="请各单位抓紧推进。")]
    out = formatted(tmp_path, document(raw, blocks))
    d = docx.Document(str(out))
    assert len(d.tables) == 1
    table = d.tables[0]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["项目", "责任单位", "完成时限"], ["道路硬化", "交通局", "6月底"], ["河道整治", "水利局", ""]]
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert '<w:insideH w:val="single"' in xml and '<w:top w:val="single"' in xml
    cell = next(p for p in paras(out) if p["text"] == "交通局")
    assert (cell["east_asia"], cell["first_line"]) == ("仿宋_GB2312", 0)
    # the table stands where it stood
    texts = [p["text"] for p in paras(out)]
    assert texts.index("重点项目如下：") < texts.index("项目") < texts.index("请各单位抓紧推进。")


def test_picture_and_footnote_are_kept_in_place(tmp_path: Path) -> None:
    picture = InlineObject(2, "image", part="word/media/image1.png", data=png(), width_emu=360000,
                           height_emu=270000)
    note = InlineObject(8, "footnote", text="见《某某年鉴》第12页。")
    raw = [RawPara("如图：", 1, objects=(picture,)), RawPara("全年增长百分之八。", 2, objects=(note,))]
    blocks = [Block(BlockKind.PARAGRAPH, "如图：", 1, source="如图："),
              Block(BlockKind.PARAGRAPH, "全年增长百分之八。", 2, source="全年增长百分之八。")]
    out = formatted(tmp_path, document(raw, blocks))
    z = zipfile.ZipFile(out)
    assert z.read("word/media/wengao1.png") == png()
    assert 'Extension="png"' in z.read("[Content_Types].xml").decode()
    notes = z.read("word/footnotes.xml").decode()
    assert "见《某某年鉴》第12页。" in notes
    body = z.read("word/document.xml").decode()
    # the picture after 如图 and the reference after 百分之八, each where it stood
    assert re.search(r"如图</w:t></w:r><w:r><w:drawing>.*?</w:drawing></w:r><w:r>.*?：", body)
    assert re.search(r"百分之八</w:t></w:r><w:r>.*?<w:footnoteReference w:id=\"1\"/></w:r><w:r>.*?。", body)
    d = docx.Document(str(out))  # a valid package python-docx opens
    assert len(d.inline_shapes) == 1 and d.inline_shapes[0].width == 360000


def test_a_reference_without_document_rels_gets_a_package_relationships_part() -> None:
    from lxml import etree

    from wengao.document.blocks import Image
    from wengao.docx.objects import Objects, add_package_parts

    objects = Objects()
    objects.picture(Image(png()))
    objects.note_ref("footnote", "见《某某年鉴》。")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    parts = [("[Content_Types].xml", b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                     b"</Types>"),
             ("word/document.xml", f'<w:document xmlns:w="{w}"><w:body/></w:document>'.encode()),
             ("word/settings.xml", f'<w:settings xmlns:w="{w}"></w:settings>'.encode())]
    out = dict(add_package_parts(parts, objects))
    rels = etree.fromstring(out["word/_rels/document.xml.rels"])
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    assert rels.tag == f"{{{ns}}}Relationships"
    assert sorted(r.get("Target") for r in rels.iter(f"{{{ns}}}Relationship")) == \
        ["footnotes.xml", "media/wengao1.png"]


@pytest.mark.skipif(not (have("soffice") and have("pdftotext")), reason="needs LibreOffice and poppler")
def test_footnote_table_and_picture_render_in_libreoffice(tmp_path: Path) -> None:
    import subprocess

    note = InlineObject(4, "footnote", text="数据来源：统计公报。")
    picture = InlineObject(0, "image", part="x.png", data=png(40, 30))
    raw = [RawPara("工作报告", 1), RawPara("全年增长。", 2, objects=(note,)), RawPara("", 3, objects=(picture,)),
           RawPara("", 4, rows=(("指标", "数值"), ("增长率", "百分之八")))]
    blocks = [Block(BlockKind.TITLE, "工作报告", 1, source="工作报告"),
              Block(BlockKind.PARAGRAPH, "全年增长。", 2, source="全年增长。")]
    out = formatted(tmp_path, document(raw, blocks))
    soffice_convert("pdf", tmp_path, out, check=False)
    text = subprocess.run(["pdftotext", str(tmp_path / "out.pdf"), "-"], capture_output=True, text=True).stdout
    assert "数据来源：统计公报。" in text and "百分之八" in text and "全年增长" in text


def _table_doc(rows: int) -> Document:
    """A short report whose last element is a table of `rows` rows."""
    raw = [RawPara("关于全县防汛物资储备情况的报告", 1), RawPara("现将有关情况报告如下。", 2),
           RawPara("", 3, rows=tuple((str(i), "编织袋", f"{1000 + i}条") for i in range(1, rows + 1)))]
    blocks = [Block(BlockKind.TITLE, raw[0].text, 1, source=raw[0].text),
              Block(BlockKind.PARAGRAPH, raw[1].text, 2, source=raw[1].text)]
    return document(raw, blocks)


def test_the_paragraph_after_a_final_table_takes_no_line(tmp_path: Path) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    d = docx.Document(str(formatted(tmp_path, _table_doc(3))))
    body = [el for el in d.element.body if not el.tag.endswith("}sectPr")]
    assert body[-2].tag.endswith("}tbl") and body[-1].tag.endswith("}p")  # Word needs the paragraph
    last = d.paragraphs[-1]
    fmt = last.paragraph_format
    assert last.text == "" and fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and fmt.line_spacing == Pt(1)
    assert fmt.space_before == 0 and fmt.space_after == 0
    assert last._p.xpath("./w:pPr/w:rPr/w:sz/@w:val") == ["2"]  # its mark: 1 pt
    other = docx.Document(str(formatted(tmp_path, _point_doc(Genre.SPEECH))))
    assert other.paragraphs[-1].text and other.paragraphs[-1].paragraph_format.line_spacing != Pt(1)


@pytest.mark.skipif(not (have("soffice") and have("pdftotext")), reason="needs LibreOffice and poppler")
def test_a_table_that_fills_the_page_is_not_followed_by_a_blank_page(tmp_path: Path) -> None:
    import subprocess

    outs = []
    for rows in range(15, 22):  # around the number of rows that fills the first page
        out = tmp_path / f"t{rows}.docx"
        out.write_bytes(format_bytes(_table_doc(rows), FormatOptions())[0])
        outs.append(out)
    soffice_convert("pdf", tmp_path, *outs, timeout=300, check=False)
    for out in outs:
        text = subprocess.run(["pdftotext", str(out.with_suffix(".pdf")), "-"], capture_output=True,
                              text=True).stdout
        pages = [han(page) for page in text.split("\f")[:-1]]
        assert pages and all(pages), (out.name, len(pages))  # no page with nothing but its number


# -- the command ------------------------------------------------------------------------------

@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["format", *args])

    return run


def _speech(path: Path) -> Path:
    path.write_text("在全市工作会议上的讲话\n同志们：\n一、提高认识\n做好工作,意义重大.\n二、狠抓落实\n要抓落实.\n",
                    encoding="utf-8")
    return path


def test_cli_writes_beside_the_original_and_never_overwrites_without_force(cli, tmp_path: Path) -> None:
    src = _speech(tmp_path / "初稿.txt")
    r = cli(str(src))
    assert r.exit_code == 0, r.output
    out = tmp_path / "初稿-排版.docx"
    assert out.is_file() and str(out.name) in r.output
    r = cli(str(src))  # the same result again: reported unchanged, nothing rewritten
    assert r.exit_code == 0 and "未变" in r.output
    src.write_text(src.read_text(encoding="utf-8") + "补充一句。\n", encoding="utf-8")
    before = out.read_bytes()
    r = cli(str(src))
    assert r.exit_code == 2 and "--force" in r.output and out.read_bytes() == before
    assert cli(str(src), "--force").exit_code == 0 and out.read_bytes() != before


def test_cli_refuses_to_write_over_the_original(cli, tmp_path: Path) -> None:
    src = write_docx(tmp_path / "稿.docx", [("", "正文。")])
    before = src.read_bytes()
    r = cli(str(src), "-o", str(src), "--force")
    assert r.exit_code == 2 and src.read_bytes() == before


def test_cli_dry_run_reports_and_writes_nothing(cli, tmp_path: Path) -> None:
    src = _speech(tmp_path / "稿.txt")
    r = cli(str(src), "--dry-run", "-o", str(tmp_path / "out.docx"))
    assert r.exit_code == 0, r.output
    assert list(tmp_path.iterdir()) == [src]
    assert "试排" in r.output and "半角标点改为全角" in r.output and "提高认识" in r.output


def test_cli_folder_reports_each_file_and_goes_on_after_a_failure(cli, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENGAO_SOFFICE", str(tmp_path / "no-libreoffice"))
    folder = tmp_path / "材料"
    (folder / "sub").mkdir(parents=True)
    _speech(folder / "a.txt")
    write_docx(folder / "sub" / "b.docx", [("Heading 1", "一、标题"), ("", "正文内容。")])
    (folder / "broken.docx").write_bytes(b"this is not a zip file")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000
    (folder / "secret.docx").write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500)
    (folder / "old.doc").write_bytes(ole + b"\x00" * 1000)  # needs LibreOffice, which is missing
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:  # expands past the limit
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + " " * (80 << 20) + "</w:document>")
    (folder / "~$b.docx").write_bytes(b"lock")  # Word's lock file is not a document
    (folder / "notes.md").write_text("不是文稿", encoding="utf-8")
    r = cli(str(folder), "-o", str(tmp_path / "out"))
    assert r.exit_code == 1
    assert (tmp_path / "out" / "a.docx").is_file() and (tmp_path / "out" / "sub" / "b.docx").is_file()
    for name in ("broken", "secret", "old", "bomb"):
        assert not (tmp_path / "out" / f"{name}.docx").exists()
        line = next(i for i, x in enumerate(r.output.splitlines()) if f"{name}." in x and "失败" in x)
        assert r.output.splitlines()[line + 1].strip()  # its reason, on the next line
    assert "共 6 份：完成 2，未变 0，失败 4" in r.output
    assert not any(p.name.endswith(".tmp") for p in (tmp_path / "out").rglob("*"))


def test_cli_unknown_genre_is_a_usage_error(cli, tmp_path: Path) -> None:
    r = cli(str(_speech(tmp_path / "a.txt")), "--genre", "poem")
    assert r.exit_code == 2 and "poem" in r.output
    assert "study-report（心得体会）" in r.output  # the valid ones, in both forms


def test_cli_an_outline_points_to_build(cli, tmp_path: Path) -> None:
    (tmp_path / "讲话.yaml").write_text("title: 讲话\n", encoding="utf-8")
    r = cli("讲话.yaml")
    assert r.exit_code == 2 and "wengao build 讲话.yaml" in r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["讲话.yaml"]


def test_cli_genre_by_its_chinese_name(cli, tmp_path: Path) -> None:
    import docx

    src = _speech(tmp_path / "a.txt")
    r = cli(str(src), "-o", "b.docx", "--genre", "心得体会")
    assert r.exit_code == 0, r.output
    assert docx.Document(str(tmp_path / "b.docx")).core_properties.subject == "心得体会"


def test_cli_pdf_without_libreoffice_is_one_line_and_writes_nothing(cli, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import wengao.pdf

    monkeypatch.setattr(wengao.pdf, "soffice", lambda: None)
    src = _speech(tmp_path / "a.txt")
    r = cli(str(src), "--pdf")
    assert r.exit_code == 8 and "LibreOffice" in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == [src]


@pytest.mark.skipif(not have("soffice"), reason="needs LibreOffice")
def test_cli_pdf_is_written_beside_the_docx(cli, tmp_path: Path) -> None:
    src = _speech(tmp_path / "a.txt")
    r = cli(str(src), "-o", str(tmp_path / "out.docx"), "--pdf")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


# -- build --pdf shares the helper --------------------------------------------------------------

OUTLINE = "genre: speech\ntitle: 在全市工作会议上的讲话\nsections:\n  - heading: 提高认识\n    paragraphs: [做好工作意义重大。]\n"


def test_build_pdf_without_libreoffice_stops_before_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import wengao.pdf

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(wengao.pdf, "soffice", lambda: None)
    (tmp_path / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    r = CliRunner().invoke(app, ["build", "o.yaml", "--pdf"])
    assert r.exit_code == 8 and "LibreOffice" in r.output
    assert not (tmp_path / "o.docx").exists()


def test_an_existing_pdf_stops_build_and_format_before_the_docx(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """--pdf writes both outputs or neither: an existing PDF is refused before the .docx is written
    (the conversion itself is never reached, so no LibreOffice is needed)."""
    import wengao.pdf

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(wengao.pdf, "soffice", lambda: "/nonexistent/soffice")
    (tmp_path / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    (tmp_path / "o.pdf").write_bytes(b"%PDF mine")
    r = CliRunner().invoke(app, ["build", "o.yaml", "--pdf"])
    assert r.exit_code == 2 and "o.pdf" in r.output and "--force" in r.output
    assert not (tmp_path / "o.docx").exists()
    src = _speech(tmp_path / "a.txt")
    (tmp_path / "a-排版.pdf").write_bytes(b"%PDF mine")
    r = CliRunner().invoke(app, ["format", str(src), "--pdf"])
    assert r.exit_code == 2 and "a-排版.pdf" in r.output
    assert not (tmp_path / "a-排版.docx").exists()
    (tmp_path / "in").mkdir()
    _speech(tmp_path / "in" / "b.txt")
    (tmp_path / "in-排版").mkdir()
    (tmp_path / "in-排版" / "b.pdf").write_bytes(b"%PDF mine")
    r = CliRunner().invoke(app, ["format", "in", "--pdf"])
    assert r.exit_code == 1 and "b.pdf" in r.output
    assert not (tmp_path / "in-排版" / "b.docx").exists()
    assert (tmp_path / "o.pdf").read_bytes() == (tmp_path / "in-排版" / "b.pdf").read_bytes() == b"%PDF mine"


@pytest.mark.skipif(not have("soffice"), reason="needs LibreOffice")
def test_build_pdf_writes_the_pdf_beside_the_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.yaml").write_text(OUTLINE, encoding="utf-8")
    r = CliRunner().invoke(app, ["build", "o.yaml", "--pdf"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "o.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "o.docx").is_file()
    r = CliRunner().invoke(app, ["build", "o.yaml", "--pdf"])  # both exist now: neither is replaced
    assert r.exit_code != 0


def test_formatting_a_formatted_document_again_keeps_its_run_in_headings(tmp_path: Path) -> None:
    body = "各级党委要负总责，主要负责同志要亲自抓，分管同志要具体抓，形成一级抓一级、层层抓落实的工作格局。"
    src = write_docx(tmp_path / "in.docx", [("Heading 1", "一、总体要求"), ("Heading 2", "（一）加强组织领导。" + body)])
    out = tmp_path / "out.docx"
    format_file(src, out, FormatOptions())
    p = find(out, "（一）")
    assert p["style"] == "heading 2"
    assert "".join(r["text"] for r in p["runs"] if r["east_asia"] == "楷体_GB2312") == "（一）加强组织领导。"
    assert "".join(r["text"] for r in p["runs"] if r["east_asia"] == "仿宋_GB2312") == body


def test_each_part_of_a_compilation_starts_a_new_page_under_its_part_title(tmp_path: Path) -> None:
    lines = ["第一篇文章", "第一篇的正文。", "第二篇文章", "第二篇的正文。"]
    kinds = [BlockKind.TITLE, BlockKind.PARAGRAPH, BlockKind.TITLE, BlockKind.PARAGRAPH]
    raw = [RawPara(t, i) for i, t in enumerate(lines, 1)]
    blocks = [Block(k, t, i, source=t) for i, (k, t) in enumerate(zip(kinds, lines, strict=True), 1)]
    doc = document(raw, blocks, Genre.COMPILATION)
    doc.parts = [Document("made.docx", "made.docx", Genre.SPEECH, FrontMatter(title=lines[0]), blocks[:2]),
                 Document("made.docx", "made.docx", Genre.SPEECH, FrontMatter(title=lines[2]), blocks[2:])]
    got = {p["text"]: p for p in paras(formatted(tmp_path, doc))}
    assert got["第一篇文章"]["style"] == got["第二篇文章"]["style"] == "Part Title"
    assert not got["第一篇文章"]["page_break_before"] and got["第二篇文章"]["page_break_before"]


def test_control_characters_in_cells_and_notes_never_reach_the_xml(tmp_path: Path) -> None:
    note = InlineObject(2, "footnote", text="注\x07释,说明")
    raw = [RawPara("正文", 1, objects=(note,)), RawPara("", 2, rows=(("单元\x0c格", "甲\x00乙"),))]
    blocks = [Block(BlockKind.PARAGRAPH, "正文", 1, source="正文")]
    out = formatted(tmp_path, document(raw, blocks))
    d = docx.Document(str(out))  # parses: no illegal characters
    assert [c.text for c in d.tables[0].rows[0].cells] == ["单元格", "甲乙"]
    assert "注释，说明" in zipfile.ZipFile(out).read("word/footnotes.xml").decode()


def test_reference_restyles_page_setup_and_styles(tmp_path: Path) -> None:
    ref = tmp_path / "ref.docx"
    d = docx.Document()  # Letter paper; lacks most of wengao's styles (they are added)
    d.styles["Heading 1"].font.size = docx.shared.Pt(18)
    d.save(str(ref))
    note = InlineObject(2, "footnote", text="注释")
    raw = [RawPara("一、总体要求", 1), RawPara("正文内容。", 2, objects=(note,))]
    blocks = [Block(BlockKind.HEADING, "总体要求", 1, source="一、总体要求", level=1, number="一、"),
              Block(BlockKind.PARAGRAPH, "正文内容。", 2, source="正文内容。")]
    out = formatted(tmp_path, document(raw, blocks), reference=ref)
    skel = skeleton(out)
    assert skel["page"]["width_mm"] == 215.9  # the reference's Letter paper
    assert find(out, "一、")["size_pt"] == 18.0  # its own heading style
    assert "注释" in zipfile.ZipFile(out).read("word/footnotes.xml").decode()


def test_line_breaks_inside_a_paragraph_kept_after_a_full_stop_or_a_short_line_else_joined(tmp_path: Path) -> None:
    raw = [RawPara("要以更加务实的作风推动全县上下各个部门的各项工作\n落实到位，确保取得实效，切实把部署落到实处。\n下一句话。", 1),
           RawPara("某某县人民政府\n2024年5月20日", 2)]
    blocks = [Block(BlockKind.PARAGRAPH, "", 1, source=raw[0].text.replace("\n", "")),
              Block(BlockKind.PARAGRAPH, "", 2, source=raw[1].text.replace("\n", ""))]
    out = formatted(tmp_path, document(raw, blocks))
    first, second = paras(out)
    assert first["text"] == "要以更加务实的作风推动全县上下各个部门的各项工作落实到位，确保取得实效，切实把部署落到实处。下一句话。"
    assert first["line_breaks"] == 1  # after 。, not inside the sentence
    assert second["text"] == "某某县人民政府2024年5月20日" and second["line_breaks"] == 1


# -- end to end: what the .docx reader gives (numbering, notes, pictures, tables) -------------------

NUMBERING = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
"""


def test_a_word_document_with_auto_numbering_notes_a_picture_and_a_table(tmp_path: Path) -> None:
    from docx_package import make_docx, p, r

    def num(ilvl: int) -> str:
        return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'

    footnotes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>' + r(" 见《条例》第三条。") + "</w:p></w:footnote>")
    picture = ('<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="457200"/><a:graphic><a:graphicData>'
               '<pic:pic><pic:blipFill><a:blip r:embed="rIdImg1"/></pic:blipFill></pic:pic>'
               "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")
    table = ("<w:tbl><w:tblPr/><w:tr><w:tc>" + p("项目") + "</w:tc><w:tc>" + p("责任单位") + "</w:tc></w:tr>"
             "<w:tr><w:tc>" + p("道路硬化") + "</w:tc><w:tc>" + p("交通局") + "</w:tc></w:tr></w:tbl>")
    body = (p("关于做好当前工作的通知", '<w:jc w:val="center"/>', "<w:b/><w:sz w:val=\"44\"/>")
            + p("总体要求", num(0)) + p("提高认识", num(1))
            + "<w:p>" + r("依照条例") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r("执行，确保工作落到实处。") + "</w:p>"
            + p("主要任务", num(0)) + "<w:p>" + r("示意图如下：") + picture + "</w:p>" + table + p("请认真贯彻执行。"))
    src = make_docx(tmp_path / "in.docx", body, numbering=NUMBERING, footnotes=footnotes, media={"image1.png": png()})
    out = tmp_path / "out.docx"
    outcome = format_file(src, out, FormatOptions())
    texts = [x["text"] for x in paras(out)]
    assert "一、总体要求" in texts and "（一）提高认识" in texts and "二、主要任务" in texts
    assert find(out, "一、总体")["style"] == "heading 1" and find(out, "（一）提高")["style"] == "heading 2"
    assert find(out, "关于做好")["style"] == "Title"
    z = zipfile.ZipFile(out)
    assert "见《条例》第三条。" in z.read("word/footnotes.xml").decode()
    assert z.read("word/media/wengao1.png") == png()
    d = docx.Document(str(out))
    assert [[c.text for c in row.cells] for row in d.tables[0].rows] == [["项目", "责任单位"], ["道路硬化", "交通局"]]
    assert len(d.inline_shapes) == 1
    numbers = [(c.pos, c.after) for c in outcome.layout.changes.items if c.kind.value == "number"]
    assert [n for _, n in numbers] == ["一、", "（一）", "二、"]


def test_the_format_evaluation_scores_a_tiny_corpus(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "txt").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "txt" / "a.txt").write_text("在会上的讲话\n同志们：\n一、提高认识\n正文。\n二、狠抓落实\n正文。\n",
                                          encoding="utf-8")
    (tmp_path / "gold" / "a.yaml").write_text(
        "file: txt/a.txt\ngenre: speech\nheadings:\n  - [1, 提高认识]\n  - [1, 狠抓落实]\n  - [2, 不存在]\n",
        encoding="utf-8")
    bench = Path(__file__).resolve().parent.parent / "bench" / "eval_format.py"
    r = subprocess.run([sys.executable, str(bench), str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "text kept 1/1; heading F1 0.800 (recall 2/3, precision 2/2); page setup 1/1" in r.stdout


def test_cli_speaks_english_when_asked(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENGAO_LANG", "en")
    r = cli(str(_speech(tmp_path / "a.txt")), "--dry-run")
    assert r.exit_code == 0 and "dry run, nothing written" in r.output and "headings" in r.output


def test_a_date_under_a_section_heading_is_centred_not_a_sign_off(tmp_path: Path) -> None:
    lines = ["讲话", "引　　言", "（一九四二年五月二日）", "正文。"]
    kinds = [BlockKind.TITLE, BlockKind.HEADING, BlockKind.DATE, BlockKind.PARAGRAPH]
    raw = [RawPara(t, i) for i, t in enumerate(lines, 1)]
    blocks = [Block(k, t, i, source=t, level=1 if k is BlockKind.HEADING else 0)
              for i, (k, t) in enumerate(zip(kinds, lines, strict=True), 1)]
    got = find(formatted(tmp_path, document(raw, blocks)), "（一九四二")
    assert (got["style"], got["align"]) == ("Date", "center")
