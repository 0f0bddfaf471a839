"""wengao check, rule by rule: each rule finds its mistake on its line and stays quiet on the
near miss that looks like it. Documents are small .txt files the tests write (line = txt line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wengao.check import run_check

HEAD = "关于做好全年工作的讲话\n同志们：\n"


def found(tmp_path: Path, text: str, rule: str | None = None, name: str = "稿.txt", **kw):
    """(rule, line, col, flagged text, suggestion) of each finding (of one rule family)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run = run_check([path], **kw)
    assert run.results[0].error is None, run.results[0].error
    out = []
    for f in run.results[0].findings:
        if rule is None or f.rule == rule or f.rule.startswith(rule + "."):
            line, col = f.position
            out.append((f.rule, line, col, f.text, f.suggestion))
    return out


# -- placeholders ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "在XX局工作会议上，我们部署了任务。",
    "请×××同志作补充发言。",
    "会议定于X月X日召开。",
    "今年完成投资【具体数字】亿元。",
    "某某同志作了发言。",
    "在○○县调研时看到，情况很好。",
    "本次共发放□□份材料。",
    "全年增长（此处插入数据），成绩显著。",
    "TODO 补充典型案例。",
    "我们要把{名称}建设得更好。",
])
def test_placeholders_are_found_on_their_line(tmp_path: Path, line: str) -> None:
    hits = found(tmp_path, HEAD + line + "\n", "placeholder")
    assert hits and all(h[1] == 3 for h in hits), hits


@pytest.mark.parametrize("line", [
    "开展X光检查和X射线防护培训。",
    "办公电脑统一升级，不再使用Windows XP系统。",
    "场地面积为3×4米。",
    "二〇〇九年以来，全县发生了很大变化。",
    "深化“数据要素×”行动，推进数据标注基地建设。",
])
def test_placeholder_lookalikes_pass(tmp_path: Path, line: str) -> None:
    assert found(tmp_path, HEAD + line + "\n", "placeholder") == []


def test_placeholder_column_points_at_it(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "今年在XX局开会。\n", "placeholder")
    assert hits == [("placeholder", 3, 4, "XX", "")]


# -- numbering ------------------------------------------------------------------------------------

def _speech(*headings: str) -> str:
    body = "要认真做好各项工作，确保任务落到实处。\n"
    return HEAD + "今天召开会议，部署全年工作。\n" + "".join(h + "\n" + body for h in headings)


def test_numbering_gap_and_repeat(tmp_path: Path) -> None:
    gap = found(tmp_path, _speech("一、提高政治站位", "二、狠抓工作落实", "四、强化组织保障"),
                "numbering.sequence")
    assert [(h[1], h[3], h[4]) for h in gap] == [(8, "四、", "三、")]
    rep = found(tmp_path, _speech("一、提高政治站位", "二、狠抓工作落实", "二、强化组织保障"),
                "numbering.sequence")
    assert [(h[1], h[4]) for h in rep] == [(8, "三、")]


def test_numbering_restarts_under_each_parent(tmp_path: Path) -> None:
    text = _speech("一、提高政治站位", "（一）加强组织领导", "（二）压实工作责任",
                   "二、狠抓工作落实", "（一）细化目标任务", "（二）强化督促检查")
    assert found(tmp_path, text, "numbering") == []


def test_wrong_nesting(tmp_path: Path) -> None:
    text = _speech("（一）加强组织领导", "（二）压实工作责任", "一、提高政治站位", "二、狠抓工作落实")
    hits = found(tmp_path, text, "numbering.nesting")
    assert [(h[1], h[3]) for h in hits] == [(4, "（一）")]


def test_arabic_before_paren_level_is_wrong_nesting(tmp_path: Path) -> None:
    text = _speech("一、提高政治站位", "1.加强组织领导", "（一）压实工作责任", "（二）细化目标任务")
    hits = found(tmp_path, text, "numbering.nesting")
    assert [h[3] for h in hits] == ["1."]


def test_mixed_marks_at_one_level(tmp_path: Path) -> None:
    text = _speech("一、提高政治站位", "1.加强组织领导", "2、压实工作责任", "3.细化目标任务")
    hits = found(tmp_path, text, "numbering.mixed")
    assert [(h[1], h[3], h[4]) for h in hits] == [(8, "2、", "2.")]
    same = _speech("一、提高政治站位", "1、加强组织领导", "2、压实工作责任", "3、细化目标任务")
    assert found(tmp_path, same, "numbering.mixed") == []


def test_points_without_the_middle_one(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "我讲几点意见：一是加强领导；三是压实责任。\n", "numbering.points")
    assert [(h[1], h[3], h[4]) for h in hits] == [(3, "三是", "二是")]
    fine = HEAD + "一是加强领导；二是压实责任；三是强化保障。统一是前提，一是一、二是二。\n"
    assert found(tmp_path, fine, "numbering.points") == []


def test_points_over_paragraphs(tmp_path: Path) -> None:
    text = HEAD + "一是加强领导，把责任扛起来。\n二是压实责任，把工作抓起来。\n四是强化保障，把条件建起来。\n"
    hits = found(tmp_path, text, "numbering.points")
    assert [(h[1], h[3]) for h in hits] == [(5, "四是")]


def test_heading_period_among_siblings(tmp_path: Path) -> None:
    text = _speech("一、提高政治站位", "二、狠抓工作落实。", "三、强化组织保障")
    hits = found(tmp_path, text, "numbering.period")
    assert [(h[1], h[3]) for h in hits] == [(6, "。")]
    run_in = HEAD + "（一）加强组织领导。要把责任扛起来。\n（二）压实工作责任。要把工作抓起来。\n"
    assert found(tmp_path, run_in, "numbering.period") == []


# -- punctuation ----------------------------------------------------------------------------------

def test_halfwidth_marks_between_chinese(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "今天,我们召开会议:部署工作(重点任务)。\n", "punct.halfwidth")
    assert [(h[2], h[3], h[4]) for h in hits] == [(3, ",", "，"), (10, ":", "："), (15, "(重点任务)", "（重点任务）")]


def test_a_mark_beside_chinese_half_width_punctuation_is_chinese(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "要坚定推进(深化改革)!\n这样做对吗?!\n", "punct.halfwidth")
    assert [(h[1], h[2], h[3]) for h in hits] == [(3, 6, "(深化改革)"), (3, 12, "!"), (4, 6, "?"), (4, 7, "!")]


def test_a_full_stop_after_a_number_ends_a_chinese_sentence(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "全年经济增长7.8%.\n人均收入达到3.5万元，同比增长12.5%.下一步要继续努力。\n",
                 "punct.halfwidth")
    assert [(h[1], h[2], h[3], h[4]) for h in hits] == [(3, 11, ".", "。"), (4, 22, ".", "。")]


@pytest.mark.parametrize("line", [
    "主要做法如下1.加强组织领导。\n",  # a list mark run in
    "增长7.8%，网址12345.com，版本2.3.4发布。\n",
    "1.加强组织领导\n",
])
def test_numbers_before_a_dot_that_is_not_a_full_stop_pass(tmp_path: Path, line: str) -> None:
    assert found(tmp_path, HEAD + line, "punct.halfwidth") == []


def test_times_numbers_and_latin_stay(tmp_path: Path) -> None:
    line = "会议于10:30开始，投资1,000万元，使用Word, Excel软件，网址http://a.gov.cn/x?id=1。\n"
    assert found(tmp_path, HEAD + line, "punct.halfwidth") == []


def test_unpaired_quotes_and_brackets(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "他说：“要加强学习。\n我们要学习《决定》和（通知。\n", "punct.unpaired")
    assert sorted((h[1], h[3]) for h in hits) == [(3, "“"), (4, "（")]


def test_quotation_over_paragraphs_and_list_marks_pass(tmp_path: Path) -> None:
    text = HEAD + "他指出：“第一段话。\n“第二段话。”\n1）第一项工作。\nChina’s growth is steady，这是事实。\n"
    assert found(tmp_path, text, "punct.unpaired") == []


def test_doubled_marks(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "我们要加强学习，，提高本领。。\n", "punct.doubled")
    assert [h[3] for h in hits] == ["，，", "。。"]
    assert found(tmp_path, HEAD + "难道不是这样吗？！还有……。\n", "punct.doubled") == []


def test_dashes(tmp_path: Path) -> None:
    text = HEAD + "要深刻认识当前形势--我们面临的任务十分艰巨。\n—在全市工作会议上的讲话\n" \
        "我们要充分认识当前形势—我们面临的任务十分艰巨。\n"
    hits = found(tmp_path, text, "punct.dash")
    assert [(h[1], h[3]) for h in hits] == [(3, "--"), (4, "—"), (5, "—")]


def test_connectors_and_real_dashes_pass(tmp_path: Path) -> None:
    text = HEAD + "建强“县城—中心镇—重点村”发展轴，推进2021—2025年规划。\n——坚持人民至上，这是根本。\n"
    assert found(tmp_path, text, "punct.dash") == []


def test_ellipses(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "我们想起了很多...。还有。。。以及…\n", "punct.ellipsis")
    assert [h[3] for h in hits] == ["...", "。。。", "…"]
    assert found(tmp_path, HEAD + "包括学习、工作……等等；版本为1.2.3。\n", "punct.ellipsis") == []


def test_blank_inside_chinese(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "我们 要加强学习，不断提高本领和能力。\n", "punct.blank")
    assert [(h[1], h[2]) for h in hits] == [(3, 3)]


def test_blanks_that_belong(tmp_path: Path) -> None:
    text = HEAD + "引　　言\n我们要用好 Word 软件，不断提高工作效率和质量。\n" \
        "会议取得圆满成功，大家都很满意。（记者张三 通讯员李四）\n"
    assert found(tmp_path, text, "punct.blank") == []


# -- numbers --------------------------------------------------------------------------------------

def test_date_leading_zero(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "会议于2024年03月05日召开，2024年3月6日结束。\n", "number")
    assert [(h[3], h[4]) for h in hits] == [("2024年03月05日", "2024年3月5日")]


def test_short_year(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "24年3月以来，全县发展很快。建县24年来变化很大。\n", "number.year-short")
    assert [(h[3], h[4]) for h in hits] == [("24年", "2024年")]


def test_year_written_two_ways(tmp_path: Path) -> None:
    text = HEAD + "2024年是关键之年。\n二〇二四年我们要完成任务。\n2024年工作很重。\n"
    hits = found(tmp_path, text, "number.year-style")
    assert [(h[1], h[3], h[4]) for h in hits] == [(4, "二〇二四", "2024")]
    other_years = HEAD + "一九四二年五月召开座谈会。\n（人民出版社1987年版）\n"
    assert found(tmp_path, other_years, "number.year-style") == []
    zero = found(tmp_path, HEAD + "二零二四年工作要点。\n", "number.year-style")
    assert [h[4] for h in zero] == ["二〇二四"]


# -- wording --------------------------------------------------------------------------------------

def test_wrong_words(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "要认真部暑，为发展做出贡献，发挥自已的作用。\n", "wording.pair")
    assert [(h[3], h[4]) for h in hits] == [("部暑", "部署"), ("做出", "作出"), ("自已", "自己")]
    fine = HEAD + "要认真部署，做出样子来，激动得不能自已。\n"
    assert found(tmp_path, fine, "wording.pair") == []


def test_user_wording_table(tmp_path: Path) -> None:
    config = tmp_path / "wengao-check.yaml"
    config.write_text("wording:\n  - {wrong: 牵头抓总, right: 统筹协调}\n", encoding="utf-8")
    hits = found(tmp_path, HEAD + "由办公室牵头抓总。\n", "wording.pair", config=config)
    assert [(h[3], h[4]) for h in hits] == [("牵头抓总", "统筹协调")]


def test_jiezhi_and_jiezhi(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "截止2024年底，全市完成投资。报名于5月1日截至。\n", "wording.jiezhi")
    assert [(h[3], h[4]) for h in hits] == [("截止", "截至"), ("截至", "截止")]
    fine = HEAD + "截至目前，截止到2024年底，报名截止日期为5月1日。\n"
    assert found(tmp_path, fine, "wording.jiezhi") == []


def test_corruption_swaps_of_the_miner(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "要深刻生疏形势，坚持优先进展农业农村。\n", "wording.repair")
    assert {(h[3], h[4]) for h in hits} == {("生疏", "认识"), ("进展", "发展")}
    assert found(tmp_path, HEAD + "对情况很生疏，工作进展顺利。\n", "wording.repair") == []


def test_formulation_near_miss(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "我们要全面推动乡村振兴，建设美丽乡村。\n", "wording.formulation")
    assert [(h[3], h[4]) for h in hits] == [("全面推动乡村振兴", "全面推进乡村振兴")]


def test_formulation_words_swapped(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "要传承中华传统优秀文化。\n", "wording.formulation")
    assert [h[4] for h in hits] == ["中华优秀传统文化"]


def test_longer_formulation_slips_at_its_end_and_across_its_words(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "要传承中秀传统文化，牢记初心使进。\n", "wording.formulation")
    assert [h[4] for h in hits] == ["中华优秀传统文化"]
    hits = found(tmp_path, HEAD + "开展“不忘初心、牢记使进”主题教育。\n", "wording.formulation")
    assert [h[4] for h in hits] == ["不忘初心、牢记使命"]


@pytest.mark.parametrize("line", [
    "要传承中华传统文化。",  # a whole word dropped: another term
    "我们要全面推进乡村振兴。",  # exact
    "要在多方面推进乡村振兴。",  # does not begin like it
    "我们坚持加强党的全面领导。",  # only 和 dropped
    "以中国式现代化推进中华民族伟大复兴。",  # only 全面 dropped
    "增强政治意识、大局意识。",  # part of an enumeration, in order
])
def test_formulation_variants_pass(tmp_path: Path, line: str) -> None:
    assert found(tmp_path, HEAD + line + "\n", "wording.formulation") == []


def test_enumeration_out_of_order(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "要增强核心意识、政治意识、大局意识、看齐意识。\n", "wording.formulation")
    assert [h[4] for h in hits] == ["政治意识、大局意识、核心意识、看齐意识"]


def test_known_wrong_formulation_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "稿.txt"
    path.write_text(HEAD + "紧密团结在以习近平总书记为核心的党中央周围。\n", encoding="utf-8")
    run = run_check([path])
    hits = [f for f in run.results[0].findings if f.rule == "wording.formulation-known"]
    assert [h.suggestion for h in hits] == ["以习近平同志为核心的党中央"]
    assert run.exit_code == 1


# -- repetition and quotations --------------------------------------------------------------------

def test_sentence_repeated_inside(tmp_path: Path) -> None:
    s = "我们要坚持以人民为中心的发展思想，办好民生实事。"
    hits = found(tmp_path, HEAD + s + "\n其他工作也要抓好。\n" + s + "\n", "repeat.inside")
    assert [(h[1], h[2]) for h in hits] == [(3, 1), (5, 1)]  # either may be the copy
    short = "这是一句短话。"
    titles = "二〇二四年度述职述廉述德述法报告"
    assert found(tmp_path, HEAD + short * 2 + "\n" + titles + "\n" + titles + "\n", "repeat.inside") == []


def test_sentences_taken_over_from_last_year(tmp_path: Path) -> None:
    old = tmp_path / "去年.txt"
    old.write_text("去年的讲话\n同志们：\n2023年全市地区生产总值增长百分之六，经济运行稳中向好。\n"
                   "我们要坚持以人民为中心的发展思想，办好各项民生实事。\n", encoding="utf-8")
    text = HEAD + "2024年全市地区生产总值增长百分之六，经济运行稳中向好。\n" \
        "我们要坚持以人民为中心的发展思想，切实办好各项民生实事。\n今年的任务很重，我们一起努力奋斗吧。\n"
    hits = found(tmp_path, text, "repeat.against", against=old)
    assert [h[1] for h in hits] == [3, 4]


def test_misquoted_bank_quote(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "quote.yaml").write_text(
        "- id: quote.0001\n  text: 绿水青山就是金山银山\n  function: quote\n  sources: [a.txt:3]\n",
        encoding="utf-8")
    hits = found(tmp_path, HEAD + "正如“绿水青山也是金山银山”所说。\n", "quote", bank=bank)
    assert [(h[3], h[4]) for h in hits] == [("绿水青山也是金山银山", "绿水青山就是金山银山")]
    for fine in ("正如“绿水青山就是金山银山”所说。", "正如“发展才是硬道理”所说。"):
        assert found(tmp_path, HEAD + fine + "\n", "quote", bank=bank) == []


def test_misquote_against_a_quote_of_the_other_file(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text("他指出：“人民对美好生活的向往，就是我们的奋斗目标。”\n", encoding="utf-8")
    hits = found(tmp_path, HEAD + "正如“人民对美好生活的向往，就是我们的目标。”\n", "quote",
                 against=old, bank=tmp_path)
    assert [h[4] for h in hits] == ["人民对美好生活的向往，就是我们的奋斗目标。"]


def test_quoted_set_phrase_one_character_off(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "要增强“四个意思”，做到“两个维护”。\n", "wording.formulation")
    assert [(h[3], h[4]) for h in hits] == [("四个意思", "四个意识")]
    assert found(tmp_path, HEAD + "做到“四个全面”和“五个一批”。\n", "wording.formulation") == []


def test_short_formulation_keeps_its_ends(tmp_path: Path) -> None:
    hits = found(tmp_path, HEAD + "要坚定不移全面从紧治党。\n", "wording.formulation")
    assert [h[4] for h in hits] == ["全面从严治党"]
    assert found(tmp_path, HEAD + "要坚持全面依法治国。\n", "wording.formulation") == []
