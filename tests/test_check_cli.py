"""wengao check end to end: report lines and exit codes, JSON, folders, outlines and .docx
positions, settings and whitelist, bad input, and the annotated copy with Word comments."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from typer.testing import CliRunner

from wengao.cli import app
from wengao.docx.inspect import comment_anchors

from conftest import have, soffice_convert

runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEAD = "关于做好全年工作的讲话\n同志们：\n"


def invoke(*args: str):
    return runner.invoke(app, ["check", *args])


def txt(tmp_path: Path, body: str, name: str = "稿.txt") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def make_docx(path: Path, paragraphs: list[list[str] | str], table: list[list[str]] | None = None,
              table_after: int = 0) -> Path:
    """A .docx whose paragraphs are given as texts, or as lists of run texts."""
    d = docx.Document()
    for i, p in enumerate(paragraphs):
        if table is not None and i == table_after:
            t = d.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = cell
        para = d.add_paragraph()
        for run in [p] if isinstance(p, str) else p:
            para.add_run(run)
    d.save(str(path))
    return path


def comments_of(path: Path) -> list[tuple[str, str]]:
    """(anchored text, comment text) of each comment, read from the package."""
    with zipfile.ZipFile(path) as z:
        notes = etree.fromstring(z.read("word/comments.xml"))
    texts = {c.get(f"{W}id"): "".join(t.text or "" for t in c.iter(f"{W}t")) for c in notes.iter(f"{W}comment")}
    anchored = comment_anchors(path)
    return [(anchored.get(cid, ""), texts[cid]) for cid in texts]


# -- lines, exit codes, JSON ----------------------------------------------------------------------

def test_a_finding_is_one_located_line_and_exit_1(tmp_path: Path) -> None:
    path = txt(tmp_path, "今天召开会议,部署工作。\n")
    result = invoke(str(path))
    assert result.exit_code == 1
    assert f"{path}:3:7: 错误 [punct.halfwidth]:" in result.output
    assert "（建议：，）" in result.output


def test_chinese_report_line(tmp_path: Path) -> None:
    path = txt(tmp_path, "在XX局召开会议。\n")
    result = invoke(str(path))
    assert f"{path}:3:2: 错误 [placeholder]: 占位符未替换：“XX”" in result.output
    assert "1 处错误" in result.output


def test_english_report_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENGAO_LANG", "en")
    path = txt(tmp_path, "今天召开会议,部署工作。\n")
    result = invoke(str(path))
    assert f"{path}:3:7: error [punct.halfwidth]: half-width “,” in Chinese text (suggestion: ，)" in result.output


def test_clean_draft_exits_0(tmp_path: Path) -> None:
    path = txt(tmp_path, "今天召开会议，部署全年工作。\n")
    result = invoke(str(path))
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output


def test_notes_alone_exit_0(tmp_path: Path) -> None:
    s = "我们要坚持以人民为中心的发展思想，办好民生实事。\n"
    result = invoke(str(txt(tmp_path, s + s)))
    assert result.exit_code == 0
    assert "提示 [repeat.inside]" in result.output


def test_json_objects(tmp_path: Path) -> None:
    path = txt(tmp_path, "会议于2024年03月05日召开。\n")
    result = runner.invoke(app, ["check", str(path), "--json"])
    assert result.exit_code == 1
    start = result.output.index("[")
    items = json.loads(result.output[start:result.output.rindex("]") + 1])
    assert items == [{"file": str(path), "line": 3, "col": 4, "rule": "number.date-zero",
                      "severity": "error", "message": items[0]["message"], "text": "2024年03月05日",
                      "suggestion": "2024年3月5日"}]


def test_folder_checks_every_document(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    txt(folder, "在XX局开会。\n", "a.txt")
    (folder / "b.yaml").write_text("title: 在××会议上的讲话\nsections:\n  - heading: 一个标题\n",
                                   encoding="utf-8")
    make_docx(folder / "c.docx", ["标题", "今天,开会。"])
    (folder / "notes.md").write_text("XX", encoding="utf-8")
    (folder / "~$c.docx").write_bytes(b"lock")
    result = invoke(str(folder))
    files = {line.split(":")[0] for line in result.output.splitlines() if "[" in line}
    assert files == {str(folder / "a.txt"), str(folder / "b.yaml"), str(folder / "c.docx")}


def test_list_rules() -> None:
    result = invoke("--list-rules")
    assert result.exit_code == 0
    for rule in ("placeholder", "numbering.sequence", "punct.dash", "wording.formulation", "quote.misquote"):
        assert rule in result.output


# -- positions in outlines and .docx --------------------------------------------------------------

def test_outline_findings_point_at_yaml_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "提纲.yaml"
    path.write_text(
        "genre: speech\n"
        "title: 在XX局会议上的讲话\n"
        "sections:\n"
        "  - heading: 提高站位\n"
        "    paragraphs:\n"
        "      - \"今天,我们开会。\"\n"
        "      - |\n"
        "        第一行没有问题。\n"
        "        第二行有【待补充】。\n", encoding="utf-8")
    result = invoke(str(path))
    assert f"{path}:2:9: 错误 [placeholder]" in result.output
    assert f"{path}:6:12: 错误 [punct.halfwidth]" in result.output
    assert f"{path}:9:13: 错误 [placeholder]" in result.output


def test_outline_front_matter_is_checked_at_its_yaml_place(tmp_path: Path) -> None:
    path = tmp_path / "讲话.yaml"
    path.write_text(
        "genre: speech\n"
        "title: 在全县工作会议上的讲话\n"
        "subtitle: ——在××会议上\n"
        "speaker: 县长 【姓名】\n"
        "salutation: 同志们：\n"
        "topics: [XX]\n"
        "date: 【××××年×月×日】\n"
        "sections:\n"
        "  - heading: 提高站位\n"
        "    paragraphs: [今天召开会议。]\n", encoding="utf-8")
    result = invoke(str(path))
    assert f"{path}:3:14: 错误 [placeholder]" in result.output
    assert f"{path}:4:13: 错误 [placeholder]" in result.output
    assert f"{path}:7:7: 错误 [placeholder]" in result.output
    assert f"{path}:6:" not in result.output  # settings (topics) are not the writer's text


def test_docx_line_is_the_paragraph_number(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "稿.docx", ["关于工作的讲话", "", "同志们：", "今天召开会议,部署工作。"])
    result = invoke(str(path))
    assert f"{path}:4:7: 错误 [punct.halfwidth]" in result.output


def test_unreadable_inputs_are_one_line_each(tmp_path: Path) -> None:
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"\x00\x01 not a zip")
    result = invoke(str(bad))
    assert result.exit_code == 6
    assert "Traceback" not in result.output
    assert sum(str(bad) in line for line in result.output.splitlines()) == 1
    missing = invoke(str(tmp_path / "没有.txt"))
    assert missing.exit_code == 6 and "Traceback" not in missing.output


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke(str(tmp_path))
    assert result.exit_code == 2


# -- settings and whitelist -----------------------------------------------------------------------

def test_rules_switched_off_and_downgraded(tmp_path: Path) -> None:
    path = txt(tmp_path, "今天,在XX局开会。\n")
    config = tmp_path / "c.yaml"
    config.write_text("rules:\n  punct: off\n  placeholder: info\n", encoding="utf-8")
    result = invoke(str(path), "--config", str(config))
    assert "punct.halfwidth" not in result.output
    assert "提示 [placeholder]" in result.output
    assert result.exit_code == 0


def test_folder_settings_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "wengao-check.yaml").write_text("rules:\n  placeholder: off\n", encoding="utf-8")
    result = invoke(str(txt(tmp_path, "在XX局开会。\n")))
    assert result.exit_code == 0


def test_user_whitelist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    (home / "wengao").mkdir(parents=True)
    (home / "wengao" / "check.yaml").write_text("whitelist: [XX银行]\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    result = invoke(str(txt(tmp_path, "XX银行支持本地发展。在XX局开会。\n")))
    assert result.output.count("[placeholder]") == 1
    assert ":3:13:" in result.output


def test_bad_settings_are_located(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("rules:\n  punct.dahs: off\n  placeholder: maybe\nwhitlist: []\n", encoding="utf-8")
    result = invoke(str(txt(tmp_path, "开会。\n")), "--config", str(config))
    assert result.exit_code == 2
    assert f"{config}:2:3:" in result.output and "punct.dash" in result.output
    assert f"{config}:3:16:" in result.output
    assert f"{config}:4:1:" in result.output and "whitelist" in result.output


# -- the annotated copy ---------------------------------------------------------------------------

def test_annotated_copy_has_a_comment_on_the_flagged_characters(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "稿.docx", ["关于工作的讲话", "同志们：",
                                           ["今天召开会议，要认真部", "暑下一步工作", "。"],
                                           "会议于2024年03月05日召开。"])
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    out = tmp_path / "校对稿.docx"
    result = invoke(str(src), "--annotate", str(out))
    assert result.exit_code == 1, result.output
    notes = comments_of(out)
    assert ("部暑", notes[0][1]) == notes[0] and "[wording.pair]" in notes[0][1]
    assert notes[1][0] == "2024年03月05日"
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts == [p.text for p in docx.Document(str(src)).paragraphs]  # every word kept


def test_annotation_is_reproducible(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "稿.docx", ["今天,开会。", "在XX局。"])
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    invoke(str(src), "--annotate", str(a))
    invoke(str(src), "--annotate", str(b))
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        notes = etree.fromstring(z.read("word/comments.xml"))
    assert {c.get(f"{W}author") for c in notes} == {"wengao"}
    assert {c.get(f"{W}date") for c in notes} == {"2000-01-01T00:00:00Z"}


def test_existing_output_needs_force(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "稿.docx", ["今天,开会。"])
    out = tmp_path / "校对稿.docx"
    out.write_bytes(b"mine")
    result = invoke(str(src), "--annotate", str(out))
    assert result.exit_code == 2 and out.read_bytes() == b"mine"
    assert invoke(str(src), "--annotate", str(out), "--force").exit_code == 1
    assert zipfile.is_zipfile(out)


def test_annotate_refuses_the_original_and_several_inputs(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "稿.docx", ["今天,开会。"])
    before = src.read_bytes()
    assert invoke(str(src), "--annotate", str(src), "--force").exit_code == 2
    assert src.read_bytes() == before
    other = txt(tmp_path, "开会。\n")
    assert invoke(str(src), str(other), "--annotate", str(tmp_path / "o.docx")).exit_code == 2


def test_text_input_becomes_a_docx_of_its_lines(tmp_path: Path) -> None:
    src = txt(tmp_path, "今天,开会。\n")
    out = tmp_path / "校对稿.docx"
    assert invoke(str(src), "--annotate", str(out)).exit_code == 1
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paragraphs[:3] == ["关于做好全年工作的讲话", "同志们：", "今天,开会。"]
    assert comments_of(out)[0][0] == ","


def test_comments_already_in_the_document_are_kept(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    run = p.add_run("已有批注的段落。")
    d.add_comment(run, text="作者的批注", author="张三")
    d.add_paragraph("今天,开会。")
    src = tmp_path / "稿.docx"
    d.save(str(src))
    out = tmp_path / "校对稿.docx"
    invoke(str(src), "--annotate", str(out))
    notes = comments_of(out)
    assert [n[1] for n in notes][0] == "作者的批注"
    assert notes[1][0] == ","
    reread = docx.Document(str(out))
    assert len(list(reread.comments)) == 2


def test_table_cell_finding_is_annotated_in_its_cell(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "稿.docx", ["关于工作的讲话", "今天召开会议。"],
                    table=[["项目", "负责人"], ["道路建设", "XX局"]], table_after=1)
    out = tmp_path / "校对稿.docx"
    result = invoke(str(src), "--annotate", str(out))
    assert "[placeholder]" in result.output
    assert comments_of(out)[0][0] == "XX"


@pytest.mark.skipif(not have("soffice"), reason="LibreOffice not installed")
def test_libreoffice_opens_the_annotated_copy(tmp_path: Path) -> None:

    src = make_docx(tmp_path / "稿.docx", [["今天召开会议，", "要认真部暑。"]])
    out = tmp_path / "校对稿.docx"
    invoke(str(src), "--annotate", str(out))
    soffice_convert("txt:Text (encoded):UTF8", tmp_path, out, timeout=120)
    assert "要认真部暑" in (tmp_path / "校对稿.txt").read_text(encoding="utf-8-sig")


def test_annotation_lines_up_past_numbering_and_tracked_changes(tmp_path: Path) -> None:
    """The reader's text holds Word's automatic number and drops deleted text: the comment must
    still sit on the flagged characters."""
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("第一项工作要抓好,不能放松。", style="List Number")
    p = d.add_paragraph()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for xml in (f'<w:r {w}><w:t>今天召开</w:t></w:r>',
                f'<w:del {w} w:id="1" w:author="a"><w:r><w:delText>删掉的字</w:delText></w:r></w:del>',
                f'<w:ins {w} w:id="2" w:author="a"><w:r><w:t>全体</w:t></w:r></w:ins>',
                f'<w:r {w}><w:t>会议,部署工作。</w:t></w:r>'):
        p._p.append(parse_xml(xml))
    src = tmp_path / "稿.docx"
    d.save(str(src))
    out = tmp_path / "校对稿.docx"
    result = invoke(str(src), "--annotate", str(out))
    assert result.output.count("[punct.halfwidth]") == 2, result.output
    assert [n[0] for n in comments_of(out)] == [",", ","]
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert body.rindex("commentRangeStart") > body.index("会议")  # after 会议, not inside 删掉的字


def test_a_line_break_inside_a_paragraph_keeps_its_paragraph_number(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("关于工作的讲话")
    p = d.add_paragraph("第一行文字")
    p.add_run().add_break()
    p.add_run("第二行,文字。")
    src = tmp_path / "稿.docx"
    d.save(str(src))
    result = invoke(str(src))
    assert f"{src}:2:10: 错误 [punct.halfwidth]" in result.output
