"""The structure reader, piece by piece, on lines and documents the tests write themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from wengao.document.numbering import Scheme, parse_number, parse_point
from wengao.reading import parse, read_document
from wengao.reading.front import author_line, date_line, find_date, is_subtitle, salutation
from wengao.reading.lexicon import load_lexicon
from wengao.reading.model import BlockKind, Genre, RawDocument, RawPara, SourceFormat

from conftest import write

LEX = load_lexicon()


def doc_of(lines: list[str]) -> RawDocument:
    paras = tuple(RawPara(t, i) for i, t in enumerate(lines, 1))
    return RawDocument("mem.txt", "mem.txt", SourceFormat.TXT, paras)


def kinds(doc, kind: BlockKind) -> list[str]:
    return [b.text for b in doc.blocks if b.kind is kind]


# -- the numbering grammar --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "scheme", "value", "rest"), [
    ("一、总体要求", Scheme.CN, 1, "总体要求"),
    ("十二、其他", Scheme.CN, 12, "其他"),
    ("六．扎实推进", Scheme.CN, 6, "扎实推进"),  # a full-width stop for 、
    ("（三）加强领导", Scheme.PAREN_CN, 3, "加强领导"),
    ("(二)半角括号", Scheme.PAREN_CN, 2, "半角括号"),
    ("1.关于成长", Scheme.ARABIC, 1, "关于成长"),
    ("5. 考试是手段", Scheme.ARABIC, 5, "考试是手段"),
    ("2、始终坚持", Scheme.ARABIC_DUN, 2, "始终坚持"),
    ("（1）高考成绩。", Scheme.PAREN_ARABIC, 1, "高考成绩。"),
    ("③注重实效", Scheme.CIRCLED, 3, "注重实效"),
    ("第二，要突出重点", Scheme.ORDINAL, 2, "要突出重点"),
    ("第一项措施：评优评先", Scheme.ORDINAL, 1, "评优评先"),
    ("三", Scheme.BARE, 3, ""),
    ("对策2：", Scheme.LABEL, 2, ""),
    ("手记③|细雨青川", Scheme.LABEL, 3, "细雨青川"),
    ("02 行政会议：交流谋划", Scheme.LABEL, 2, "行政会议：交流谋划"),
])
def test_numbers_of_every_kind(text: str, scheme: Scheme, value: int, rest: str) -> None:
    n = parse_number(text)
    assert n is not None and (n.scheme, n.value, n.rest) == (scheme, value, rest)


@pytest.mark.parametrize("text", ["2018年工作回顾", "1.5亿元资金", "一是抓好落实", "一个问题", "十九大以来",
                                  "第一阶段为现在", "三年来，学校", "2024年度述职报告"])
def test_near_misses_are_no_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_points_are_not_headings() -> None:
    p = parse_point("二要在持续推动有效连接上精准用力。")
    assert p is not None and (p.verb, p.value) == ("要", 2) and parse_number("二要在持续推动") is None


def test_a_short_point_among_points_is_no_heading(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "p.txt", """
        关于项目建设的讲话
        郭某强调：
        一是建设、施工、监理等有关单位要科学安排工期，进一步加强各单位间的协调力度，统筹推进项目建设。
        二是监管部门要切实履行监管职责，推进工程建设。
        三是项目法人要健全机构、完善制度、落实人员、明确职责，确保工程按计划进度顺利实施。
        四是坚持制度引领，培育群众内生动力
        要把制度建设贯穿始终，用制度管人管事，让群众在参与中增强获得感，在共建共享中提升幸福感。
        """))
    kinds = {b.text[:4]: b.kind for b in doc.blocks}
    assert kinds["监管部门"] is BlockKind.POINT  # between 一是… and 三是…, not over a paragraph of its own
    assert kinds["坚持制度"] is BlockKind.HEADING  # 四是… on its own line, over its paragraph
    doc = read_document(write(tmp_path / "q.txt", """
        关于教育工作的讲话
        一要落实立德树人根本任务
        一是加强思想政治教育，把社会主义核心价值观融入教育全过程。二是加强劳动教育，培养学生热爱劳动的品质。
        二要促进教育均衡发展
        要加大薄弱学校改造力度，推动城乡教育一体化发展，让每个孩子都能享有公平而有质量的教育。
        """))
    kinds = {b.text[:4]: b.kind for b in doc.blocks}
    assert kinds["落实立德"] is BlockKind.HEADING  # over its own 一是…二是…, which begin another series


# -- what a short line is ---------------------------------------------------------------------

def test_dates_in_every_form() -> None:
    assert date_line("（2022年10月16日）") == "2022-10-16"
    assert date_line("2019 年5 月27 日") == "2019-05-27"
    assert date_line("（一九四二年五月二日）") == "1942-05-02"
    assert date_line("（一九四二年五月）") == "1942-05"
    assert date_line("2010年11月22日教工大会") == ""  # a title that starts with a date
    assert find_date("2010年11月22日教工大会") == "2010-11-22"
    assert find_date("2026年度工作") == ""


def test_post_and_name_lines() -> None:
    for text in ("县长 王某某", "浙江省省长 刘捷", "区民政局局长", "绍兴市第一中学副校长俞奇弘",
                 "乡党委副书记、乡长", "X乡人民政府一级科员（选调生）"):
        assert author_line(text, LEX), text
    for text in ("关于组织远足活动的通知", "各位代表：", "加强党的领导", "名词解释"):
        assert not author_line(text, LEX), text
    assert author_line("习近平", LEX, name_alone=True) and not author_line("习近平", LEX)


def test_a_unit_and_a_name_is_an_author_line_and_stays_out_of_the_title() -> None:
    for text in ("县委办公室  张某", "县委办 张某某", "城关镇第一小学 王 琛"):
        assert author_line(text, LEX), text
    for text in ("深化改革 推进发展", "三级医院 建设", "学校办公室"):
        assert not author_line(text, LEX), text
    doc = parse(doc_of(["学习贯彻党的二十届三中全会精神心得体会", "县委办公室  张某",
                        "近期，我认真学习了全会精神，深受教育。现将学习体会汇报如下。",
                        "一、深刻领会全会的重大意义", "全会是一次十分重要的会议。"]))
    assert (doc.front.title, doc.front.author) == ("学习贯彻党的二十届三中全会精神心得体会", "县委办公室 张某")


def test_salutations_alone_and_run_in() -> None:
    assert salutation("同志们：", LEX) == ("同志们：", "")
    assert salutation("各位家长，大家好！", LEX) == ("各位家长，大家好！", "")
    assert salutation("同志们！今天邀集大家来开座谈会。", LEX) == ("同志们！", "今天邀集大家来开座谈会。")
    assert salutation("全校教工：5 月24 日，市委召开会议。", LEX)[0] == "全校教工："
    assert salutation("参加对象：全体师生。", LEX) is None
    assert salutation("大家好！", LEX) is None


def test_subtitles() -> None:
    assert is_subtitle("——在中国共产党第二十次全国代表大会上的报告")
    assert is_subtitle("2026年1月14日在浙江省第十四届人民代表大会第四次会议上")
    assert not is_subtitle("加快建设现代化产业体系")


# -- cleaning: furniture aside, broken sentences joined --------------------------------------

def test_furniture_is_kept_as_noise_with_its_reason() -> None:
    doc = parse(doc_of(["下载", "打印", "全屏", "【字号：", "大", "中", "小", "】", "关于做好工作的讲话",
                        "同志们：", "今天我们召开会议，研究部署工作。", "一、统一思想",
                        "要统一思想认识，切实增强责任感。", "https://example.com/a.html", "7 / 7"]))
    noise = {b.text: b.why for b in doc.blocks if b.kind is BlockKind.NOISE}
    assert {"下载", "【字号：", "https://example.com/a.html", "7 / 7"} <= set(noise)
    assert noise["7 / 7"] == "page footer" and noise["https://example.com/a.html"] == "URL"
    assert doc.front.title == "关于做好工作的讲话" and doc.front.salutation == "同志们："


def test_a_word_lifted_out_by_a_link_rejoins_its_sentence() -> None:
    doc = parse(doc_of(["名词解释", "1.“双向揭榜挂帅”：企业找技术、成果找市场“双向", "揭榜",
                        "挂帅”的简称，由技术供给方带团队、带技术", "揭榜", "；成果需求方带资金", "揭榜", "。"]))
    heading = next(b for b in doc.blocks if b.kind is BlockKind.HEADING and b.scheme is Scheme.ARABIC)
    assert heading.text == "“双向揭榜挂帅”"
    assert heading.body == "企业找技术、成果找市场“双向揭榜挂帅”的简称，由技术供给方带团队、带技术揭榜；成果需求方带资金揭榜。"


def test_a_paragraph_cut_at_a_page_break_is_joined() -> None:
    doc = parse(doc_of(["一、总体情况", "这些年来，在全市上下的共同努力下，我市教育事业发展取得了重大成就。一是各项投入不断"
                        "加大。二是优质资源不断扩大。三是产教融合平", "台，校地、校企合作项目成效明显。",
                        "二、下一步工作", "要抓好落实。"]))
    paras = kinds(doc, BlockKind.PARAGRAPH)
    assert paras[0].endswith("产教融合平台，校地、校企合作项目成效明显。")


def test_page_chunks_with_running_numbers_are_furniture() -> None:
    chunk = "这是一段被切成等长片段的文字，片段的开头被粘上了页码，句子因此断开"
    lines = ["学习材料汇编"] + [f"{k}、{chunk}{k:02d}" * 4 for k in range(1, 6)]
    doc = parse(doc_of(lines))
    assert [b.text for b in doc.blocks if b.why == "page marker"] == ["1、", "2、", "3、", "4、", "5、"]
    assert not [b for b in doc.blocks if b.kind is BlockKind.HEADING]


def test_a_flattened_file_gets_its_inline_headings_back() -> None:
    body = "各地要认真学习借鉴。" * 60
    text = ("下面，我们进行以下学习：一、深入学习推广浙江经验的重大意义浙江起步早、方向准。" + body
            + "1、深入学习是贯彻落实的重要举措。" + body + "2、深入学习是践行宗旨的内在要求。" + body
            + "二、浙江经验的核心内容浙江省委始终坚持。" + body)
    doc = parse(doc_of(["学习材料", text]))
    heads = [(b.level, b.text) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert heads == [(1, "深入学习推广浙江经验的重大意义"), (2, "深入学习是贯彻落实的重要举措"),
                     (2, "深入学习是践行宗旨的内在要求"), (1, "浙江经验的核心内容")]


# -- documents ----------------------------------------------------------------------------------

def test_a_signed_off_notice_and_a_speech_after_it_make_two_parts(tmp_path: Path) -> None:
    text = ("2024年11月22日教工大会\n关于组织远足活动的通知\n为了增强体质，学校计划组织远足活动。现通知如下：\n"
            "一、参加对象：全体师生。\n二、活动时间：11月25日下午。\n德育处\n2024年11月16日\n"
            "“内因+外因”激发干劲\n“肯教+会教”优化队伍\n在新的形势下，我们如何进一步提高教育教学质量？\n"
            "学生本身最重要，他们是学习的主体。要充分发挥他们的作用。\n一、怎样使教师肯教？\n要研究教师现状，有针对性地帮助教师。\n")
    doc = read_document(write(tmp_path / "a.txt", text))
    assert doc.genre is Genre.COMPILATION
    assert doc.front.title == "2024年11月22日教工大会" and doc.front.date == "2024-11-22"
    first, second = doc.parts
    assert (first.front.title, first.front.author, first.front.date) == (
        "关于组织远足活动的通知", "德育处", "2024-11-16")
    assert [b.text for b in first.headings] == ["参加对象", "活动时间"]
    assert second.front.title == "“内因+外因”激发干劲 “肯教+会教”优化队伍"
    assert second.front.date == "2024-11-22"  # the meeting's date, from the page's own title


def test_a_covering_notice_over_one_report_is_not_a_compilation(tmp_path: Path) -> None:
    text = ("各位教工：\n根据上级要求，现将学校领导班子总结报告公示如下：\n领导班子三年工作总结报告\n"
            "三年来，学校领导班子团结协作，各项工作取得新进展。\n一、抓好顶层设计\n学校确立了发展方略。\n")
    doc = read_document(write(tmp_path / "a.txt", text))
    assert not doc.parts and doc.genre is Genre.STUDY_REPORT
    assert doc.front.title == "领导班子三年工作总结报告" and doc.front.salutation == "各位教工："


def test_a_heading_printed_with_the_wrong_bracket_keeps_its_level(tmp_path: Path) -> None:
    text = ("工作汇报\n各位领导：\n下面我汇报工作情况。\n一、基本情况\n我校结对学校十三所。\n二、特色亮点\n"
            "（一）从交流到交流好\n我们注重交流品质。\n（二）从走走看看到深度交流\n我们开展研学。\n"
            "三、从单一发力到多方支持\n社会各界大力支持。\n三、结语\n回望过去，特色鲜明。\n")
    doc = read_document(write(tmp_path / "a.txt", text))
    assert [(b.level, b.text) for b in doc.headings] == [
        (1, "基本情况"), (1, "特色亮点"), (2, "从交流到交流好"), (2, "从走走看看到深度交流"),
        (2, "从单一发力到多方支持"), (1, "结语")]


def test_an_appendix_after_the_closing_starts_again_at_the_top(tmp_path: Path) -> None:
    text = ("政府工作报告\n各位代表：\n现在，我代表政府向大会报告工作。\n一、工作回顾\n过去一年，经济平稳。\n"
            "（一）扩大内需。消费持续恢复。\n各位代表！让我们团结一心，奋力谱写新篇章！\n名词解释\n"
            "1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n2.“两新”：是指大规模设备更新。\n")
    doc = read_document(write(tmp_path / "a.txt", text))
    assert [(b.level, b.text) for b in doc.headings] == [
        (1, "工作回顾"), (2, "扩大内需"), (1, "名词解释"), (2, "“两重”"), (2, "“两新”")]


def test_own_line_subheadings_by_form_but_not_list_items(tmp_path: Path) -> None:
    text = ("新学期工作会议召开\n8月24日，学校召开新学期工作会议。会议全面部署新学期工作。\n"
            "教工大会：振奋精神 凝聚共识\n在上午召开的全体教工大会上，校领导回顾了上学年工作。\n"
            "会议要求各部门：\n聚焦质量提升，在教学教研上求突破；\n聚焦立德树人，在德育实效上下功夫。\n"
            "本次会议是一次动员会，全体教职工参加了会议。\n")
    doc = read_document(write(tmp_path / "a.txt", text))
    assert doc.genre is Genre.NEWS
    assert [b.text for b in doc.headings] == ["教工大会：振奋精神 凝聚共识"]


def test_a_study_report_in_the_first_person_without_a_title(tmp_path: Path) -> None:
    text = ("十年前，我曾在这里支教。这次我再次来到这所学校，心情十分激动。\n"
            "手记①|十年前的残垣断壁，十年后的崭新校园\n我走进校园，看到了崭新的教学楼，我的心里感慨万千。\n"
            "手记②|依依作别，祝福明天更好\n三天的时间很快过去了，我们依依不舍地告别。\n")
    doc = read_document(write(tmp_path / "a.txt", text))
    assert doc.genre is Genre.STUDY_REPORT and doc.front.title == ""
    assert [(b.level, b.text) for b in doc.headings] == [
        (1, "十年前的残垣断壁，十年后的崭新校园"), (1, "依依作别，祝福明天更好")]


def test_every_block_points_back_at_its_paragraph(tmp_path: Path) -> None:
    text = "讲话\n\n同志们：\n\n一、总体要求\n\n要抓好落实。\n"
    doc = read_document(write(tmp_path / "a.txt", text))
    assert [(b.kind, b.pos) for b in doc.blocks] == [
        (BlockKind.TITLE, 1), (BlockKind.SALUTATION, 3), (BlockKind.HEADING, 5), (BlockKind.PARAGRAPH, 7)]
    assert doc.raw is not None and doc.raw.paras[4].text == "一、总体要求"


def test_a_users_lexicon_extends_the_post_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert not author_line("项目总工程师", load_lexicon(tmp_path))
    (tmp_path / "lexicon.yaml").write_text("posts: [总工程师]\n", encoding="utf-8")
    assert author_line("项目总工程师", load_lexicon(tmp_path))


def test_a_lines_chinese_count_follows_its_text() -> None:
    """Line.han is counted once per text, and again when the text is another."""
    from dataclasses import replace

    from wengao.reading.lines import Line
    from wengao.reading.model import RawPara

    line = Line("一二三abc", "一二三abc", 1, 1, RawPara("一二三abc", 1))
    assert line.han == 3
    line.text = "一二三四五"
    assert line.han == 5
    assert replace(line, text="一").han == 1
