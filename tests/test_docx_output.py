"""The built speech read back: page setup, styles, fonts, indents, headings, footer, properties."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from conftest import body

SPEECH = """
genre: speech
title: 在全市安全生产工作会议上的讲话
speaker: 市长 张某某
date: 2024-05-20
opening:
  - 刚才,几位同志作了很好的发言.
sections:
  - heading: 一、提高政治站位,切实增强做好安全生产工作的责任感紧迫感
    paragraphs: [安全生产事关人民群众生命财产安全。]
    points:
      style: shi
      items:
        - lead: 突出党政主导,压紧压实责任。
          text: 坚持五级书记一起抓。
        - lead: 坚持人民至上。
          text: 激发群众主人翁意识。
    sections:
      - heading: 加强组织领导
        paragraphs: [各级党委要负总责。]
        sections:
          - heading: 明确责任分工
            sections:
              - heading: 细化任务清单
                paragraphs: [清单要具体。]
closing:
  - 同志们,让我们以更加饱满的热情,奋力开创安全生产工作新局面!
"""

CM = 36000  # EMU per mm


@pytest.fixture
def skel(build):
    return build(SPEECH)


def by_text(skel: dict, start: str) -> dict:
    return next(p for p in skel["paragraphs"] if p["text"].startswith(start))


def test_page_is_a4_with_gbt9704_margins_and_22_line_grid(skel: dict) -> None:
    page = skel["page"]
    assert (page["width_mm"], page["height_mm"]) == (210.0, 297.0)
    assert (page["top_mm"], page["bottom_mm"], page["left_mm"], page["right_mm"]) == (37.0, 35.0, 28.0, 26.0)
    assert page["line_pitch"] == 579
    # 22 lines of 28.95 pt fill the 225 mm text block
    assert 22 * page["line_pitch"] / 20 <= (297 - 37 - 35) / 25.4 * 72 + 0.5


def test_title_byline_date_and_salutation(skel: dict) -> None:
    title = by_text(skel, "在全市安全生产")
    assert (title["style"], title["east_asia"], title["size_pt"], title["align"]) == (
        "Title", "方正小标宋简体", 22.0, "center")
    assert title["first_line"] == 0 and title["first_line_chars"] == 0
    speaker = by_text(skel, "市长")
    assert speaker["text"] == "市长 张某某"  # the space between post and name is kept
    assert (speaker["east_asia"], speaker["size_pt"], speaker["align"]) == ("楷体_GB2312", 16.0, "center")
    date = by_text(skel, "（2024")
    assert date["text"] == "（2024年5月20日）"
    assert (date["east_asia"], date["align"]) == ("楷体_GB2312", "center")
    sal = by_text(skel, "同志们：")
    assert sal["text"] == "同志们：" and sal["align"] == "left" and sal["first_line"] == 0


def test_body_font_indent_and_exact_line_spacing(skel: dict) -> None:
    para = by_text(skel, "安全生产事关")
    assert para["east_asia"] == "仿宋_GB2312"
    assert para["ascii"] == "Times New Roman"
    assert para["size_pt"] == 16.0
    assert para["first_line_chars"] == 200 and para["first_line"] == 640  # 2 characters of 16 pt
    assert (para["line"], para["line_rule"]) == (579, "exact")
    assert para["char_spacing"] == -5  # 28 characters fit the 156 mm line
    # the writer's half-width punctuation became full-width
    assert by_text(skel, "刚才")["text"] == "刚才，几位同志作了很好的发言。"
    assert by_text(skel, "同志们，让我们")["text"].endswith("新局面！")


def test_headings_use_builtin_styles_with_outline_levels_and_fonts(skel: dict) -> None:
    expected = [
        ("一、提高政治站位，切实增强做好安全生产工作的责任感紧迫感", "heading 1", 0, "黑体", False),
        ("（一）加强组织领导", "heading 2", 1, "楷体_GB2312", False),
        ("1.明确责任分工", "heading 3", 2, "仿宋_GB2312", True),
        ("（1）细化任务清单", "heading 4", 3, "仿宋_GB2312", False),
    ]
    for text, style, level, font, bold in expected:
        p = by_text(skel, text)
        assert p["text"] == text
        assert (p["style"], p["outline_level"], p["east_asia"], p["bold"]) == (style, level, font, bold)
        assert p["size_pt"] == 16.0 and p["first_line_chars"] == 200


def test_points_are_numbered_paragraphs_with_bold_leads(skel: dict) -> None:
    first = by_text(skel, "一是")
    assert first["text"] == "一是突出党政主导，压紧压实责任。坚持五级书记一起抓。"
    assert first["runs"][0]["bold"] and first["runs"][0]["text"] == "一是突出党政主导，压紧压实责任。"
    assert not first["runs"][-1]["bold"]
    assert by_text(skel, "二是")["text"] == "二是坚持人民至上。激发群众主人翁意识。"


def test_footer_page_numbers_odd_right_even_left(skel: dict) -> None:
    assert skel["page"]["even_and_odd"] is True
    for kind, align, side in (("odd", "right", "ind_right"), ("even", "left", "ind_left")):
        footer = skel["footers"][kind]
        para = footer["paragraphs"][0]
        assert footer["text"] == "— 1 —"  # U+2014 and the PAGE field's placeholder
        assert "—" in footer["text"] and "\u2014" in footer["text"]
        assert para["fields"] == ["PAGE"]
        assert para["align"] == align
        assert footer[side] == [280]  # one 14 pt character in
        assert (para["east_asia"], para["size_pt"]) == ("宋体", 14.0)


def test_east_asian_font_is_set_through_eastasia_and_quotes_get_the_hint(build) -> None:
    skel = build("""
        title: 在会议上的讲话
        sections:
          - heading: 推进“千万工程”
            paragraphs: ['坚持"两山"理念——久久为功']
        """)
    para = by_text(skel, "坚持")
    assert para["text"] == "坚持“两山”理念——久久为功"
    assert para["east_asia"] == "仿宋_GB2312"
    assert all(r["hint"] == "eastAsia" for r in para["runs"] if any(c in r["text"] for c in "“”—"))


def test_core_properties_and_reproducibility(build, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = build(SPEECH, name="a.yaml")
    second = build(SPEECH, name="b.yaml")
    core = first["core"]
    assert core["title"] == "在全市安全生产工作会议上的讲话"
    assert core["author"] == "市长 张某某"
    assert core["language"] == "zh-CN"
    assert core["created"] == dt.datetime.fromtimestamp(1700000000, tz=dt.UTC)
    assert [p["text"] for p in first["paragraphs"]] == [p["text"] for p in second["paragraphs"]]
    assert first["core"] == second["core"]
    # zip entries are stamped with the same time too
    with zipfile.ZipFile(tmp_path / "a.docx") as z:
        stamps = {i.date_time for i in z.infolist()}
    assert stamps == {(2023, 11, 14, 22, 13, 20)}


def test_without_source_date_epoch_the_outline_date_is_used(build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    skel = build(SPEECH)
    assert skel["core"]["created"] == dt.datetime(2024, 5, 20, tzinfo=dt.UTC)


def test_user_reference_styles_win(build, tmp_path: Path) -> None:
    import docx

    from wengao.docx.writer import reference_bytes

    ref = tmp_path / "my.docx"
    ref.write_bytes(reference_bytes())
    d = docx.Document(str(ref))
    d.add_paragraph("this text of the reference is ignored")
    rpr = d.styles["Body Text"].element.rPr
    rpr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "楷体")
    d.sections[0].left_margin = 30 * CM
    d.save(str(ref))
    skel = build(SPEECH, reference=ref)
    assert by_text(skel, "安全生产事关")["east_asia"] == "楷体"
    assert skel["page"]["left_mm"] == 30.0
    assert not any("ignored" in p["text"] for p in skel["paragraphs"])


def test_a_plain_word_document_as_reference_still_gets_every_style(build, tmp_path: Path) -> None:
    import docx

    ref = tmp_path / "plain.docx"
    docx.Document().save(str(ref))
    skel = build(SPEECH, reference=ref)
    assert by_text(skel, "市长")["style"] == "Byline"
    assert by_text(skel, "一、提高")["outline_level"] == 0


def test_long_titles_break_into_balanced_lines(build) -> None:
    skel = build("""
        title: 在深化新时代“千万工程”全面打造乡村振兴样板推进会上的讲话
        sections: [{heading: 甲}]
        """)
    title = skel["paragraphs"][0]
    assert title["line_breaks"] == 1
    first, second = (r["text"] for r in title["runs"])
    assert first == "在深化新时代“千万工程”" and second.startswith("全面打造")
    assert len(first) <= 20 and len(second) <= 20


def test_body_text_is_all_there(build) -> None:
    skel = build(SPEECH)
    texts = [p["text"] for p in body(skel)]
    assert texts[0] == "在全市安全生产工作会议上的讲话"
    assert len(texts) == 15
    assert "" not in texts
