"""Every genre builds, from its skeleton and its example, and reads back with its genre's parts."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wengao.build import BuildOptions, build_file
from wengao.cli import app
from wengao.docx.inspect import skeleton
from wengao.genres import GENRES

from conftest import DRAFTS, ROOT, soffice_convert, write, write_bank

runner = CliRunner()
GENRE_NAMES = sorted(GENRES)


def _build(src: Path, tmp_path: Path) -> dict:
    out = tmp_path / (src.stem + ".docx")
    build_file(src, out, BuildOptions(force=True))
    return skeleton(out)


def heading_texts(skel: dict, level: int) -> list[str]:
    return [p["text"] for p in skel["paragraphs"] if p["outline_level"] == level - 1 and p["style"].startswith("heading")]


@pytest.mark.parametrize("genre", GENRE_NAMES)
def test_skeleton_builds_as_it_is(genre: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["new", genre, "-o", "draft.yaml"])
    assert result.exit_code == 0, result.output
    skel = _build(tmp_path / "draft.yaml", tmp_path)
    texts = [p["text"] for p in skel["paragraphs"] if p["text"]]
    assert len(texts) >= 5 and all("{" not in t for t in texts)


@pytest.mark.parametrize("genre", GENRE_NAMES)
def test_example_builds(genre: str, tmp_path: Path) -> None:
    skel = _build(DRAFTS / f"example-{genre}.yaml", tmp_path)
    assert skel["core"]["subject"] == GENRES[genre].label
    assert sum(len(p["text"]) for p in skel["paragraphs"]) > 500


def test_study_report_has_the_author_line_and_no_salutation(tmp_path: Path) -> None:
    skel = _build(DRAFTS / "example-study-report.yaml", tmp_path)
    paras = [p for p in skel["paragraphs"] if p["text"]]
    assert paras[0]["style"] == "Title"
    assert (paras[1]["text"], paras[1]["style"], paras[1]["east_asia"], paras[1]["align"]) == (
        "区民政局局长", "Byline", "楷体_GB2312", "center")
    assert not any(p["style"] == "Salutation" for p in paras)
    assert heading_texts(skel, 1) == ["一、总体感受", "二、经验启示", "三、工作思路"]
    assert heading_texts(skel, 2)[0] == "（一）兜牢社会救助底线"
    assert any(p["text"].startswith("一是坚持党建引领") for p in paras)


def test_news_has_no_numbered_headings_and_points_run_on(tmp_path: Path) -> None:
    skel = _build(DRAFTS / "example-news.yaml", tmp_path)
    paras = [p for p in skel["paragraphs"] if p["text"]]
    assert not any(p["outline_level"] is not None for p in paras)
    assert not any(p["text"].startswith(("一、", "（一）")) for p in paras)
    assert not any(p["style"] == "Salutation" for p in paras)
    source = next(p for p in paras if p["style"] == "Source Line")
    assert source["text"] == "某某日报　2023年11月28日"
    stress = next(p for p in paras if p["text"].startswith("某某某强调"))
    assert "。一要统筹推动县域内城乡融合发展" in stress["text"] and "。五要强化要素保障" in stress["text"]
    assert paras[-1]["text"].endswith("参加会议和观摩活动。")


def test_exchange_numbers_inside_sections_with_1_dun(tmp_path: Path) -> None:
    skel = _build(DRAFTS / "example-exchange.yaml", tmp_path)
    assert heading_texts(skel, 1)[0] == "一、深入学习推广浙江经验的重大意义"
    assert heading_texts(skel, 2)[:2] == ["1、深入学习浙江经验是贯彻落实习近平生态文明思想的重要举措。",
                                          "2、深入学习浙江经验是践行以人民为中心的发展思想的内在要求。"]
    assert heading_texts(skel, 2)[2].startswith("1、始终坚持高位推动")  # numbering restarts per section


def test_compilation_has_a_toc_field_and_each_part_on_a_new_page(tmp_path: Path) -> None:
    skel = _build(DRAFTS / "example-compilation.yaml", tmp_path)
    paras = skel["paragraphs"]
    parts = [p for p in paras if p["style"] == "Part Title"]
    assert [p["text"] for p in parts] == ["学习借鉴“千万工程”经验奋力开创民政工作新局面",
                                          "乡村振兴关键在“人”关键在“干”",
                                          "深入学习浙江“千万工程”经验扎实推进农村人居环境整治的交流发言"]
    assert all(p["outline_level"] == 0 for p in parts)
    # one break for the contents page, one before each later part (the first begins a section)
    assert not parts[0]["page_break_before"] and all(p["page_break_before"] for p in parts[1:])
    assert sum(p["page_break_before"] for p in paras) == len(parts)
    # the parts' headings keep their levels and their own genre's numbering
    assert "一、总体感受" in heading_texts(skel, 1) and "（一）兜牢社会救助底线" in heading_texts(skel, 2)
    assert "1、深入学习浙江经验是贯彻落实习近平生态文明思想的重要举措。" in heading_texts(skel, 2)
    toc = [p for p in paras if p["style"] in ("toc 1", "toc 2")]
    assert toc[0]["text"].startswith(parts[0]["text"]) and any(p["text"].startswith("一、总体感受") for p in toc)
    # each contents line ends in a PAGEREF to a bookmark, which LibreOffice computes too
    assert all(len(p["fields"]) == 1 and p["fields"][0].startswith("PAGEREF _Toc") for p in toc)
    cover = next(p for p in paras if p["style"] == "Cover Title")
    assert cover["text"] == "学习运用“千万工程”经验建设和美乡村专题培训感悟汇编"


def test_compilation_parts_are_checked_with_their_own_lines(tmp_path: Path) -> None:
    from wengao.errors import WengaoError
    from wengao.outline.load import load_outline

    write(tmp_path / "part.yaml", "genre: study-report\ntitle: 篇目\nsections:\n  - heading: 甲\n    paragrahs: [x]\n")
    src = write(tmp_path / "c.yaml", """
        genre: compilation
        title: 汇编
        parts:
          - include: part.yaml
          - genre: speach
            title: 乙
          - include: missing.yaml
        """)
    with pytest.raises(WengaoError) as info:
        load_outline(src)
    text = str(info.value)
    assert f"{tmp_path / 'part.yaml'}:5:5: 错误: 第 1 级小节中没有键 'paragrahs'" in text
    assert f"{src}:5:12: 错误: 汇编的部分不能用文种 'speach'" in text
    assert "missing.yaml: 错误: 找不到文件" in text


def test_workspace_templates_override_builtin_by_file_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "templates" / "news" / "document.md.j2", "@title {{ title }}\n@p 本单位版式\n")
    skel = _build(DRAFTS / "example-news.yaml", tmp_path)
    assert [p["text"] for p in skel["paragraphs"]] == [
        "全省学习践行“千万工程”经验全面推进乡村振兴现场会召开", "本单位版式"]
    # the shared section macros can be overridden the same way
    write(tmp_path / "templates" / "_common" / "sections.md.j2",
          "{% macro render_sections(sections, news=false) %}@p 自定义章节\n{% endmacro %}\n")
    skel = _build(DRAFTS / "example-speech.yaml", tmp_path)
    assert "自定义章节" in [p["text"] for p in skel["paragraphs"]]


def test_new_refuses_to_overwrite_and_fills_title(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    ok = runner.invoke(app, ["new", "study-report", "-o", "a.yaml", "--title", "学习心得: 体会", "--speaker", "村党支部书记"])
    assert ok.exit_code == 0
    from wengao.outline.load import load_outline

    outline = load_outline(tmp_path / "a.yaml")
    assert outline.title.value == "学习心得: 体会" and outline.author.value == "村党支部书记"
    (tmp_path / "a.yaml").write_text("edited", encoding="utf-8")
    again = runner.invoke(app, ["new", "study-report", "-o", "a.yaml"])
    assert again.exit_code != 0 and "--force" in again.output
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == "edited"
    listed = runner.invoke(app, ["new", "--list"])
    assert listed.exit_code == 0 and all(g in listed.output for g in GENRE_NAMES)
    assert runner.invoke(app, ["new", "speach"]).exit_code != 0


def test_every_genre_has_an_example_and_a_skeleton() -> None:
    for genre in GENRE_NAMES:
        assert (DRAFTS / f"example-{genre}.yaml").is_file()
        assert (ROOT / "templates" / genre / "skeleton.yaml").is_file()


def test_init_copies_templates_and_bank_that_then_take_effect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "cache"))
    done = runner.invoke(app, ["init"])
    assert done.exit_code == 0 and "drafts" in done.output and (tmp_path / "drafts").is_dir()
    assert (tmp_path / "templates" / "speech" / "document.md.j2").is_file()
    assert (tmp_path / "templates" / "reference.docx").is_file()
    assert (tmp_path / "phrasebank" / "closing.yaml").is_file()
    again = runner.invoke(app, ["init"])
    assert again.exit_code != 0 and "--force" in again.output
    # an edit of the copied template changes the next build
    tpl = tmp_path / "templates" / "speech" / "document.md.j2"
    tpl.write_text(tpl.read_text(encoding="utf-8").replace("@blank\n", "@p 本单位加的一行\n", 1), encoding="utf-8")
    skel = _build(DRAFTS / "example-speech.yaml", tmp_path)
    assert "本单位加的一行" in [p["text"] for p in skel["paragraphs"]]


def test_compilation_cover_and_contents_are_unnumbered_and_the_first_part_is_page_1(tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    out = tmp_path / "c.docx"
    build_file(DRAFTS / "example-compilation.yaml", out, BuildOptions())
    front, parts = docx.Document(str(out)).sections
    assert front._sectPr.find(qn("w:footerReference")) is None  # no footer: no page number
    assert parts._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert not parts.different_first_page_header_footer
    speech = tmp_path / "s.docx"
    build_file(DRAFTS / "example-speech.yaml", speech, BuildOptions())
    assert len(docx.Document(str(speech)).sections) == 1
    import shutil
    import subprocess

    if shutil.which("soffice") and shutil.which("pdftotext"):
        soffice_convert("pdf", tmp_path, out)
        pages = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(tmp_path / "c.pdf"), "-"],
                                check=True, capture_output=True, text=True).stdout for n in (1, 2, 3)]
        assert "—" not in pages[0] and "—1—" not in pages[1].replace(" ", "")
        assert "—1—" in pages[2].replace(" ", "")
        # the contents page shows page numbers where LibreOffice renders it
        lines = [ln for ln in pages[1].splitlines() if "..." in ln]
        assert lines and all(ln.rstrip()[-1].isdigit() for ln in lines)
        assert lines[0].rstrip().endswith("1")


def test_a_genre_may_be_named_in_chinese_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """new, an outline's genre: and a pick's genre take 讲话稿 as they take speech: one table
    (wengao.genres) maps both forms to the one genre."""
    from wengao.genres import canonical_genre
    from wengao.outline.load import load_outline

    assert {n: canonical_genre(n) for n in ("讲话稿", "讲话", "研讨交流发言", "交流发言", "心得体会", "会议新闻稿",
                                           "新闻稿", "汇编", "Speech")} == {
        "讲话稿": "speech", "讲话": "speech", "研讨交流发言": "exchange", "交流发言": "exchange",
        "心得体会": "study-report", "会议新闻稿": "news", "新闻稿": "news", "汇编": "compilation", "Speech": "speech"}
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["new", "心得体会", "-o", "zh.yaml"]).exit_code == 0
    assert runner.invoke(app, ["new", "study-report", "-o", "en.yaml"]).exit_code == 0
    assert (tmp_path / "zh.yaml").read_text(encoding="utf-8") == (tmp_path / "en.yaml").read_text(encoding="utf-8")
    outline = write(tmp_path / "o.yaml", """
        genre: 研讨交流发言
        title: 交流发言
        sections:
          - heading: 一点体会
            paragraphs: [要抓好落实。]
        closing:
          - pick: {function: closing, genre: 讲话稿}
        """)
    loaded = load_outline(outline)
    assert loaded.genre == "exchange"
    assert loaded.closing[0].genre == "speech"


def test_an_unknown_genre_lists_the_valid_ones_in_both_forms(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", "讲稿"])
    assert result.exit_code == 2
    assert "speech（讲话稿）" in result.output and "news（会议新闻稿）" in result.output
    outline = write(tmp_path / "o.yaml", """
        genre: 讲话搞
        title: 讲话
        sections: [{heading: 一, paragraphs: [二。]}]
        """)
    built = runner.invoke(app, ["build", str(outline)])
    assert built.exit_code == 3 and "o.yaml:1:8" in built.output
    assert "是不是 speech（讲话稿）" in built.output and "compilation（汇编）" in built.output
    picked = write(tmp_path / "p.yaml", """
        title: 讲话
        sections: [{heading: 一, paragraphs: [{pick: {function: closing, genre: 诗歌}}]}]
        """)
    built = runner.invoke(app, ["build", str(picked)])
    assert built.exit_code == 3 and "诗歌" in built.output and "speech（讲话稿）" in built.output


def test_new_takes_the_topics_from_the_title_and_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """topics: come from the title when it names a known topic, else stay empty for the writer;
    a skeleton pick the bank cannot fill on that topic is left as 【…】 with a warning, so the
    draft builds and never borrows a phrase about another topic."""
    import docx

    from wengao.outline.load import load_outline

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "cache"))
    bank = tmp_path / "phrasebank"
    entries = {
        "closing": [{"id": "closing.0001", "text": "同志们，让我们全面推进乡村振兴！", "function": "closing",
                     "kind": "sentence", "count": 2, "sources": ["a.txt:9"], "genres": ["speech"],
                     "topics": ["乡村振兴"]}],
        "transition": [{"id": "transition.0001", "text": "下面，我再强调三点意见。", "function": "transition",
                        "kind": "sentence", "count": 4, "sources": ["a.txt:3"], "genres": ["speech"], "topics": []}],
    }
    write_bank(bank, entries)
    made = runner.invoke(app, ["new", "speech", "--title", "在全县安全生产工作会议上的讲话", "-o", "s.yaml"])
    assert made.exit_code == 0, made.output
    assert load_outline(tmp_path / "s.yaml").topics == ("安全生产",)
    assert "s.yaml:39:5: 警告: 素材库里没有“安全生产”方面的结尾号召" in made.output
    built = runner.invoke(app, ["build", "s.yaml"])
    assert built.exit_code == 0, built.output
    texts = [p.text for p in docx.Document(str(tmp_path / "s.docx")).paragraphs]
    assert "下面，我再强调三点意见。" in texts  # a topic-free pick is still taken
    assert not any("乡村振兴" in x for x in texts) and "【结尾号召" in texts[-1]
    plain = runner.invoke(app, ["new", "speech", "--title", "在全县三级干部大会上的讲话", "-o", "t.yaml"])
    assert plain.exit_code == 0 and "警告" not in plain.output
    assert load_outline(tmp_path / "t.yaml").topics == ()
    assert runner.invoke(app, ["build", "t.yaml"]).exit_code == 0
    texts = [p.text for p in docx.Document(str(tmp_path / "t.docx")).paragraphs]
    assert texts[-1] == "同志们，让我们全面推进乡村振兴！"  # no topic given: any phrase may be picked
