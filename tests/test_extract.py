"""`wengao outline extract`: structure found, text kept, round trip stable — on the seeds, on
documents the tests write, and on the development corpus where it is present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from wengao.build import BuildOptions, build_file
from wengao.cli import app
from wengao.document.numbering import parse_point
from wengao.extract import dump, extract, outline_texts
from wengao.outline.load import load_outline
from wengao.reading import read_document
from wengao.reading.model import BlockKind

from conftest import CORPUS, ROOT, write

runner = CliRunner()
SEEDS = {p.name[:3]: p for p in CORPUS.glob("*.txt")}
DEV = ROOT.parent / "shared" / "corpus-dev"
FIELDS = (BlockKind.NOISE, BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.AUTHOR, BlockKind.DATE,
          BlockKind.SOURCE, BlockKind.SALUTATION)


def seed(n: str):
    return extract(SEEDS[n])


def headings(sections: list[dict], level: int = 1) -> list[tuple[int, str]]:
    """(level, text) of every heading; a run-in heading's closing mark (。 or ：) left out."""
    out = []
    for s in sections:
        if s.get("heading"):
            out.append((level, s["heading"].rstrip("。：") if s.get("run_in") else s["heading"]))
        out += headings(s.get("sections", []), level + 1)
    return out


def _han(text: str) -> str:
    return "".join(c for c in text if "\u4e00" <= c <= "\u9fff")


def assert_conserved(path: Path, outline: dict) -> None:
    """Every text block of the read document is in the outline once, in order (its Chinese)."""
    flat = _han("".join(outline_texts(outline)))
    at = 0
    for b in read_document(path).blocks:
        if b.kind in FIELDS:
            continue
        for piece in (b.text, b.body):
            point = parse_point(piece)
            h = _han(point.rest if point else piece)
            if h:
                found = flat.find(h, at)
                assert found >= 0, f"{path.name}: lost {piece[:40]}"
                at = found + len(h)


def test_000_speech_structure() -> None:
    o = seed("000").outline
    assert o["genre"] == "speech"
    assert o["title"] == "在深化新时代“千万工程”全面打造乡村振兴样板推进会上讲话"  # year and (范文推荐) dropped
    assert o["salutation"] == "同志们："
    assert headings(o["sections"]) == [
        (1, "“千万工程”实施20年指引浙江乡村发生精彩蝶变，充分印证了“两个确立”的决定性意义"),
        (1, "深学细悟习近平总书记重要指示精神的精髓要义，进一步增强“千万工程”再出发再深化再提升的光荣感使命感紧迫感"),
        (1, "绘就“千村引领、万村振兴、全域共富、城乡和美”的新画卷，确保浙江样板全面过硬、全程领跑"),
        (1, "加强组织领导、狠抓工作落实，为“千万工程”走深走实再加力再赋能"),
    ]
    first = o["sections"][0]
    assert first["points"]["style"] == "shi" and len(first["points"]["items"]) == 5
    assert first["points"]["items"][0]["lead"] == "“千万工程”指引浙江全面塑造宜居宜人的农村人居环境，以生态美乡村的路子越走越宽。"
    assert first["after"][0].startswith("“千万工程”实施20年来取得的历史性成就")
    leads = [i["lead"] for i in o["sections"][2]["points"]["items"]]
    assert leads[0] == "聚焦增底蕴、提颜值，涵养整体大美好气质。" and len(leads) == 5
    assert o["sections"][2]["points"]["style"] == "plain"


def test_002_speech_keeps_its_words_and_finds_yao_points() -> None:
    """Reading never changes a word (the seed's corrupted 推动会, 生疏 stay): repairs are the miner's."""
    o = seed("002").outline
    assert o["title"] == "市委书记在乡村振兴工作推动会上的讲话"
    assert o["speaker"] == "市委书记"  # the post that gives the speech, named in the title
    assert [h for _, h in headings(o["sections"])] == [
        "提高政治站位，进一步增加推动乡村振兴工作的责任感使命感",
        "坚持精准施策，进一步把准推动乡村振兴工作的关键点着力点",
        "压紧压实责任，进一步激发推动乡村振兴工作的乐观性主动性"]
    pts = o["sections"][0]["points"]
    assert pts["style"] == "yao" and [i["lead"] for i in pts["items"]] == [
        "深刻生疏极端重要性。", "深刻生疏简单困难性。", "深刻生疏现实紧迫性。"]
    assert o["closing"][0].startswith("同志们，全面推动乡村振兴，责任重大、使命荣耀。让我们")


def test_004_compilation_has_all_ten_parts() -> None:
    result = seed("004")
    o = result.outline
    assert o["genre"] == "compilation"
    assert o["title"] == "区学习运用“千万工程”经验建设和美乡村专题培训感悟汇编10篇"
    parts = o["parts"]
    assert len(parts) == 10
    assert [(p["title"], p["author"]) for p in parts[:3]] == [
        ("建设和美乡村，当好开路先锋", "区交通运输局局长"),
        ("学习“千万工程”经验心得体会", "村党支部书记"),
        ("学习借鉴“千万工程”经验奋力开创民政工作新局面", "区民政局局长")]
    # the compilation's title says what its pieces are (…感悟汇编): each is a study report
    assert all(p["genre"] == "study-report" and p["author"] for p in parts)
    third = headings(parts[2]["sections"])
    assert third[:2] == [(1, "总体感受"), (1, "经验启示")]
    assert (2, "兜牢社会救助底线") in third and (2, "坚持制度引领，培育群众内生动力") in third
    # the table of contents cross-checks the parts and is not copied into them
    assert not result.warnings
    assert not any("目录" in t for t in outline_texts(o))


@pytest.mark.parametrize("n", ["000", "001", "002", "003", "004"])
def test_text_is_conserved(n: str) -> None:
    assert_conserved(SEEDS[n], seed(n).outline)


@pytest.mark.parametrize("n", ["000", "001", "002", "003", "004"])
def test_round_trip_extract_build_extract(n: str, tmp_path: Path) -> None:
    first = seed(n)
    src = tmp_path / "outline.yaml"
    src.write_text(dump(first.outline), encoding="utf-8")
    load_outline(src)  # a valid outline
    built = build_file(src, tmp_path / "built.docx", BuildOptions())
    again = extract(built.path)
    assert dump(again.outline) == dump(first.outline)


def test_cli_writes_yaml_or_prints_json(tmp_path: Path) -> None:
    out = tmp_path / "o.yaml"
    ok = runner.invoke(app, ["outline", "extract", str(SEEDS["002"]), "-o", str(out)])
    assert ok.exit_code == 0, ok.output
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["genre"] == "speech"
    again = runner.invoke(app, ["outline", "extract", str(SEEDS["002"]), "-o", str(out)])
    assert again.exit_code != 0 and "--force" in again.output
    js = runner.invoke(app, ["outline", "extract", str(SEEDS["003"]), "--json"])
    data = json.loads(js.output)
    assert data["genre"] == "news" and data["date"] == "2023-11-28" and data["attendance"]
    assert data["source"] == "山西日报"
    missing = runner.invoke(app, ["outline", "extract", str(tmp_path / "none.txt")])
    assert missing.exit_code != 0 and "none.txt" in missing.output


# -- documents the tests write ---------------------------------------------------------------

SPEECH = """\
在全县安全生产工作会议上的讲话
县长　王某某
（2025年11月20日）

同志们：
今天召开全县安全生产工作会议，主要任务是贯彻落实上级部署，安排部署当前工作。
一、提高政治站位，切实增强做好安全生产工作的责任感紧迫感
安全生产事关人民群众生命财产安全。我们要时刻绷紧安全生产这根弦。
（一）深刻认识形势的严峻性。当前，全县安全生产形势总体平稳，但隐患依然存在。
（二）深刻认识责任的重大性。各级各部门要把安全生产摆在突出位置。
二、突出重点，扎实开展隐患排查整治
一是抓好道路交通安全。加强重点路段巡查管控。
二是抓好建筑施工安全。严格落实安全生产责任制。
同志们，安全生产责任重于泰山。让我们以更加扎实的作风，坚决守住安全底线！
"""


def test_a_plain_speech_reads_as_one_speech(tmp_path: Path) -> None:
    """Title, a post-and-name line and a date line: one speech, not a compilation titled by its date."""
    path = write(tmp_path / "讲话.txt", SPEECH)
    o = extract(path).outline
    assert o["genre"] == "speech"
    assert o["title"] == "在全县安全生产工作会议上的讲话"
    assert o["speaker"] == "县长 王某某" and o["date"] == "2025-11-20" and o["salutation"] == "同志们："
    assert headings(o["sections"]) == [
        (1, "提高政治站位，切实增强做好安全生产工作的责任感紧迫感"),
        (2, "深刻认识形势的严峻性"), (2, "深刻认识责任的重大性"),
        (1, "突出重点，扎实开展隐患排查整治")]
    # a run-in heading keeps its mark, says so, and its text follows as the first paragraph
    first = o["sections"][0]["sections"][0]
    assert first["heading"] == "深刻认识形势的严峻性。" and first["run_in"] is True
    assert first["paragraphs"][0].startswith("当前，全县安全生产形势总体平稳")
    assert o["sections"][1]["points"]["style"] == "shi"
    assert o["closing"][0].startswith("同志们，安全生产责任重于泰山")
    assert_conserved(path, o)


def test_without_the_date_line_the_post_line_is_not_the_title(tmp_path: Path) -> None:
    path = write(tmp_path / "讲话.txt", SPEECH.replace("（2025年11月20日）\n", ""))
    o = extract(path).outline
    assert o["title"] == "在全县安全生产工作会议上的讲话" and o["speaker"] == "县长 王某某"
    assert "date" not in o


def test_a_preface_line_is_a_note_not_the_title(tmp_path: Path) -> None:
    path = write(tmp_path / "讲话.txt", "编者按：现将县长在会上的讲话予以刊发，供学习参考。\n" + SPEECH)
    o = extract(path).outline
    assert o["title"] == "在全县安全生产工作会议上的讲话"
    assert o["opening"][0].startswith("编者按：")


def test_site_chrome_is_set_aside(tmp_path: Path) -> None:
    chrome = "首页\n下载\n打印\n收藏\n【字号：\n大\n中\n小\n】\n来源：县政府网\n时间：2025-11-21 09:30\n"
    path = write(tmp_path / "网页.txt", chrome + SPEECH + "责任编辑：张三\n打印本页\n关闭窗口\n")
    doc = read_document(path)
    noise = [b.text for b in doc.blocks if b.kind is BlockKind.NOISE]
    assert {"下载", "【字号：", "打印本页", "关闭窗口", "时间：2025-11-21 09:30"} <= set(noise)
    o = extract(path).outline
    assert o["title"] == "在全县安全生产工作会议上的讲话" and o["genre"] == "speech"
    assert not any(t in "".join(outline_texts(o)) for t in ("打印本页", "关闭窗口", "字号"))


def test_two_title_blocks_each_with_a_body_make_a_compilation(tmp_path: Path) -> None:
    one = ("学习贯彻全会精神的心得体会\n县教育局局长\n通过学习，我深刻认识到全会精神的重大意义。"
           "一是要坚定理想信念。二是要担当作为。\n下一步，我将把学习成果转化为推动工作的实际成效。\n")
    two = ("在新的起点上奋力开创工作新局面\n县农业农村局局长\n这次学习让我收获很大。我将以此为契机，"
           "扎实做好本职工作。\n今后，我们要以更加务实的作风推动各项工作落地见效。\n")
    path = write(tmp_path / "汇编.txt", "学习体会汇编\n" + one + two)
    o = extract(path).outline
    assert o["genre"] == "compilation" and o["title"] == "学习体会汇编"
    assert [(p["title"], p["author"], p["genre"]) for p in o["parts"]] == [
        ("学习贯彻全会精神的心得体会", "县教育局局长", "study-report"),
        ("在新的起点上奋力开创工作新局面", "县农业农村局局长", "study-report")]


def test_news_with_a_dateline_and_a_byline(tmp_path: Path) -> None:
    text = ("全县安全生产工作会议召开\n"
            "11月20日，全县安全生产工作会议在县行政中心召开。会议传达学习了上级有关会议精神。\n"
            "县长王某某出席会议并讲话。他指出，安全生产事关人民群众生命财产安全。\n"
            "王某某强调，要压紧压实安全生产责任，一要抓好隐患排查，二要抓好应急处置。\n"
            "各乡镇主要负责同志参加会议。（记者李某某）\n")
    o = extract(write(tmp_path / "新闻.txt", text)).outline
    assert o["genre"] == "news" and o["title"] == "全县安全生产工作会议召开"
    assert o["author"] == "记者李某某"
    assert o["opening"][0].startswith("11月20日，全县安全生产工作会议")
    assert o["attendance"][0].startswith("各乡镇主要负责同志参加会议")


def test_a_source_line_of_several_fields_gives_the_source_alone(tmp_path: Path) -> None:
    text = ("首页 > 新闻中心 > 县区动态\n我县召开乡村振兴工作推进会\n"
            "来源：县融媒体中心  时间：2024-03-15 10:30  责任编辑：刘某\n"
            "3月14日上午，我县召开乡村振兴工作推进会，安排部署今年重点任务。县委书记陈某某出席会议并讲话。\n"
            "陈某某强调，要坚持把“三农”工作作为重中之重。\n")
    o = extract(write(tmp_path / "网页新闻.txt", text)).outline
    assert (o["genre"], o["source"], o["date"]) == ("news", "县融媒体中心", "2024-03-15")


def test_numbering_of_every_kind_nests_as_the_document_uses_it(tmp_path: Path) -> None:
    text = ("关于做好冬季工作的讲话\n"
            "一、总体要求\n今年冬季工作任务重、要求高，各单位要早谋划、早部署。\n"
            "1．加强组织领导。各单位主要负责同志要亲自抓。\n"
            "（1）明确责任分工。要把任务分解到人。\n"
            "2．强化督促检查。要定期开展督查。\n"
            "二、重点任务\n"
            "第一，要抓好安全防范。要加强重点部位巡查。\n"
            "第二，要抓好民生保障。要确保群众温暖过冬。\n")
    o = extract(write(tmp_path / "讲话.txt", text)).outline
    assert headings(o["sections"]) == [
        (1, "总体要求"), (2, "加强组织领导"), (3, "明确责任分工"), (2, "强化督促检查"),
        (1, "重点任务"), (2, "要抓好安全防范"), (2, "要抓好民生保障")]


def test_bare_numerals_and_labels_are_headings(tmp_path: Path) -> None:
    text = ("在座谈会上的讲话\n（二〇二三年五月）\n\n同志们！今天请大家来，是要听取意见。\n\n一\n\n"
            "第一个方面的情况是这样的，我们要从实际出发研究问题。\n\n二\n\n"
            "第二个方面，我们要坚持实事求是，从群众中来，到群众中去。\n")
    o = extract(write(tmp_path / "讲话.txt", text)).outline
    assert o["date"] == "2023-05" and o["salutation"] == "同志们！"
    assert headings(o["sections"]) == [(1, "一"), (1, "二")]


def test_hard_wrapped_lines_are_joined(tmp_path: Path) -> None:
    # wrapped at 24 characters, as text copied from a PDF is
    text = ("领导班子工作总结\n"
            "三年来，学校领导班子在认真回顾办学历史，不断总结\n"
            "办学经验的基础上，对学校文化进行了认真梳理，确立了发展方略。\n"
            "一、抓好顶层设计\n"
            "1．完善课程体系。根据新课改的要求，结合学生的\n"
            "发展需要和学校的课程实际，开发了一批选修课程。\n"
            "2．构建培养机制。根据学校发展规划，结合特长生\n"
            "培养的实际需要，从招生、教学、课程等方面着手，构建了培养机制。\n")
    path = write(tmp_path / "总结.txt", text)
    doc = read_document(path)
    paras = [b.text for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paras[0].startswith("三年来") and paras[0].endswith("确立了发展方略。")
    o = extract(path).outline
    assert o["genre"] == "study-report"
    assert headings(o["sections"]) == [(1, "抓好顶层设计"), (2, "完善课程体系"), (2, "构建培养机制")]


def test_gb18030_crlf_text_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(SPEECH.replace("\n", "\r\n").encode("gb18030"))
    o = extract(path).outline
    assert o["title"] == "在全县安全生产工作会议上的讲话" and len(headings(o["sections"])) == 4


def test_word_heading_styles_give_levels(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("在全市工作会议上的讲话", style="Title")
    d.add_paragraph("市长　张某某")
    d.add_paragraph("同志们：")
    d.add_paragraph("今天的会议很重要，我讲三点意见。")
    d.add_heading("统一思想，提高认识", level=1)
    d.add_paragraph("做好今年的工作，意义重大。我们要切实增强责任感。")
    d.add_heading("明确任务", level=2)
    d.add_paragraph("各部门要对照任务清单，逐项抓好落实。")
    d.add_heading("加强领导，狠抓落实", level=1)
    d.add_paragraph("同志们，任务艰巨，责任重大。让我们团结一心，奋力拼搏！")
    path = tmp_path / "讲话.docx"
    d.save(path)
    o = extract(path).outline
    assert o["title"] == "在全市工作会议上的讲话" and o["speaker"] == "市长 张某某"
    assert headings(o["sections"]) == [(1, "统一思想，提高认识"), (2, "明确任务"), (1, "加强领导，狠抓落实")]
    assert o["closing"][0].startswith("同志们，任务艰巨")


def test_a_word_speech_made_the_way_users_make_them(tmp_path: Path) -> None:
    """Title typed big and centred, post line and date centred, Heading 1 for 一、, bold-only lines
    for （一） and for unnumbered subheads."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()

    def para(text: str, size: int = 16, bold: bool = False, center: bool = False) -> None:
        p = d.add_paragraph()
        run = p.add_run(text)
        run.font.size, run.bold = Pt(size), bold
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    para("在全县安全生产工作会议上的讲话", 22, True, True)
    para("县长　王某某", center=True)
    para("（2025年11月20日）", center=True)
    para("同志们：")
    para("今天召开全县安全生产工作会议，主要任务是贯彻落实上级部署，安排部署当前工作。")
    d.add_heading("一、提高政治站位，切实增强责任感", level=1)
    para("安全生产事关人民群众生命财产安全，事关改革发展稳定大局，我们要时刻绷紧这根弦。")
    para("（一）深刻认识形势的严峻性", bold=True)
    para("当前，全县安全生产形势总体平稳，但隐患依然存在，一些领域事故多发。")
    d.add_heading("二、突出重点，扎实开展隐患排查整治", level=1)
    para("加强组织领导", bold=True)
    para("各乡镇、各部门主要负责同志要亲自抓、负总责，形成层层抓落实的工作格局。")
    para("强化督促检查", bold=True)
    para("县安委办要加强督查，对工作不力的单位进行通报，确保各项措施落到实处。")
    para("同志们，安全生产责任重于泰山。让我们以更加扎实的作风，坚决守住安全底线！")
    path = tmp_path / "讲话.docx"
    d.save(path)
    o = extract(path).outline
    assert (o["genre"], o["title"], o["speaker"], o["date"], o["salutation"]) == (
        "speech", "在全县安全生产工作会议上的讲话", "县长 王某某", "2025-11-20", "同志们：")
    assert headings(o["sections"]) == [
        (1, "提高政治站位，切实增强责任感"), (2, "深刻认识形势的严峻性"),
        (1, "突出重点，扎实开展隐患排查整治"), (2, "加强组织领导"), (2, "强化督促检查")]
    assert o["closing"][0].startswith("同志们，安全生产责任重于泰山")
    assert_conserved(path, o)


def test_auto_numbered_headings_read_as_printed(tmp_path: Path) -> None:
    """Word's automatic numbering (一、 from numbering.xml) counts as the number a reader sees."""
    from docx_package import make_docx
    from docx_package import p as para

    numbering = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    body = (para("关于做好冬季工作的讲话") + para("同志们：")
            + para("今年冬季工作任务重、要求高，各单位要早谋划、早部署。")
            + para("总体要求", num) + para("要把安全放在首位，确保不发生重大事故。")
            + para("重点任务", num) + para("要抓好安全防范和民生保障，确保群众温暖过冬。"))
    path = make_docx(tmp_path / "auto.docx", body, numbering=numbering)
    o = extract(path).outline
    assert headings(o["sections"]) == [(1, "总体要求"), (1, "重点任务")]


# -- the development corpus (skipped where ../shared is absent) -------------------------------

@pytest.mark.skipif(not (DEV / "gold").is_dir(), reason="../shared/corpus-dev is not here")
def test_dev_corpus_scores_and_round_trips() -> None:
    """The figures issue 10 asks for, on documents nobody here wrote."""
    import subprocess
    import sys

    r = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_reading.py"), str(DEV)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    last = r.stdout.strip().splitlines()
    head = next(ln for ln in last if ln.startswith("headings:"))
    tail = next(ln for ln in last if ln.startswith("front matter"))
    in_order = float(head.split("parts paired in order: F1 ")[1].split()[0])
    front = float(tail.split(" = ")[1].split(";")[0])
    genre = float(tail.split("genre ")[1].split(" = ")[1].split(";")[0])
    # the figures of issue 10 (the yardstick's own F1 cannot pass 0.956 here: two parts of one
    # compilation share a title and it pairs both with the first; parts paired in order can)
    assert in_order >= 0.97 and front >= 0.95 and genre >= 0.9, r.stdout[-2000:]
    assert "text conserved 20/20" in tail and "round trip 20/20" in tail, r.stdout[-2000:]
