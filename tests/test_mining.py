"""The miner: headings, repairs, facts kept out, clean entries, provenance, determinism, safe writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from wengao.errors import WengaoError
from wengao.mining.pipeline import mine
from wengao.phrases.bank import FUNCTIONS, load_bank

from conftest import CORPUS, REPORT


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("bank")
    mine([CORPUS], out, judge=False)  # what the rules keep; the verdict model has tests of its own
    return out, load_bank(out)


def _headings(entries: list[dict], seed: str) -> dict[str, int]:
    return {e["text"].rstrip("。"): e.get("level") for e in entries
            if "heading" in (e.get("functions") or [e["function"]])
            and e["kind"] == "heading" and any(s.startswith(seed) for s in e["sources"])}


# Numbered headings of seeds 000, 002 and 004 that name no place, read off the seed files by hand,
# with their levels (002's are repaired: 增加 → 增强, 生疏 → 认识, 乐观性 → 积极性).
SEED_HEADINGS = {
    "000": {
        "加强组织领导、狠抓工作落实，为“千万工程”走深走实再加力再赋能": 1,
        "聚焦增底蕴、提颜值，涵养整体大美好气质。": 2,
        "突出党政主导，压紧压实责任。": 2,
    },
    "002": {
        "提高政治站位，进一步增强推动乡村振兴工作的责任感使命感": 1,
        "坚持精准施策，进一步把准推动乡村振兴工作的关键点着力点": 1,
        "压紧压实责任，进一步激发推动乡村振兴工作的积极性主动性": 1,
        "深刻认识极端重要性。": 2,
        "深刻认识复杂艰巨性。": 2,
        "强化督导考核。": 2,
    },
    "004": {
        "对“什么是千万工程”有了更深入的认知": 1,
        "总体感受": 1, "经验启示": 1, "工作思路": 1,
        "兜牢社会救助底线": 2, "着力提升养老服务水平": 2, "毫不放松抓好安全": 2,
        "坚持制度引领，培育群众内生动力": 2,
        "敢干为先，做乡村治理积极践行者": 1,
        "聚焦统筹规划，推动高质发展": 1,
        "规划先行，奠定发展基础。": 1,
    },
}


@pytest.mark.parametrize("seed", sorted(SEED_HEADINGS))
def test_headings_are_found_with_their_levels(bank, seed: str) -> None:
    found = _headings(bank[1], seed)
    for text, level in SEED_HEADINGS[seed].items():
        text = text.rstrip("。")  # a run-in heading is the sentence before its 。
        assert text in found, f"{seed}: heading not mined: {text}"
        assert found[text] == level, f"{seed}: {text} has level {found[text]}, expected {level}"


def test_a_heading_naming_one_place_is_not_a_phrase(bank) -> None:
    texts = {e["text"] for e in bank[1]}
    assert "“千万工程”实施20年指引浙江乡村发生精彩蝶变，充分印证了“两个确立”的决定性意义" not in texts
    assert not any("浙江" in t for t in texts)


def test_heading_templates_from_sibling_headings(bank) -> None:
    templates = {e["text"] for e in bank[1] if e["kind"] == "template" and e["function"] == "heading"}
    assert "提高政治站位，进一步增强{主题}的责任感使命感" in templates
    assert "坚持精准施策，进一步把准{主题}的关键点着力点" in templates


def test_the_002_closing_is_present_and_repaired(bank) -> None:
    closings = {e["text"]: e for e in bank[1] if e["function"] == "closing"}
    first = closings["同志们，全面推进乡村振兴，责任重大、使命光荣。"]
    assert "使命荣耀" in first["repaired_from"] and "全面推动" in first["repaired_from"]
    # its call ends on the city's own positioning (创新xx、实力xx、美丽xx、幸福xx、效能xx): a place
    # named five times is that place's, slots or not (the repair of 党中心四周 is tested on a written
    # document: test_a_repair_never_makes_a_non_word)
    assert not any(t.startswith("让我们更加紧密团结") for t in closings)


def test_salutations_and_transitions_are_mined(bank) -> None:
    by_text = {e["text"]: e for e in bank[1]}
    assert by_text["同志们："]["function"] == "salutation"
    assert "opening" in by_text["同志们："]["functions"]
    assert by_text["下面，我再强调三点意见。"]["function"] == "transition"


def test_no_boilerplate_or_page_marker_survives(bank) -> None:
    forbidden = ["小编", "下载", "版权", "客服", "Copyright", "ICP", "http", "www.", "扁9TX", "AIAl",
                 "7 / 7", "范文推荐", "会员分享", "在线阅读", "关键词", "链接地址", "网站首页", "温馨提示",
                 "新闻中心", "微信矩阵", "配套讲稿", ".docx", "（21895字）"]
    for e in bank[1]:
        for word in forbidden:
            assert word not in e["text"], f"{e['id']}: {word!r} survived in {e['text']}"
        assert "、、" not in e["text"] and "□" not in e["text"]


def test_entries_are_clean(bank) -> None:
    """No enumerator at the start, no duplicate texts, no place or person outside a slot."""
    from wengao.document.numbering import parse_number, parse_point
    from wengao.mining.facts import find_names, load_lexicon

    lex = load_lexicon()
    seen: dict[str, str] = {}
    for e in bank[1]:
        text = e["text"]
        assert parse_point(text) is None or not parse_point(text).verb, f"{e['id']} starts with an enumerator: {text}"
        assert parse_number(text) is None, f"{e['id']} starts with a heading number: {text}"
        key = re.sub(r"[^\u4e00-\u9fff]", "", text)
        assert key not in seen, f"{e['id']} repeats {seen.get(key)}"
        seen[key] = e["id"]
        names = [n for n in find_names(re.sub(r"\{[^}]*\}", "，", text), lex) if n.text not in ("习近平",)]
        assert not names, f"{e['id']} names {names[0].text}: {text}"


def test_every_source_names_the_line_where_the_text_stands(bank) -> None:
    lines = {p.name: p.read_text(encoding="utf-8").split("\n") for p in CORPUS.glob("*.txt")}
    assert bank[1]
    for e in bank[1]:
        assert e["sources"] and e["count"] == len(e["sources"])
        assert set(e.get("functions") or [e["function"]]) <= set(FUNCTIONS)
        assert e["function"] == (e.get("functions") or [e["function"]])[0]
        assert set(e["genres"]) <= {"speech", "exchange", "study-report", "news", "other"} and e["genres"]
        original = e.get("repaired_from") or e["text"]
        key = re.sub(r"[^\u4e00-\u9fff]", "", re.sub(r"\{[^}]*\}", "\x00", original).split("\x00")[0])[:6]
        for src in e["sources"]:
            name, line = src.rsplit(":", 1)
            assert name in lines and 1 <= int(line) <= len(lines[name])
            if len(key) >= 4 and e["kind"] != "template":
                here = re.sub(r"[^\u4e00-\u9fff]", "", lines[name][int(line) - 1])
                assert key in here, f"{e['id']}: {src} does not hold {original[:20]}"


def test_terms_quotes_and_parallels(bank) -> None:
    by_text = {e["text"]: e for e in bank[1]}
    assert by_text["“五个振兴”"]["expansion"] == "产业、人才、文化、生态、组织"
    assert "“四个优先”" in by_text and "“两个维护”" in by_text
    # a count coined in one document (“四敢”, “一组一会”) is that place's own, not a formulation
    assert "“四敢”" not in by_text and "“一组一会”" not in by_text
    assert "term" in (by_text["“千村示范、万村整治”"].get("functions") or ["term"])
    assert by_text["天蓝、地净、山绿、水清"]["function"] == "parallel"
    assert by_text["保持定力不动摇、坚定方向不偏航、跑好接力不懈怠"]["function"] == "parallel"
    assert by_text["俗话说，“靠山吃山，靠水吃水”。"]["function"] == "quote"
    # one entry per text: the quoted term and the parallel list are the same words
    assert sum(1 for t in by_text if re.sub("[“”]", "", t) == "千村示范、万村整治") == 1


def test_redactions_become_named_slots_or_are_repaired(bank, tmp_path: Path) -> None:
    texts = [e["text"] for e in bank[1]]
    assert not any("{地区}" in t for t in texts)
    redacted = _mine_text(tmp_path, "在全市工作会议上的讲话\n同志们：\n要全面推进x市乡村振兴工作，加快建设和美乡村。\n"
                          "要坚持xx镇党委统一领导，形成齐抓共管的工作合力。\n", name="x.txt")
    slotted = [e["text"] for e in redacted]
    assert "要全面推进{市}乡村振兴工作，加快建设和美乡村。" in slotted
    assert "要坚持{乡镇}党委统一领导，形成齐抓共管的工作合力。" in slotted
    (tmp_path / "in" / "x.txt").unlink()
    # a redacted name is restored only where another document shows the full form
    _mine_text(tmp_path, "讲话\n同志们：\n要深入学习贯彻习近平新时代中国特色社会主义思想。\n", name="a.txt")
    entries = _mine_text(tmp_path, "讲话\n同志们：\n要坚持用主席新时代中国特色社会主义思想武装头脑。\n", name="b.txt")
    repaired = [e for e in entries if e.get("repaired_from") and "主席" in e["repaired_from"]]
    assert repaired and repaired[0]["text"] == "要坚持用习近平新时代中国特色社会主义思想武装头脑。"
    (tmp_path / "in" / "a.txt").unlink()
    alone = _mine_text(tmp_path, "讲话\n同志们：\n要坚持用主席新时代中国特色社会主义思想武装头脑。\n", name="b.txt")
    assert not any("习近平" in e["text"] or "主席新时代" in e["text"] for e in alone)


def test_mining_twice_gives_byte_identical_files(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    mine([CORPUS], a)
    mine([CORPUS], b)
    files = sorted(p.name for p in a.glob("*.yaml"))
    assert files == sorted(p.name for p in b.glob("*.yaml")) and len(files) >= 10
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_shipped_bank_is_what_the_corpus_mines_to(tmp_path: Path) -> None:
    shipped = CORPUS.parent
    mine([CORPUS], tmp_path)
    for path in tmp_path.glob("*.yaml"):
        assert (shipped / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"phrasebank/{path.name} is stale: run `wengao mine phrasebank/corpus/ -o phrasebank/`")
    assert sorted(p.name for p in shipped.glob("*.yaml")) == sorted(p.name for p in tmp_path.glob("*.yaml"))


def test_encodings_and_unreadable_files(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    text = "在全县工作会议上的讲话\n同志们：\n一、提高政治站位，切实增强责任感使命感\n要深刻认识做好这项工作的重大意义。\n"
    (corpus / "gbk.txt").write_bytes(text.encode("gbk"))
    (corpus / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("县", "市").encode("utf-8"))
    (corpus / "broken.docx").write_bytes(b"not a zip")
    entries, summary = mine([corpus], None)
    assert summary.files == 2 and len(summary.skipped) == 1
    assert "broken.docx" in summary.skipped[0].format()
    headings = [e for e in entries if e["function"] == "heading"]
    assert any(e["text"] == "提高政治站位，切实增强责任感使命感" for e in headings)
    assert {s.split(":")[0] for e in headings for s in e["sources"]} == {"gbk.txt", "bom.txt"}


def test_docx_input_uses_heading_styles(tmp_path: Path) -> None:
    from wengao.build import BuildOptions, build_file

    out = tmp_path / "in" / "speech.docx"
    out.parent.mkdir()
    (tmp_path / "s.yaml").write_text(
        "title: 在全县安全生产工作会议上的讲话\nsections:\n  - heading: 压紧压实安全生产责任\n"
        "    paragraphs: [要坚持党政同责、一岗双责、齐抓共管、失职追责。]\n", encoding="utf-8")
    build_file(tmp_path / "s.yaml", out, BuildOptions())
    entries, summary = mine([out.parent], None)
    assert summary.files == 1
    levels = {e["text"]: e["level"] for e in entries if e["function"] == "heading" and e["kind"] == "heading"}
    assert levels.get("压紧压实安全生产责任") == 1


# -- sentences: what the classifier and the fact filter decide -----------------------------------

def _mine_text(tmp_path: Path, text: str, name: str = "doc.txt") -> list[dict]:
    src = tmp_path / "in" / name
    src.parent.mkdir(exist_ok=True)
    src.write_text(text, encoding="utf-8")
    return mine([src.parent], None, judge=False)[0]  # the rules alone (test_mining_gate: the model)


SPEECH = """在全县安全生产工作会议上的讲话
同志们：
今天，我们召开全县安全生产工作会议，主要任务是总结上半年工作，部署下一阶段任务。
下面，我讲三点意见。
一、提高政治站位，切实增强做好安全生产工作的责任感紧迫感
安全生产事关人民群众生命财产安全，是发展的前提和保障。
二、正视存在问题，清醒认识当前安全生产形势
一些地方对安全生产重视不够，责任落实还有差距。
三、压紧压实责任，扎实做好下半年安全生产工作
要深入开展隐患排查整治，坚决遏制重特大事故发生。
要严格落实党政同责、一岗双责，形成齐抓共管的工作合力。
青山镇党委书记王建国同志在会上作了表态发言。
安吉县今年共排查隐患312处，整改率达到98%。
同志们，让我们以更加昂扬的斗志、更加务实的作风，奋力开创全县安全生产工作新局面！
"""


def test_sentences_are_filed_by_where_they_stand_and_their_form(tmp_path: Path) -> None:
    entries = _mine_text(tmp_path, SPEECH)
    fn = {e["text"]: e["function"] for e in entries}
    assert fn["今天，我们召开全县安全生产工作会议，主要任务是总结上半年工作，部署下一阶段任务。"] == "opening"
    assert fn["下面，我讲三点意见。"] == "transition"
    assert fn["安全生产事关人民群众生命财产安全，是发展的前提和保障。"] == "significance"
    assert fn["一些地方对安全生产重视不够，责任落实还有差距。"] == "problem"
    assert fn["要深入开展隐患排查整治，坚决遏制重特大事故发生。"] == "task"
    assert fn["同志们，让我们以更加昂扬的斗志、更加务实的作风，奋力开创全县安全生产工作新局面！"] == "closing"
    # facts are not phrases: a named town and person, a county with its figures
    assert not any("王建国" in t or "312" in t or "安吉" in t for t in fn)
    topics = {e["text"]: e["topics"] for e in entries}
    assert "安全生产" in topics["要深入开展隐患排查整治，坚决遏制重特大事故发生。"]


def test_a_sentence_that_fits_no_function_is_not_filed(tmp_path: Path) -> None:
    text = ("学习心得\n一、走进乡村\n那天的天气格外晴朗，我们一行人沿着小路慢慢走着。路边的油菜花开得正好。\n"
            "二、几点思考\n要坚持以人民为中心的发展思想，把群众满意作为工作的出发点。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert "那天的天气格外晴朗，我们一行人沿着小路慢慢走着。" not in texts
    assert "路边的油菜花开得正好。" not in texts
    assert "要坚持以人民为中心的发展思想，把群众满意作为工作的出发点。" in texts


def test_the_document_s_own_place_becomes_a_slot_named_by_level(tmp_path: Path) -> None:
    text = ("在绍兴市教育大会上的讲话\n同志们：\n刚才，几位同志作了很好的发言，讲得都很实在。\n"
            "一、坚定不移推进教育现代化\n要全力推动绍兴教育高质量发展，努力办好人民满意的教育。\n"
            "绍兴是一座历史文化名城，也是教育的沃土。\n"
            "要学习借鉴杭州市的经验做法，深化集团化办学改革。\n"
            "我们要为绍兴教育走在前列作出更大的贡献！\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert "要全力推动{市}教育高质量发展，努力办好人民满意的教育。" in texts
    assert not any("杭州" in t or "绍兴" in t for t in texts)  # another place: the sentence is dropped


def test_an_organisation_s_name_is_its_longest_form_whatever_the_list_order() -> None:
    """绍兴一中教育集团: the slot takes the whole name, not 绍兴一中 (the suffixes 一中 and 集团 are
    the same length; their order once came from a set, so mining changed with PYTHONHASHSEED)."""
    from dataclasses import replace

    from wengao.mining.facts import _org_suffix, load_lexicon

    lex = load_lexicon()
    for suffixes in (lex.org_suffixes, tuple(reversed(lex.org_suffixes))):
        assert _org_suffix("一中教育集团全体教职工", replace(lex, org_suffixes=suffixes)) == "一中教育集团"


def test_numbers_in_formulations_stay_but_figures_go(tmp_path: Path) -> None:
    text = ("讲话\n同志们：\n要牢固树立“四个意识”，坚定“四个自信”，做到“两个维护”。\n"
            "全年完成投资三十五亿元，新增就业两千人。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert any("“四个意识”" in t and t.startswith("要牢固树立") for t in texts)
    assert not any("三十五亿元" in t for t in texts)


def test_an_occasion_s_own_theme_is_not_a_phrase(tmp_path: Path) -> None:
    text = ("在全县青年干部座谈会上的讲话\n同志们：\n"
            "本次座谈会的主题是：立足岗位当先锋，凝心聚力促振兴。\n"
            "要坚持以人民为中心的发展思想，把群众满意作为工作的出发点。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert not any("主题是" in t for t in texts)
    assert "要坚持以人民为中心的发展思想，把群众满意作为工作的出发点。" in texts


def test_classifier_on_the_labelled_sample() -> None:
    """A sample written for this test (not taken from any corpus), in the genres wengao drafts."""
    from wengao.mining.classify import Context, classify

    sample = yaml.safe_load((Path(__file__).parent / "data" / "labelled.yaml").read_text(encoding="utf-8"))
    assert len(sample) >= 60
    right = 0
    wrong = []
    for item in sample:
        ctx = Context(opening=item["at"] == "opening", closing=item["at"] == "closing",
                      sections=(item["section"],) if item.get("section") else ())
        got = classify(item["text"], ctx)
        if got == item["function"]:
            right += 1
        else:
            wrong.append(f"{item['function']}→{got}: {item['text']}")
    accuracy = right / len(sample)
    REPORT["miner function accuracy (labelled sample)"] = f"{right}/{len(sample)} = {accuracy:.0%}"
    assert accuracy >= 0.8, wrong


# -- repairs: only where the document shows the corruption, never making a non-word ----------------

def test_a_repair_needs_a_corrupted_document(tmp_path: Path) -> None:
    clean = ("讲话\n同志们：\n要坚持以人民为中心，切实提高为群众效劳的本领。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, clean)]
    assert any("效劳" in t for t in texts)  # one odd word is not evidence of a rewriting tool


def test_a_repair_never_makes_a_non_word(tmp_path: Path) -> None:
    """A corrupted document is repaired where its words join as other documents join them."""
    _mine_text(tmp_path, "讲话\n同志们：\n要夯实基础，全心全意为群众服务。\n", name="a.txt")
    corrupt = ("讲话\n同志们：\n要更加紧密地团结在党中心四周，深刻生疏做好工作的重大意义。\n"
               "要夯实根底，尊重群众的有效劳动，切实保障人民权益。\n"
               "要坚持全心全意为群众效劳，坚持不懈抓好各项工作。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, corrupt, name="b.txt")]
    assert any("党中央周围" in t and "深刻认识" in t for t in texts)
    assert any("为群众服务" in t for t in texts)
    assert not any("有服务动" in t for t in texts)
    assert any("有效劳动" in t and "夯实基础" in t for t in texts)


def test_workers_mine_the_same_bank_as_one_process(tmp_path: Path, monkeypatch) -> None:
    """Files mined by forked workers merge in file order; a corrupted document, which learns how
    words join from the clean ones before it, is mined again in turn: the bank and its summary
    are those of a mine in one process."""
    from wengao.mining import pipeline

    src = tmp_path / "in"
    src.mkdir()
    for p in CORPUS.glob("*.txt"):
        (src / p.name).write_bytes(p.read_bytes())
    (src / "a.txt").write_text("讲话\n同志们：\n要夯实基础，全心全意为群众服务。\n", encoding="utf-8")
    (src / "b.txt").write_text("讲话\n同志们：\n要更加紧密地团结在党中心四周，深刻生疏做好工作的重大意义。\n"
                               "要夯实根底，尊重群众的有效劳动，切实保障人民权益。\n"
                               "要坚持全心全意为群众效劳，坚持不懈抓好各项工作。\n", encoding="utf-8")
    (src / "c.txt").write_bytes(b"\xff\xfe\x00\xd8broken")
    one, one_summary = mine([src], None, jobs=1)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_BYTES", 0)
    deferred = []
    real = pipeline._mine_file
    monkeypatch.setattr(pipeline, "_mine_file", lambda *a: deferred.append(a[1]) or real(*a))
    two, two_summary = mine([src], None, jobs=2)
    assert one_summary.skipped and "b.txt" in deferred and "a.txt" not in deferred  # only corrupted files come back to the merge
    assert two == one
    assert two_summary.stats == one_summary.stats and two_summary.documents == one_summary.documents
    assert [d.format() for d in two_summary.skipped] == [d.format() for d in one_summary.skipped]
    assert any("有效劳动" in e["text"] and "夯实基础" in e["text"] for e in two)


def test_a_redaction_blank_is_filled_from_certain_context_or_dropped(tmp_path: Path) -> None:
    text = ("讲话\n同志们：\n要坚持党建引领，推动基层治理体系和治理能力现代化。\n"
            "要坚持党建 引领，推动基层治理体系和治理能力现代化，不断提升群众满意度。\n"
            "要坚持 推进，形成上下联动、齐抓共管的工作格局。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert not any("□" in t or "坚持推进" in t for t in texts)  # never closed up


# -- the bank: all inputs checked first, nothing half-written, hand entries where they are ---------

def test_a_missing_input_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "bank"
    mine([CORPUS], out)
    before = {p.name: p.read_bytes() for p in out.glob("*.yaml")}
    with pytest.raises(WengaoError) as info:
        mine([tmp_path / "nosuchdir"], out)
    assert info.value.exit_code == 6 and "nosuchdir" in str(info.value)
    assert {p.name: p.read_bytes() for p in out.glob("*.yaml")} == before


def test_a_run_that_finds_no_document_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "broken.docx").write_bytes(b"not a zip")
    out = tmp_path / "bank"
    with pytest.raises(WengaoError):
        mine([empty], out)
    assert not out.exists() or not any(out.iterdir())


def test_hand_written_entries_stay_where_they_are(tmp_path: Path) -> None:
    mine([CORPUS], tmp_path)
    closing = tmp_path / "closing.yaml"
    entries = yaml.safe_load(closing.read_text(encoding="utf-8"))
    entries.append({"id": "closing.u0001", "text": "同志们，让我们携手并进，共创美好明天！", "function": "closing",
                    "kind": "sentence", "hand": True, "sources": ["hand-written"]})
    closing.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    own = tmp_path / "my-phrases.yaml"  # a file of the writer's own name
    own.write_text(yaml.safe_dump([{"id": "task.u0001", "text": "要把安全生产摆在突出位置。", "function": "task",
                                    "hand": True}], allow_unicode=True), encoding="utf-8")
    task = tmp_path / "task.yaml"  # a hand entry of one function kept in another's file
    tasks = yaml.safe_load(task.read_text(encoding="utf-8"))
    tasks.append({"id": "opening.u0001", "text": "刚才，几位同志讲得很好。", "function": "opening", "hand": True})
    task.write_text(yaml.safe_dump(tasks, allow_unicode=True), encoding="utf-8")
    own_bytes = own.read_bytes()
    for _ in range(2):
        mine([CORPUS], tmp_path)
    again = load_bank(tmp_path)
    ids = [e["id"] for e in again]
    assert len(ids) == len(set(ids))
    assert ids.count("closing.u0001") == 1 and ids.count("task.u0001") == 1 and ids.count("opening.u0001") == 1
    assert own.read_bytes() == own_bytes
    assert any(e["id"] == "opening.u0001" for e in yaml.safe_load(task.read_text(encoding="utf-8")))


def test_an_unreadable_bank_is_not_overwritten(tmp_path: Path) -> None:
    broken = tmp_path / "closing.yaml"
    broken.write_text("- id: closing.u0001\n  text: 手写的结尾\n  hand: true\n- [unclosed\n", encoding="utf-8")
    before = broken.read_bytes()
    with pytest.raises(WengaoError) as info:
        mine([CORPUS], tmp_path)
    assert "closing.yaml" in str(info.value) and info.value.exit_code == 7
    assert broken.read_bytes() == before  # the hand-written entry is still there
    assert not (tmp_path / "heading.yaml").exists()


def test_the_first_search_after_a_mine_needs_no_index_build(tmp_path: Path, monkeypatch) -> None:
    """The mine builds the search index from the entries it writes."""
    from wengao.phrases import bank as bank_module
    from wengao.phrases.index import BankIndex

    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "bank"
    mine([CORPUS], out)
    monkeypatch.setattr(bank_module, "load_file", lambda path: pytest.fail(f"index re-read {path}"))
    hits = BankIndex(out).search("乡村振兴", function="closing")
    assert hits and all("乡村振兴" in h.text for h in hits)


def test_a_placeholder_for_a_date_a_count_or_a_person_is_not_made_a_name_slot() -> None:
    """x月x日, X家, X同志, 代表× stand for a date, a figure or a person: one occasion's, and a
    {名称} slot would say it wrongly (four people as one slot). A placeholder place or an
    anonymous name stays a slot; a redaction mark （*） or *** before 市/村 is one too."""
    from wengao.mining.facts import load_lexicon, slot_names

    lex = load_lexicon()
    assert slot_names("x月x日，市委召开了全市防汛工作会议，对汛期工作作了部署。", set(), lex) == ("", "quantity")
    assert slot_names("XX家企业负责同志参加了会议，讲得很实在。", set(), lex) == ("", "quantity")
    assert slot_names("刚才，X同志通报了全市防汛工作情况，讲得很好。", set(), lex) == ("", "person")
    assert slot_names("会上，青年代表×作了表态发言，大家很受鼓舞。", set(), lex) == ("", "person")
    assert slot_names("全县上下要为建设美丽XX作出新的更大贡献！", set(), lex) == ("全县上下要为建设美丽{县}作出新的更大贡献！", "")
    assert slot_names("作为一名在（*）市工作的干部，我深感责任重大。", set(), lex) == (
        "作为一名在{市}工作的干部，我深感责任重大。", "")
    assert slot_names("***村党支部始终把群众的事放在心上。", set(), lex) == ("{村}党支部始终把群众的事放在心上。", "")


def test_one_body_s_numbered_meeting_is_one_occasion() -> None:
    from wengao.mining.facts import fact_reason, load_lexicon

    lex = load_lexicon()
    assert fact_reason("我厂第八届职工运动会在全体职工的共同努力下圆满落幕。", lex) == "quantity"
    assert fact_reason("今天我们隆重召开全市第五届道德模范表彰大会，意义重大。", lex) == "quantity"
    assert fact_reason("党的第二十次全国代表大会是一次十分重要的大会。", lex) == ""


def test_a_reporting_verb_whose_speaker_was_cut_off_is_taken_off() -> None:
    from wengao.mining.sentences import strip_enumerator

    assert strip_enumerator("强调，要把学习成果转化为推动工作的实际成效。") == (
        "要把学习成果转化为推动工作的实际成效。", "强调，")
    assert strip_enumerator("强调要把学习成果转化为实际成效。")[1] == ""  # no cut: the verb leads the sentence
    assert strip_enumerator("体会二，学习先进典型的实干精神")[0] == "学习先进典型的实干精神"  # 体会二， numbers a point
    assert strip_enumerator("体会是深刻的。")[1] == ""


def test_someone_named_before_leans_back_and_a_pledge_for_times_ahead(tmp_path: Path) -> None:
    text = ("青春主题活动总结\n一、活动情况\n十四岁的同学们参加了集体仪式。相信他们会用青春的智慧描绘出最美的青春画卷。\n"
            "学生本身最重要，他们是学习的主体。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert not any(t.startswith("相信他们") for t in texts)  # 他们: the pupils told of before
    from wengao.mining.classify import Context, classify
    s = "在今后的林场管理中，我们更应该加强森林资源的管护。"
    assert classify(s, Context(genre="study-report")) == "resolution"
    assert classify("我们要加强学习，提高本领。", Context(genre="study-report")) == "resolution"
    assert classify("我们要求各级干部严守纪律、敢于担当。", Context(genre="study-report")) != "resolution"  # asks others
    for s in ("我们将面对更加复杂的外部环境。", "今后一个时期，我们将面临更多风险挑战。"):
        assert classify(s, Context(genre="speech")) != "resolution"  # what will come, no pledge
    for s in ("我们将面对面倾听群众诉求，实打实为群众解决难题。", "今后，我们将面对面听取企业意见。"):
        assert classify(s, Context(genre="speech")) == "resolution"
    assert classify("我们要求真务实，以钉钉子精神抓好落实。", Context(genre="exchange")) == "resolution"
    assert classify("今后，我们将继续加强作风建设。", Context(genre="speech")) == "resolution"


def test_a_speech_of_another_era_gives_no_sentences(tmp_path: Path) -> None:
    body = ("同志们：\n今天召开这个座谈会，目的是交换意见。\n一、坚持以人民为中心的工作导向\n"
            "要坚持以人民为中心的发展思想，把群众满意作为工作的出发点。\n")
    old = _mine_text(tmp_path, "在座谈会上的讲话\n（一九四二年五月二日）\n" + body, name="old.txt")
    assert not any(e["text"].startswith("要坚持以人民为中心") for e in old)
    assert not any(e["function"] == "heading" for e in old)  # nor its heads: that era's, not ours
    (tmp_path / "in" / "old.txt").unlink()
    new = _mine_text(tmp_path, "在座谈会上的讲话\n（二〇二四年五月二日）\n" + body, name="new.txt")
    assert any(e["text"].startswith("要坚持以人民为中心") for e in new)
    assert any(e["function"] == "heading" for e in new)


def test_a_footnote_mark_a_classification_told_before_and_what_doing_it_yields() -> None:
    from wengao.mining.candidates import _NOTE_MARK_RE, _also
    from wengao.mining.classify import Context, classify

    assert _NOTE_MARK_RE.search("现在定了五月四日为中国青年节，这是很对的⑵")
    assert _also("我们将第一类干部作为优先考虑提拔的人选。")
    assert classify("守住民生底线，就能稳住发展基本盘。", Context(genre="speech", sections=("重点任务",))) == "significance"


def test_what_one_place_did_stays_with_it_but_its_lessons_do_not(tmp_path: Path) -> None:
    text = ("安吉县乡村振兴工作总结\n一、主要成效\n"
            "安吉县大力推进乡村建设。三年来建成了一批美丽乡村示范村，群众满意度明显提升。\n"
            "乡村建设既要坚持政府主导，又要重视引入市场力量。\n"
            "二、几点体会\n安吉县的实践告诉我们，乡村建设既要注重普惠性，又要注重发展性。"
            "乡村建设必须从自身实际出发，体现乡村发展的阶段性特点。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert not any(t.startswith("三年来建成了") for t in texts)  # after 安吉县…: what that county did
    assert "乡村建设必须从自身实际出发，体现乡村发展的阶段性特点。" in texts  # a lesson stands anywhere


def test_a_shortcoming_of_a_time_gone_by_is_not_a_problem_to_name(tmp_path: Path) -> None:
    text = ("在全县工作会议上的讲话\n一、存在的问题\n"
            "十年前，我们面对的形势十分复杂。一些干部对基层工作重视不够，服务群众的本领不强。\n"
            "当前，一些干部对基层工作重视不够，抓落实的能力还不强。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert "一些干部对基层工作重视不够，服务群众的本领不强。" not in texts
    assert any(t.endswith("一些干部对基层工作重视不够，抓落实的能力还不强。") for t in texts)


def test_a_connective_that_ties_back_is_taken_off_and_a_back_reference_drops() -> None:
    from wengao.mining.sentences import strip_enumerator

    assert strip_enumerator("因此，扎实抓好安全生产，既是为民负责的体现，也是抓发展的要求。")[0] == \
        "扎实抓好安全生产，既是为民负责的体现，也是抓发展的要求。"
    # without a comma a call still stands without it; anything else stays for the context check
    assert strip_enumerator("因此必须抓好安全生产。")[0] == "必须抓好安全生产。"
    assert strip_enumerator("因此我们必须看到，形势依然严峻。")[1] == ""
    from wengao.mining.candidates import _also

    assert _also("这让我深刻地认识到，学习全会精神首要的是解决一个“信”字。")


@pytest.mark.parametrize(("sentence", "opening", "closing", "function"), [
    ("会议达到了明确目标、凝聚共识、振奋精神的目的，取得了圆满成功。", True, False, "opening"),
    ("总结一年来的学校工作，这既是一种自我激励，也是一种理性的思考。", True, False, "opening"),
    ("作为一名基层干部，通过这段时间的学习，内心深受触动。", True, False, "opening"),
    ("金秋时节，硕果累累。", True, False, "opening"),
    ("向所有为了今天能如期开班作出贡献的同志们表示衷心的感谢！", True, False, "opening"),
    ("办好中国的事情，关键在党。", False, False, "quote"),
    ("我们之所以能创造发展奇迹，根本原因在于党的坚强领导。", False, False, "experience"),
    ("加强党的建设是深化国企改革的着力点之一。", False, False, "significance"),
    ("污染防治要聚焦重点任务，使生态环境质量持续改善。", False, False, "task"),
    ("同志们，希望工会大力弘扬劳模精神，团结职工群众建功立业。", False, False, None),  # mid-speech
    ("同志们，希望工会大力弘扬劳模精神，团结职工群众建功立业。", False, True, "closing"),
    ("我相信，我们的探索一定会为人才培养留下浓重一笔。", False, True, "closing"),
    # what was done, told in the words of a task, is no task; a condition (定了就做) is no deed
    ("大力开展品牌建设，把田园和村庄建设结合起来了，把优势变成了福利。", False, False, None),
    ("要确保规划定了就做得到、能落地见效。", False, False, "task"),
])
def test_forms_that_decide_a_function(sentence: str, opening: bool, closing: bool, function: str | None) -> None:
    from wengao.mining.classify import Context, classify, load_rules

    ctx = Context(genre="speech", opening=opening, closing=closing, first=True)
    assert classify(sentence, ctx, load_rules()) == function


def test_words_that_only_begin_like_a_back_reference_stand_alone(tmp_path: Path) -> None:
    text = ("在全县工作会议上的讲话\n一、稳就业\n就业是最大的民生，要千方百计稳定和扩大就业。\n"
            "而这些问题，都要认真加以解决。\n二、强本领\n希望大家强化担当作为的意识。\n"
            "三、同时也要增强干事创业的本领\n要坚持学用结合，不断提高履职能力。\n")
    entries = _mine_text(tmp_path, text)
    texts = [e["text"] for e in entries]
    assert "就业是最大的民生，要千方百计稳定和扩大就业。" in texts
    assert not any(t.startswith("而这些问题") for t in texts)
    assert not any(t.startswith("同时也要") for t in texts)  # the second half of a pair of heads


@pytest.mark.parametrize(("heading", "function"), [
    ("二、存在的问题", "problem"),
    ("问题和不足", "problem"),
    ("坚持问题导向", None),  # 问题 modifies 导向: not the heading's head
    ("深入学习先进经验、扎实推进人居环境整治的对策", "task"),  # the head word ends last
    ("存在不足与下一步打算", None),  # two heads: the sentence's own form decides
    ("下一步工作打算", "resolution"),
    ("加快补齐短板弱项", None),  # the weakness is what the work mends
    ("查摆存在的问题", "problem"),  # finding them lists them
])
def test_a_section_heading_is_read_by_its_head_word(heading: str, function: str | None) -> None:
    from wengao.mining.classify import load_rules, section_function

    assert section_function(load_rules(), (heading,)) == function


@pytest.mark.parametrize(("sentence", "sections", "function"), [
    ("马克思主义具有实践属性，马克思说，“哲学家们只是用不同的方式解释世界，而问题在于改变世界”。", (), "quote"),
    ("当前，乡村要振兴面临不少矛盾，这就需要我们活学活用先进经验。", (), "requirement"),
    ("国内经济下行压力加大，消费增速减慢，有效投资增长乏力。", (), "problem"),
    ("干部作风有了明显提升，但个别角落里仍暗流涌动。", (), "problem"),
    ("乡镇干部是离群众最近的人，我们的作风就是党和政府的形象。", ("几点要求",), "significance"),
    ("要严格落实工作责任，形成齐抓共管的合力。", ("几点要求",), "requirement"),
    ("我们一定要直面问题和挑战，勇于担当，决不辜负人民期待！", (), "resolution"),
    # under a heading of lessons, a deed told (…了…) is no lesson; a lesson drawn stays one
    ("在理论课程培训中，我们学习了这项工程的起源、发展历程、典型案例等内容。", ("几点经验启示",), None),
    ("全县上下形成了一级抓一级、层层抓落实的工作推进机制。", ("几点经验启示",), "achievement"),
    ("通过学习，我深刻认识到了这项工作的重要意义。", ("几点经验启示",), "experience"),
    ("坚持问题导向，制定针对性措施。", ("几点经验启示",), "experience"),
    # a year looked back on is told of, under any heading (the meeting's 要求 asks nothing)
    ("今年以来，全县上下全面落实会议要求，工作责任进一步压实，取得阶段性成果。", ("充分认识重要意义",), "achievement"),
    ("今年以来，全县上下要全面落实会议部署。", ("充分认识重要意义",), "significance"),
    ("近年来，各类安全风险交织叠加，防范化解重大风险的任务十分艰巨。", ("充分认识重要意义",), "significance"),
    ("近年来，群众对安全的期盼越来越高，这就要求我们压实安全责任。", ("充分认识重要意义",), "significance"),
    ("群众的事情办好了，群众就会真心拥护我们。", ("几点经验启示",), "experience"),  # a condition, no deed
    ("党员干部把心贴近了群众，干群关系就融洽了。", ("几点经验启示",), "experience"),
    ("通过学习，我更加坚定了跟党走的信念。", ("几点经验启示",), "experience"),  # a lesson felt
    ("推行一次性告知制度，做到办事指南清楚明了。", (), "task"),
    ("加强宣传引导，让“有了困难找组织”成为群众的共识。", (), "task"),
    ("坚持问题导向，把问题找准了、把原因查清了、把措施定实了。", (), "task"),
    # what a thing is, in every clause; a first clause of that form before a story is no significance
    ("良好的生态环境是最公平的公共产品，是最普惠的民生福祉。", (), "significance"),
    ("政府部门做好服务是本分，服务不好是失职。", (), "significance"),
    ("老师们的工作是辛苦的，每天早出晚归，批改作业到深夜。", (), None),
    ("就业是最大的民生，我们要千方百计稳定和扩大就业。", (), "task"),  # the reason, then what to do
    # a principle (坚持X、Y) and the leadership that answers for the work are requirements, not tasks
    ("坚持以人为本、共建共享。", (), "requirement"),
    ("要坚持党对“三农”工作的全面领导，坚持五级书记抓乡村振兴。", (), "requirement"),
    ("坚持规划先行，引领村庄高质量发展。", (), "task"),
    ("培养什么人、怎样培养人、为谁培养人是教育的根本问题。", (), "significance"),
    ("学前教育要坚持公益普惠，加快提升农村薄弱幼儿园。", ("加快补齐短板弱项",), "task"),  # a call, not a problem
    ("群众在就业、教育、养老、住房等方面面临不少难题。", ("过去五年的工作",), "problem"),
])
def test_more_forms_that_decide_a_function(sentence: str, sections: tuple[str, ...], function: str | None) -> None:
    from wengao.mining.classify import Context, classify, load_rules

    assert classify(sentence, Context(genre="report", sections=sections), load_rules()) == function


@pytest.mark.parametrize("sentence", [
    "这些问题不解决，就会成为制约发展的绊脚石。", "这是深入贯彻落实上级精神的重要举措。",
    "我完全同意，大家要认真抓好落实。", "只有这样，才能使我们的事业永远向前。", "该项目建成后将惠及群众。",
    "我们也需要加强与各部门的协作和配合。",
])
def test_sentences_that_lean_on_the_one_before(sentence: str) -> None:
    from wengao.mining.candidates import _also

    assert _also(sentence)


def test_stock_lines_that_merely_begin_alike_stand_alone() -> None:
    from wengao.mining.candidates import _also

    for sentence in ("此次会议的主要任务是统一思想。", "此外，我再强调三点。", "要坚持以人民为中心。"):
        assert not _also(sentence)


@pytest.mark.parametrize(("sentence", "function"), [
    ("金融等领域风险隐患依然不少。", "problem"),
    ("深度贫困地区脱贫攻坚困难较多。", "problem"),
    ("抓好过程管理是提高质量的有效途径。", "significance"),
])
def test_a_plain_form_outweighs_a_review_heading(sentence: str, function: str) -> None:
    from wengao.mining.classify import Context, classify, load_rules

    assert classify(sentence, Context(genre="report", sections=("过去一年工作回顾",)), load_rules()) == function


def test_a_list_cut_after_its_first_item_is_not_a_phrase(tmp_path: Path) -> None:
    text = ("在全县生态环境保护工作会议上的讲话\n同志们：\n"
            "今天我们召开全县生态环境保护工作会议，主要基于三方面考虑：一是落实上级部署的需要；二是解决突出问题的需要。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert not any("三方面考虑" in t for t in texts)


def test_a_variant_met_again_goes_where_a_first_comparison_would_send_it() -> None:
    """Near duplicates are looked up in two buckets (same opening, same ending), the first bucket
    first. A variant met again is not compared again — unless a text near it has since joined
    its first bucket, which a fresh comparison would have preferred."""
    from wengao.mining.candidates import Candidate
    from wengao.mining.dedup import Merger

    middle = "坚持以人民为中心的发展思想推动高质量发展不断增强人民群众获得感幸福感安全感" * 2

    def add(merger: Merger, text: str, line: int) -> None:
        merger.add(Candidate(text, "task", "sentence", "a.txt", line, "speech"))

    variant, ending_alike, opening_alike = "甲乙丙丁戊己" + middle + "子丑寅卯辰巳", "庚辛壬癸天地" + middle + "子丑寅卯辰巳", \
        "甲乙丙丁戊己" + middle + "东南西北上下"
    merger = Merger()
    add(merger, ending_alike, 1)
    add(merger, variant, 2)  # near the text with its ending (second bucket)
    add(merger, opening_alike, 3)  # a new entry, in the variant's first bucket
    add(merger, variant, 4)  # a fresh look finds the text with its opening first
    sources = {e["text"]: e["sources"] for e in merger.results()}
    assert sources == {ending_alike: ["a.txt:1", "a.txt:2"], opening_alike: ["a.txt:3", "a.txt:4"]}


def test_a_lead_run_into_its_paragraph_is_a_heading(tmp_path: Path) -> None:
    text = ("学习心得体会\n通过学习，我有以下体会。"
            "一是壮大发展引擎，推动共同富裕。要把发展产业作为增加农民收入的根本之策，久久为功。"
            "二是丰富菜品样式。\n")
    entries = _mine_text(tmp_path, text)
    fn = {e["text"]: e["function"] for e in entries}
    assert fn.get("壮大发展引擎，推动共同富裕") == "heading"
    assert "壮大发展引擎，推动共同富裕。" not in fn


@pytest.mark.parametrize(("sentence", "function"), [
    ("我反复学习课件，汲取现场经验，从中得到了几点启示。", "transition"),
    ("它给我们的启示意义至少有四点。", "transition"),
    ("“上有天堂，下有苏杭”。", "quote"),
])
def test_a_list_announced_and_a_whole_quotation(sentence: str, function: str) -> None:
    from wengao.mining.classify import Context, classify, load_rules

    assert classify(sentence, Context(genre="study-report", opening=True), load_rules()) == function


def test_what_points_back_or_is_dialogue_is_not_filed() -> None:
    from wengao.mining.candidates import _also
    from wengao.mining.classify import Context, classify, load_rules

    assert _also("特殊时期只能以这种特殊的方式与大家见面。")
    assert _also("既然我们要继续住在这里，就决不能允许任何人破坏！")
    assert not _also("全体教职工必将以此次会议为起点，强担当、聚合力、务实干！")
    rules, ctx = load_rules(), Context(genre="speech")
    assert classify("“老爷爷，你们革命不是为了我们穿名牌，是为了什么呀？”", ctx, rules) != "quote"
    assert classify("健康快乐，前程似锦，鹏程万里！", ctx, rules) != "quote"  # a wish, not a saying
    assert classify("中小微企业融资难问题依然存在。", ctx, rules) == "problem"


def test_a_line_that_exclaims_or_speaks_in_the_first_person_is_no_heading(tmp_path: Path) -> None:
    text = ("在开学典礼上的讲话\n尊敬的各位家长、老师，亲爱的同学们：\n"
            "一、请允许我代表学校对大家的到来表示热烈的欢迎！\n要坚持立德树人，办好人民满意的教育。\n"
            "二、坚持立德树人根本任务\n要把思想政治工作贯穿教育教学全过程。\n")
    headings = [e["text"] for e in _mine_text(tmp_path, text) if e["function"] == "heading"]
    assert "坚持立德树人根本任务" in headings
    assert not any("欢迎" in h for h in headings)


def test_a_heading_glued_to_its_text_comes_off_and_a_visit_stays_with_its_place(tmp_path: Path) -> None:
    text = ("学习心得体会\n通过学习，我有很深的体会。“千万工程”的深远意义“千万工程”意义深远，可以从不同的视角去透视和解析。\n"
            "我坚信，通过浙江之行，我们一定能够开创乡村振兴工作新局面。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert "“千万工程”意义深远，可以从不同的视角去透视和解析。" in texts
    assert not any("之行" in t for t in texts)  # the province visited is not the writer's own


def test_wrong_forms_that_overlap_are_all_found_in_one_scan() -> None:
    """Which wrong forms a document holds is found in one scan; forms that overlap or start at
    the same character are each found, as a str.find per rule would find them."""
    from wengao.mining.repairs import RepairRule, _compile, _wrong_forms_in

    forms = ("党中心", "中心", "心工作", "工作", "作风")
    rules = tuple(RepairRule(w, "好", (), (), False, _compile(w, (), ())) for w in forms)
    assert _wrong_forms_in(rules, "推进党中心工作") == {"党中心", "中心", "心工作", "工作"}
    assert _wrong_forms_in(rules, "没有") == set()


def test_dialogue_tallies_wishes_and_a_speech_s_own_motto_are_no_sayings(tmp_path: Path) -> None:
    text = ("走向远方\n——在毕业典礼上的讲话\n亲爱的同学们：\n"
            "走向远方，成就时光。今天我们在这里隆重举行毕业典礼。\n"
            "一位同学问我：“我在外地待过很长时间，老师你去过没有？”我笑着回答了他。\n"
            "我们的不足是：突击学习多，系统研究少。\n"
            "古人说：“长风几万里，吹度玉门关。”\n"
            "最后，祝同学们健康快乐，前程似锦，鹏程万里！\n")
    quotes = [e["text"] for e in _mine_text(tmp_path, text) if e["function"] == "quote"]
    assert any("长风几万里" in q for q in quotes)  # a real saying stays
    assert not any("走向远方" in q or "你去过" in q or "研究少" in q or "鹏程万里" in q for q in quotes)


def test_the_forms_that_keep_a_line_from_being_a_saying() -> None:
    from wengao.mining.classify import TALLY_RE, _couplet, load_rules
    from wengao.mining.formulations import _SPOKEN_RE

    rules = load_rules()
    assert _couplet("长风几万里，吹度玉门关。", rules)
    assert not _couplet("突击学习多，系统研究少。", rules)  # a tally of shortcomings
    assert not _couplet("健康快乐，前程似锦，鹏程万里！", rules)  # a wish
    assert not _couplet("不畏艰难，勇挑重担，甘于奉献；", rules)  # an item of a list
    assert TALLY_RE.search("应付事务多，专题突破少")
    assert _SPOKEN_RE.search("我在外地待过很长时间，老师你去过没有？") and _SPOKEN_RE.search("如果到那天我会去死的。")
    assert not _SPOKEN_RE.search("我们党是为人民服务的党。")


def test_slips_deeds_and_new_this_year_facts() -> None:
    from wengao.mining.candidates import _DEED_RE, _doubled
    from wengao.mining.facts import fact_reason, load_lexicon, slot_names

    assert _doubled("营造浓厚的教研氛围氛围。") and not _doubled("干部干部，干是当头的。")
    assert not _doubled("要一步一步来，研究研究再定。")
    assert _DEED_RE.match("{省}坚持循序渐进，有重点有步骤地推进人居环境整治。")
    lex = load_lexicon()
    assert fact_reason("今年实施实绩考核，新增加了市际交叉考核。", lex) == "quantity"
    assert slot_names("要以学习浙江“千万工程”经验为突破口。", {"浙江"}, lex)[1] == "claim"
    assert fact_reason("坚持中央统筹，中央农办发挥好牵头作用。", lex) == "national_only"


def test_province_level_matters_judgements_and_list_labels() -> None:
    from wengao.mining.candidates import _NOT_A_HEAD_RE, _also
    from wengao.mining.classify import Context, classify, load_rules
    from wengao.mining.facts import fact_reason, load_lexicon
    from wengao.mining.sentences import strip_enumerator

    assert fact_reason("推动有条件的省属企业加强重要能源和矿产资源获取。", load_lexicon()) == "national_only"
    rules = load_rules()
    assert classify("高质量发展是全面建设社会主义现代化国家的首要任务。", Context(), rules) == "significance"
    assert classify("要提高教育教学质量，优化教师队伍最重要、最关键。", Context(), rules) == "significance"
    assert _also("要充分发挥他们的作用。")
    assert not _also("最后，让我们共同为孩子们祝福，祝愿他们在我们学校健康成长！")
    assert strip_enumerator("总之：教有规律，教学有方，教无定法，贵在得法。")[0] == "教有规律，教学有方，教无定法，贵在得法。"
    assert _NOT_A_HEAD_RE.search("便民服务方面") and _NOT_A_HEAD_RE.search("领导干部民主测评要点")
    assert not _NOT_A_HEAD_RE.search("坚持以人民为中心的发展思想")


def test_a_pledge_anywhere_is_a_resolution_and_a_trend_reported_an_achievement() -> None:
    from wengao.mining.classify import Context, classify, load_rules

    rules = load_rules()
    assert classify("我们要以更务实举措改进工作，不辜负全市人民的厚望。", Context(genre="report"), rules) == "resolution"
    assert classify("各项投入不断加大。", Context(genre="report", opening=True), rules) == "achievement"


def test_an_imperative_heading_s_result_word_defers_to_the_heading_above() -> None:
    from wengao.mining.classify import load_rules, section_function

    rules = load_rules()
    assert section_function(rules, ("加快释放改革开放成效", "2026年重点工作")) == "task"
    assert section_function(rules, ("持续夯实高质量发展基础", "2025年工作回顾")) == "achievement"
    assert section_function(rules, ("主要工作成效",)) == "achievement"


def test_the_body_one_reports_for_is_a_slot_and_a_story_told_to_you_is_not_a_phrase(tmp_path: Path) -> None:
    from wengao.mining.candidates import _also

    text = ("政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert "现在，我代表{单位}，向大会报告工作，请予审议。" in texts
    text = ("在开业仪式上的致辞\n各位来宾：\n在此，我代表县人民政府表示热烈祝贺。\n")
    (tmp_path / "b").mkdir()
    texts = [e["text"] for e in _mine_text(tmp_path / "b", text)]
    assert "在此，我代表{单位}表示热烈祝贺。" in texts  # 表示 as well as 向 closes the body's name
    assert _also("如果你不让他有话语的可能性，他就到网上去说。")
    assert not _also("同学们，你们要珍惜时光，努力学习。")


def test_in_the_opening_paragraphs_a_task_is_a_task_and_a_long_story_line_opens_nothing() -> None:
    from wengao.mining.classify import Context, classify, load_rules

    rules = load_rules()
    later = Context(genre="speech", opening=True, first=False)
    assert classify("要化大力气帮助家长提高教育孩子的水平，改进家庭教育方法。", later, rules) == "task"
    assert classify("老教师回来了，新老师也熟了脸，孩子们的脚步声再次把校园唤醒。", later, rules) is None
    assert classify("虽然培训时间不长，可是感触颇多。", later, rules) == "opening"
    assert classify("本届政府任期即将结束。", later, rules) is None  # where it stands is not enough
    assert classify("同学们，大家早上好！", later, rules) == "opening"  # the forms of an opening line
    assert classify("向全体教职员工致以崇高的敬意和诚挚的谢意！", later, rules) == "opening"
    assert classify("现将我一年来的思想、学习、工作等情况汇报如下。", later, rules) == "opening"
    assert classify("下面，我就围绕铸魂、增智、正风、促干四个方面，和同志们共同交流。", later, rules) == "transition"
    assert classify("越是联系实际，越感到肩上的责任重大。", Context(genre="exchange"), rules) == "experience"


def test_a_short_lead_after_its_enumerator_is_a_heading_and_第一句话_is_an_enumerator(tmp_path: Path) -> None:
    from wengao.mining.sentences import strip_enumerator

    text = "在全区党风廉政建设工作会议上的讲话\n一是政治监督更加精准有力。全区各级纪检监察机关紧盯重大决策部署落实，开展专项监督检查。\n"
    entries = _mine_text(tmp_path, text)
    assert {"text": "政治监督更加精准有力", "function": "heading"}.items() <= next(
        e for e in entries if e["text"] == "政治监督更加精准有力").items()
    assert strip_enumerator("第一句话，纵比成绩喜人，横比形势逼人。")[0] == "纵比成绩喜人，横比形势逼人。"


def test_more_national_levers_a_news_label_heading_and_关键在_after_a_long_subject() -> None:
    from wengao.mining.candidates import _NOT_A_HEAD_RE
    from wengao.mining.classify import Context, classify, load_rules
    from wengao.mining.facts import fact_reason, load_lexicon

    lex = load_lexicon()
    assert fact_reason("实施渐进式延迟法定退休年龄。", lex) == "national_only"
    assert not fact_reason("坚持正确的世界观、人生观、价值观。", lex)
    assert _NOT_A_HEAD_RE.search("书记讲话：向美而行成就彼此")
    assert classify("全面建设社会主义现代化国家、全面推进中华民族伟大复兴，关键在党。", Context(), load_rules()) \
        == "significance"


def test_ordinary_sentences_the_context_heading_and_form_rules_must_keep(tmp_path: Path) -> None:
    from wengao.mining.candidates import _FIRST_PERSON_RE, _also
    from wengao.mining.classify import Context, classify, load_rules
    from wengao.mining.formulations import _SPOKEN_RE

    assert not _also("要营造比学赶超、你追我赶的浓厚氛围。")
    assert not _also("该管的要管住，该放的要放开。")
    assert not _FIRST_PERSON_RE.search("勇于自我革命，推进全面从严治党向纵深发展")
    assert not _SPOKEN_RE.search("勇于自我革命是我们党区别于其他政党的显著标志。")
    rules = load_rules()
    assert classify("成绩来之不易，但我们仍然要保持清醒头脑，再接再厉。", Context(), rules) != "problem"
    assert classify("我们有的干部对工作不负责任，敷衍塞责。", Context(), rules) != "resolution"
    assert classify("要关心关爱乡镇以下基层干部。", Context(), rules) == "task"
    # a connective is no enumerator: 因此，必须坚持人民至上。 stays a sentence, not a heading
    texts = {e["text"]: e["function"] for e in _mine_text(
        tmp_path, "在全县工作会议上的讲话\n同志们：\n发展为了人民。因此，必须坚持人民至上。这是我们一贯的立场和原则。\n")}
    assert texts.get("必须坚持人民至上。") == "requirement"


def test_list_tails_examples_and_new_demands_announced() -> None:
    from wengao.mining.candidates import _also
    from wengao.mining.classify import Context, classify, load_rules

    for leaning in ("如班主任队伍的有效培养、德育考核的时效性等等。", "和学校班子成员把主体责任扛在肩上。",
                    "面对上述新问题，我们要迎难而上。", "现在孩子的第三个特征是很早熟。"):
        assert _also(leaning), leaning
    for standing in ("如期完成各项目标任务。", "和美乡村建设取得新进展。", "向第二个百年奋斗目标进军。"):
        assert not _also(standing), standing
    assert classify("新的形势和任务，对政府工作提出了新的更高要求。", Context(), load_rules()) == "transition"


def test_a_national_matter_is_judged_before_its_place_becomes_a_slot(tmp_path: Path) -> None:
    texts = [e["text"] for e in _mine_text(tmp_path, "政府工作报告\n要坚持一个中国原则，解决台湾问题是中国人自己的事。\n")]
    assert not any("问题是中国人自己的事" in t for t in texts)


def test_acting_on_a_bottleneck_is_a_task_and_a_shortfall_stated_is_a_problem() -> None:
    from wengao.mining.classify import Context, classify, load_rules

    rules = load_rules()
    assert classify("推动通道网、物流网融合发展，加快打通物流通道“断头路”“瓶颈路”，大力发展多式联运。",
                    Context(), rules) == "task"
    assert classify("加快补齐农村养老服务基础设施建设短板，丰富养老服务供给。", Context(), rules) != "problem"
    assert classify("大力实施乡村建设行动，资金需求量很大，单纯依靠政府的力量是不够的。", Context(), rules) == "problem"


@pytest.mark.parametrize(("sentence", "function"), [
    ("城乡区域发展和收入分配差距仍然较大；", "problem"),
    ("经济全球化遭遇波折，中美经贸摩擦给一些企业生产经营带来不利影响。", "problem"),
    ("培养造就大批德才兼备的高素质人才，是国家和民族长远发展大计。", "significance"),
    ("只要存在腐败问题产生的土壤和条件，反腐败斗争就一刻不能停，必须永远吹冲锋号。", "requirement"),
])
def test_a_gap_an_ill_wind_a_long_term_plan_and_a_must(sentence: str, function: str) -> None:
    from wengao.mining.classify import Context, classify, load_rules

    assert classify(sentence, Context(genre="report"), load_rules()) == function


def test_a_named_place_s_deed_is_left_out_whatever_its_function(tmp_path: Path) -> None:
    text = ("浙江经验交流材料\n一、重点任务\n要坚持循序渐进，有重点有步骤地推进人居环境整治。"
            "浙江坚持循序渐进，有重点有步骤地推进人居环境整治，全面改造村容村貌。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert not any(t.startswith("{省}坚持") for t in texts)
    assert "要坚持循序渐进，有重点有步骤地推进人居环境整治。" in texts


def _in_speech(sentence: str, *sections: str) -> str | None:
    """The function the miner gives `sentence` in a speech, under these headings (nearest first)."""
    from wengao.mining.classify import Context, classify, load_rules

    return classify(sentence, Context(genre="speech", sections=sections), load_rules())


@pytest.mark.parametrize(("sentence", "heading", "function"), [
    ("各有关部门按照分工方案，加强协同配合。", "重点任务", "task"),  # what to do, its verb after a comma
    ("当前，世界百年未有之大变局加速演进。", "重点任务", None),  # a state of things is no task
    ("物质贫困不是社会主义，精神贫乏也不是社会主义。", "主要任务", None),
    ("我们始终从国情出发想问题、作决策、办事情。", "主要任务", None),  # what we have long done
    ("全区各级组织有力保障了政令畅通、决策落地。", "重要意义", None),  # what was done is no significance
    ("有时产生的新想法也只是停留于心动而无行动的状态。", "存在的问题", None),  # no shortcoming in its words
    ("学习的主动性还不够强。", "存在的问题", "problem"),
    ("营商环境是生产力，是区域发展的核心竞争力。", "几点体会", "significance"),  # what a thing is, not a lesson
])
def test_a_section_gives_its_function_unless_the_sentence_says_otherwise(
        sentence: str, heading: str, function: str | None) -> None:
    assert _in_speech(sentence, heading) == function


@pytest.mark.parametrize(("sentence", "sections", "function"), [
    ("我们要坚定信心、迎难而上，在攻坚克难中不断开创新局面。", ("过去一年工作回顾",), None),  # a call, not a deed
    ("农村基本公共服务短板加快补齐。", (), None),  # a shortcoming closed is no shortcoming
    ("面对新征程新使命，我们将更加深刻领悟“两个确立”的决定性意义。", (), "resolution"),  # a pledge naming a significance
    ("我们一定要提高政治站位，充分认识做好这项工作的重要性和紧迫性。", (), "significance"),
    ("面对新形势，我们将深刻认识这项工作的重大意义。", (), "resolution"),  # 面对…， leads in; 我们将… is a pledge
])
def test_calls_pledges_and_closed_shortcomings(sentence: str, sections: tuple[str, ...], function: str | None) -> None:
    assert _in_speech(sentence, *sections) == function


def test_a_report_to_a_congress_gives_only_its_short_statements(tmp_path: Path) -> None:
    body = ("一、2027年主要任务\n"
            "加强安全生产管理。全面推进甲乙丙丁产业园区扩区提质和戊己庚辛国家级试验基地建设，打造区域协同发展新高地。\n"
            "让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力谱写现代化建设新篇章！\n")
    speech = "在全县工作会议上的讲话\n同志们：\n" + body
    report = "2027年某某省政府工作报告\n各位代表：\n" + body
    long = "全面推进甲乙丙丁产业园区扩区提质和戊己庚辛国家级试验基地建设，打造区域协同发展新高地。"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    in_speech = [e["text"] for e in _mine_text(tmp_path / "a", speech)]
    in_report = [e["text"] for e in _mine_text(tmp_path / "b", report)]
    assert long in in_speech
    assert long not in in_report  # a long statement of a government's own plans
    assert "加强安全生产管理。" in in_report  # the stock a writer reuses
    assert any(t.startswith("让我们更加紧密地团结") for t in in_report)  # a closing is no plain statement


def test_a_list_item_ends_with_a_full_stop_and_a_first_half_is_dropped(tmp_path: Path) -> None:
    text = ("在全县工作会议上的讲话\n同志们：\n一、重点任务\n"
            "不得设置与项目实际需要无直接关联的资格条件；不得限制潜在投标人参与竞争。\n"
            "越是深入学习，越感到自己理论功底不够扎实；越是联系实际，越感到自己能力不足。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert "不得设置与项目实际需要无直接关联的资格条件。" in texts
    assert not any(t.startswith("越是深入学习") for t in texts)


def test_prose_of_two_equal_clauses_is_no_saying(tmp_path: Path) -> None:
    text = "网上商城管理办法解读\n订单验收通过后，保证金即刻解冻。\n千里之行，始于足下。\n"
    entries = _mine_text(tmp_path, text)
    quotes = [e["text"] for e in entries if "quote" in (e.get("functions") or [e["function"]])]  # under any function
    assert "千里之行，始于足下。" in quotes
    assert not any("保证金" in q for q in quotes)


def test_things_listed_with_等_are_no_parallel(tmp_path: Path) -> None:
    text = ("在全县工作会议上的讲话\n同志们：\n"
            "钢铁、有色、化工等传统产业要加快转型。\n服务企业要尊商、重商、亲商、安商，全体党员要感党恩、听党话、跟党走。\n"
            "我们坚持“尊商、重商、亲商、安商”。\n")
    parallels = [e["text"] for e in _mine_text(tmp_path, text) if e["function"] == "parallel"]
    assert "尊商、重商、亲商、安商" in parallels
    assert "钢铁、有色、化工" not in parallels


def test_one_place_s_counted_out_layout_and_a_procedure_are_no_parallels(tmp_path: Path) -> None:
    text = ("在全县工作会议上的讲话\n同志们：\n"
            "全县发展布局，一主一副、两翼联动、多点支撑。\n重大项目，谋划一批、开工一批、建设一批。\n"
            "协商流程，搭建平台、确定议题、明确主体、开展调研、组织协商、报送成果。\n"
            "应急处置，一线指挥、多方联动、全员参与。\n党员干部，讲政治、守纪律、懂规矩、重品行、敢担当、善作为。\n"
            "全省使命，两高地、两基地、一屏障。\n")
    parallels = [e["text"] for e in _mine_text(tmp_path, text) if e["function"] == "parallel"]
    assert "谋划一批、开工一批、建设一批" in parallels
    assert not any("一主一副" in p or "两高地" in p for p in parallels)
    assert not any("搭建平台" in p for p in parallels)  # six steps: a procedure, not a parallel
    assert "一线指挥、多方联动、全员参与" in parallels  # one count in three: no place's layout
    assert "讲政治、守纪律、懂规矩、重品行、敢担当、善作为" in parallels  # six of three characters: a creed


def test_table_rows_and_sentences_that_go_on_from_the_last(tmp_path: Path) -> None:
    text = ("在全校教师大会上的讲话\n老师们：\n"
            "德育：国旗下讲话、班团活动、爱国主义等专题教育。\n"
            "并进一步系统构建并实施特色课程体系。\n"
            "总书记强调：“教育是国之大计、党之大计。”\n"
            "要坚持立德树人，全面提高人才自主培养质量。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert "要坚持立德树人，全面提高人才自主培养质量。" in texts
    assert not any(t.startswith(("德育：", "并进一步")) for t in texts)
    assert any("国之大计" in t for t in texts)  # a speaker's words after a colon are no label


def test_a_lead_in_to_points_of_understanding_is_a_transition() -> None:
    sentence = "当前，我们要从三个方面进一步深化对安全生产工作的认识，切实增强政治自觉。"
    assert _in_speech(sentence) == "transition"


def test_the_opening_of_a_government_report_names_no_level_of_advisers(tmp_path: Path) -> None:
    text = ("2027年某某市政府工作报告\n各位代表：\n"
            "现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert "现在，我代表{单位}向大会报告工作，请予审议，并请政协委员和其他列席人员提出意见。" in texts


def test_clauses_that_all_set_tasks_are_no_saying(tmp_path: Path) -> None:
    text = ("在全市文化工作会议上的讲话\n深入开展全民阅读，建设融合阅读平台，打造共同阅读网络，实施终身阅读计划\n"
            "研究一节课，促进一群人。\n")
    quotes = [e["text"] for e in _mine_text(tmp_path, text) if e["function"] == "quote"]
    assert not any("全民阅读" in q for q in quotes)
    assert any("研究一节课" in q for q in quotes)


def test_a_heading_template_needs_a_topic_running_through_most_siblings(tmp_path: Path) -> None:
    text = ("2027年某某省政府工作报告\n各位代表：\n一、今年主要任务\n"
            "（一）坚持创新驱动，打造具有重要影响力的科技创新高地\n要加强基础研究。\n"
            "（二）深化改革开放，打造具有重要影响力的改革开放新高地\n要深化国企改革。\n"
            "（三）加力保障和改善民生，扎实推进共同富裕\n要稳定和扩大就业。\n"
            "（四）统筹发展和安全，建设更高水平平安中国\n要加强安全生产。\n"
            "（五）加强政府自身建设，提高行政效能\n要转变政府职能。\n")
    headings = [e["text"] for e in _mine_text(tmp_path, text) if e["function"] == "heading"]
    assert not any("{主题}" in h for h in headings)  # two of five share a phrase: no topic of them all


def test_a_salutation_and_a_list_whose_last_item_is_longer_are_no_parallels(tmp_path: Path) -> None:
    text = ("在全校大会上的讲话\n老师们，同学们，同志们，朋友们：\n"
            "干部要做到该为的必须为、能为的努力为、不该为的决不为。\n老师们、同学们、同志们、朋友们！\n")
    entries = _mine_text(tmp_path, text)
    parallels = [e["text"] for e in entries if "parallel" in (e.get("functions") or [e["function"]])]
    assert not any("老师们" in p for p in parallels)  # the address repeated in the speech salutes too
    assert "该为的必须为、能为的努力为、不该为的决不" not in parallels
    assert any("salutation" in (e.get("functions") or [e["function"]]) for e in entries)


@pytest.mark.parametrize("sentence", ["推动高质量发展，根基在实体经济，支撑在现代化产业体系。",
                                      "破解发展难题，出路在改革创新。"])
def test_where_a_thing_rests_is_its_significance(sentence: str) -> None:
    assert _in_speech(sentence, "重点任务") == "significance"


@pytest.mark.parametrize(("sentence", "function"), [
    ("全面发展和个性发展相辅相成。", None),  # a relation stated: nothing to do, though it opens on 全面
    ("高质量发展是为了人民过上更好日子。", None),
    ("规范涉企行政执法专项行动成效显著。", "achievement"),  # a result told, under a heading of tasks
    ("要确保各项工作取得显著成效。", "task"),
])
def test_relations_and_results_told_under_a_heading_of_tasks(sentence: str, function: str | None) -> None:
    assert _in_speech(sentence, "重点任务") == function


@pytest.mark.parametrize(("sentence", "heading", "function"), [
    ("加快发展新质生产力，推动产业转型升级。", "三、2027年主要工作", "task"),  # the year's main work is its plan
    ("一些制约高质量发展的体制机制障碍仍然存在。", "一年来工作回顾", "problem"),
    ("政府作风持续改进。", "加强作风建设", "achievement"),  # a result told under a heading of requirements
    ("持续改进工作作风。", "加强作风建设", "requirement"),
])
def test_a_year_s_main_work_obstacles_that_remain_and_results_told(sentence: str, heading: str, function: str) -> None:
    assert _in_speech(sentence, heading) == function


@pytest.mark.parametrize(("sentence", "heading", "function"), [
    ("一些领域腐败问题仍有发生。", "过去一年工作回顾", "problem"),
    ("保障粮食安全的要害是种子和耕地。", "重点任务", "significance"),  # where a thing's crux lies
    ("保护产权就是保护劳动、保护发明创造。", "重点任务", "significance"),  # X就是Y says what a thing is: no task
    ("抓落实就是要把责任扛在肩上。", "重点任务", "requirement"),  # 就是要 is a call
    ("压缩非重点支出，减少对绩效不高项目的预算安排。", "重点任务", "task"),  # acting on what is weak
    ("在肯定成绩的同时，我们也清醒看到面临的困难和挑战。", "过去一年工作回顾", "transition"),  # turns to the problems
    ("局部疫情时有发生。", "过去一年工作回顾", "problem"),
    ("群众和企业对办事难、乱收费意见较多。", "过去一年工作回顾", "problem"),
    ("生态环境保护任重道远。", "过去一年工作回顾", "problem"),
    ("受疫情等因素冲击，不少企业和个体工商户遇到特殊困难。", "过去一年工作回顾", "problem"),
    ("在遇到困难时，要及时沟通交流。", "重点任务", "task"),  # a condition, no shortcoming
    ("就业是民生之基、财富之源。", "过去一年工作回顾", "significance"),  # what a thing is, in a review
    ("面对需求不足甚至出现收缩，推动消费尽快恢复。", "重点任务", "task"),  # what is faced leads in
    ("我国经济发展面临需求收缩、供给冲击、预期转弱三重压力。", "过去一年工作回顾", "problem"),
    ("加快形成有利于人才干事创业的体制机制。", "重点任务", "task"),  # a thing to make, not why it matters
    ("推广先进经验，有利于推动乡村全面振兴。", "重点任务", "significance"),
])
def test_shortcomings_of_some_fields_and_where_the_crux_lies(sentence: str, heading: str, function: str | None) -> None:
    assert _in_speech(sentence, heading) == function


@pytest.mark.parametrize(("sentence", "heading", "function"), [
    # found by a review of this round's rules: each misfired on an ordinary sentence
    ("确保生态环境质量持续改善。", "重点任务", "task"),  # aimed at, not told as done
    ("要在提高政治站位上下功夫。", "重点任务", "task"),  # a call is a task
    ("我们也要加强基层党组织建设。", "重点任务", "task"),
    ("我们需要进一步加强基层治理能力建设。", "重点任务", "task"),
    ("要把功夫下在平时，而不是临时搞突击。", "重点任务", "task"),  # 而不是 denies nothing of the task
    ("除了抓好项目建设以外，还要抓好招商引资。", "重点任务", "task"),  # 除了 is no past
    ("要素保障更加有力。", "过去一年工作回顾", "achievement"),  # 要素 is no call
    ("基础设施短板尚未补齐。", None, "problem"),  # not closed
])
def test_ordinary_sentences_the_section_and_form_rules_must_keep(sentence: str, heading: str | None, function: str) -> None:
    sections = (heading,) if heading else ()
    assert _in_speech(sentence, *sections) == function


def test_lead_ins_list_items_parallels_and_advisers_the_cleaning_rules_must_keep(tmp_path: Path) -> None:
    text = ("在全县工作会议上的讲话\n同志们：\n"
            "现在，我代表县人民政府向大会报告工作，请予审议，并请全县政协委员和其他列席人员提出意见。\n"
            "实践证明：抓党建是最大的政绩。\n"
            "有的干部担当意识不强，遇到困难绕着走；有的干部作风不实，满足于开会发文件；有的干部纪律松弛。\n"
            "同志们，深入基层、深入一线、深入群众中，才能把工作做实。\n并购重组是企业做大做强的重要途径。\n")
    entries = _mine_text(tmp_path, text)
    texts = [e["text"] for e in entries]
    assert "实践证明：抓党建是最大的政绩。" in texts  # a lead-in, no table row
    assert "有的干部担当意识不强，遇到困难绕着走。" in texts  # an item of 有的…；有的…, no first half
    assert "并购重组是企业做大做强的重要途径。" in texts  # 并购 goes on from nothing
    assert any("并请全县政协委员" in t for t in texts)  # only a level right after 请 is dropped
    assert "深入基层、深入一线、深入群众" in [e["text"] for e in entries if e["function"] == "parallel"]


def test_a_sentence_going_on_from_the_one_before_and_long_lines_are_no_sayings(tmp_path: Path) -> None:
    text = ("在全县工作会议上的讲话\n同志们：\n要切实抓好安全生产工作。特别是一些企业安全投入不足，要督促整改到位。\n"
            "国家安全全面加强，社会保持和谐稳定。\n蓝图已经绘就，实干创造未来。\n")
    entries = _mine_text(tmp_path, text)
    texts = [e["text"] for e in entries]
    assert not any(t.startswith("特别是") for t in texts)  # 特别是 goes on from the sentence before
    quotes = [e["text"] for e in entries if e["function"] == "quote"]
    assert "蓝图已经绘就，实干创造未来。" in quotes  # a saying's lines: four to seven characters
    assert not any("国家安全全面加强" in t for t in quotes)  # eight-character halves are prose


def test_a_last_paragraph_of_points_calls_on_no_one(tmp_path: Path) -> None:
    text = ("学习《意见》心得体会\n通过学习，我对加强党的政治建设有了更深的认识，现谈几点体会。\n"
            "一、对《意见》重要意义的认识\n加强党的政治建设是党的根本性建设。\n"
            "二、个人如何贯彻落实\n"
            "一是要端正思想，提高认识。经常认真学习领会上级会议精神，主动肩负政治责任。"
            "二是要对照检查，及时改进。始终保持奋发有为、昂扬向上的精神状态。把本职工作做得更好！\n")
    entries = _mine_text(tmp_path, text)
    closings = [e["text"] for e in entries if e["function"] == "closing"]
    assert not any("上级会议精神" in t or "奋发有为" in t for t in closings)  # points, though the paragraph ends with ！


def test_a_body_named_by_gai_leans_back(tmp_path: Path) -> None:
    news = ("县里办实事解难题\n本报讯 今年以来，全县上下聚焦群众急难愁盼，扎实推进民生实事。\n"
            "近年来，该县把民生工程实实在在地办成民心工程。\n"
            "一、办好民生实事\n要把民生工程办成民心工程。\n要切实解决群众急难愁盼问题。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, news)]
    assert not any("该县" in t for t in texts)  # news voice pointing back to a county named before
    assert "要切实解决群众急难愁盼问题。" in texts


def test_the_words_told_before_lean_back(tmp_path: Path) -> None:
    text = ("志愿服务活动总结\n一、活动情况\n老人握着我们的手说了一声谢谢。虽然不够清晰、流利，但这一句话足以让我们感到欣慰。\n"
            "二、存在问题\n一些同学参与服务的主动性还不够强。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert not any("这一句话" in t for t in texts)
    assert "一些同学参与服务的主动性还不够强。" in texts


def test_the_nation_s_record_is_no_county_s_achievement(tmp_path: Path) -> None:
    text = ("政府工作报告\n各位代表：\n一、过去一年工作回顾\n我国经济实力明显提升。\n基本民生保障水平持续提升。\n"
            "二、今年工作安排\n要推动全国统一大市场建设走深走实。\n")
    entries = _mine_text(tmp_path, text)
    achievements = [e["text"] for e in entries if e["function"] == "achievement"]
    assert "基本民生保障水平持续提升。" in achievements
    assert not any("我国" in t for t in achievements)  # the nation's record


@pytest.mark.parametrize(("sentence", "heading", "function"), [
    ("要主动关心帮扶生活中遇到困难的老党员和困难群众。", "重点任务", "task"),  # a relative clause, no shortcoming
    ("当前，部分企业订单减少、利润下滑，生产经营困难。", "存在问题", "problem"),  # a state, not an act of cutting
    ("面对新的下行压力，要坚定信心、主动作为。", "明年工作安排", "task"),  # what is faced leads in, the call decides
    ("在充分肯定成绩的同时，我们也要清醒地看到工作中的不足。", "过去一年工作回顾", "transition"),
    ("形成有利于创新创业的良好氛围。", "重点任务", "task"),
    ("突出抓好三个方面。", "重点任务", "transition"),  # the points follow
])
def test_ordinary_sentences_this_round_s_function_rules_must_file(sentence: str, heading: str, function: str) -> None:
    assert _in_speech(sentence, heading) == function


def test_opening_lines_by_their_words_and_thanks_at_the_close() -> None:
    from wengao.mining.classify import Context, classify, load_rules

    rules = load_rules()
    early = Context(genre="speech", opening=True, first=False)
    assert classify("秋风送爽，硕果飘香，我们又迎来了一个新的学年。", early, rules) == "opening"  # the season
    assert classify("通过这次培训学习，我深有感触。", early, rules) == "opening"
    last = Context(genre="speech", closing=True)
    assert classify("最后，再次感谢大家一年来的辛勤付出，向全体员工致以新春的祝福！", last, rules) != "opening"


def test_matched_eight_character_lines_are_a_saying_and_pronouns_in_terms_lean_on_nothing() -> None:
    from wengao.mining.candidates import _also
    from wengao.mining.formulations import _matched_lines

    assert _matched_lines(["为中国人民谋幸福", "为中华民族谋复兴"])
    assert not _matched_lines(["国家安全全面加强", "社会保持和谐稳定"])
    assert not _also("凝聚巾帼她力量，建功新时代。")
    assert not _also("要把为群众办实事这件事抓实抓好。")
    assert _also("那就是优良的管理和良好的服务。")  # answers what was asked before
    assert _also("是资源和时间，这是因为管理无效造成的。")  # no subject: it goes on from before


def test_a_condition_or_a_time_clause_is_no_saying_in_the_classifier_either() -> None:
    from wengao.mining.classify import Context, classify

    assert classify("如果不能做到，企业必定死亡。", Context(genre="speech")) != "quote"
    assert classify("进位突破正当时，奋楫笃行启新程。", Context(genre="speech")) == "quote"  # 正当时 is no time clause


def test_a_reflection_on_an_old_speech_is_of_today(tmp_path: Path) -> None:
    text = ("重温1944年9月8日《为人民服务》演讲的心得体会\n一、始终坚守为民初心\n"
            "作为一名党员干部，要始终把人民群众的冷暖放在心上。\n")
    entries = _mine_text(tmp_path, text)
    assert any(e["function"] == "heading" for e in entries)


def test_a_speech_printed_as_one_paragraph_closes_only_at_its_end(tmp_path: Path) -> None:
    body = ("今天，我们召开全县教育工作会议。过去一年，全县教育工作取得新成效。各单位要加强师资队伍建设。"
            "各学校要狠抓教学质量。我们有信心把教育办得更好！各地要落实安全责任。要加强家校沟通。"
            "要关心关爱留守儿童。要办好人民满意的教育。让我们携手并进，共创教育新辉煌！")
    entries = _mine_text(tmp_path, "在全县教育工作会议上的讲话\n同志们：\n" + body + "\n")
    closings = [e["text"] for e in entries if "closing" in (e.get("functions") or [e["function"]])]
    assert "让我们携手并进，共创教育新辉煌！" in closings
    assert "我们有信心把教育办得更好！" not in closings  # mid-speech: the paragraph is the whole speech
    assert "要办好人民满意的教育。" not in closings  # near the end, but it calls on no one itself
    ending = ("同志们，安全生产责任重于泰山。做好今年的安全生产工作，任务艰巨、使命光荣。各级各部门要压实责任。"
              "要加强隐患排查。要强化应急处置。让我们携手奋进，共创平安新局面！")
    entries = _mine_text(tmp_path, "在全县安全生产工作会议上的讲话\n同志们：\n今天召开全县安全生产工作会议。\n" + ending + "\n")
    closings = [e["text"] for e in entries if "closing" in (e.get("functions") or [e["function"]])]
    assert "同志们，安全生产责任重于泰山。" in closings  # a closing paragraph of six sentences closes whole


def test_a_sentence_whose_subject_was_cut_is_not_filed(tmp_path: Path) -> None:
    text = ("区政协工作汇报\n聆听了县委书记的专题党课，我深受教育、倍感振奋。\n一、主要做法\n（一）提高了政治站位\n"
            "建立党组成员联系委员制度，增强了担当，有利于发挥党组把方向、管大局、保落实的作用。"
            "增强了合力，有利于提升政协制度整体效能。踏上了新的征程，我们更要加强学习、提高本领。\n"
            "二、几点体会\n坚持党的领导是做好政协工作的根本保证。\n")
    entries = _mine_text(tmp_path, text)
    texts = [e["text"] for e in entries]
    assert not any(t.startswith("增强了合力") for t in texts)  # 增强了…: whose?
    assert "提高了政治站位" in texts  # a heading may open on a deed
    assert "坚持党的领导是做好政协工作的根本保证。" in texts
    assert "踏上了新的征程，我们更要加强学习、提高本领。" in texts  # its subject follows
    assert "聆听了县委书记的专题党课，我深受教育、倍感振奋。" in texts  # and an opening line keeps it


def test_a_person_named_once_with_a_post_is_that_person_wherever_the_name_recurs(tmp_path: Path) -> None:
    text = ("闫小乐同志先进事迹材料\n闫小乐同志是学院物理系教师，长期工作在教学一线。\n"
            "闫小乐意识到科学研究是大学教学的保证，潜心钻研、不懈探索。\n"
            "学校和家庭要形成合力，共同促进学生成长。学校和家庭要加强沟通。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert not any("闫小乐" in t for t in texts)  # named with 同志 once, then bare
    assert any(t.startswith("学校和家庭要") for t in texts)  # 和 begins no name, though 和 is a surname


def test_a_byline_label_a_column_label_and_a_withheld_name_are_not_filed(tmp_path: Path) -> None:
    text = ("关于粮食安全的文章\n专家：\n【执纪者说】\n陈某在办理报销时发票遗失，必须出具个人声明才可完成报销。\n"
            "要坚决守住粮食安全底线。\n")
    entries = _mine_text(tmp_path, text)
    texts = [e["text"] for e in entries]
    assert "专家：" not in texts  # names no one addressed
    assert "【执纪者说】" not in texts
    assert not any(t.startswith("陈某") for t in texts)  # one case's party, name withheld
    (tmp_path / "s").mkdir()
    speech = _mine_text(tmp_path / "s", "在全县教育工作会议上的讲话\n全校教工：\n要坚持立德树人。\n")
    assert "全校教工：" in [e["text"] for e in speech]


def test_a_formulation_carrying_a_province_s_name_is_that_province_s(tmp_path: Path) -> None:
    text = ("政府工作报告\n各位代表：\n打响“品质浙货、行销天下”品牌。\n牢记“空谈误国、实干兴邦”。\n")
    terms = [e["text"] for e in _mine_text(tmp_path, text) if e["function"] == "term"]
    assert "“空谈误国、实干兴邦”" in terms
    assert not any("浙货" in t for t in terms)  # 浙: Zhejiang's own slogan


def test_a_word_the_proofreader_calls_wrong_is_put_right_in_any_document(tmp_path: Path) -> None:
    """`wengao check` flags 报团取暖 wherever it stands: the bank offers 抱团取暖, and says what it
    was repaired from, though the document shows no rewriting tool's corruption."""
    text = "讲话\n同志们：\n要鼓励农民学会报团取暖，大力发展家庭农场和农民合作社。\n要加强安全生产工作，再接再励，推动各项措施落地见效。\n"
    entries = _mine_text(tmp_path, text)
    warm = next(e for e in entries if "取暖" in e["text"])
    assert "抱团取暖" in warm["text"] and "报团取暖" in warm["repaired_from"]
    assert any("再接再厉" in e["text"] for e in entries)
    assert not any("再接再励" in e["text"] for e in entries)


def test_what_points_back_leans_and_a_call_after_因此_stands(tmp_path: Path) -> None:
    text = ("讲话\n同志们：\n因此要大力发展循环经济，以绿色发展为引领，培育新结构、形成新格局。\n"
            "因此我们必须看到，我们所从事的产业就是必须要规模大。\n"
            "下面我就这三个问题作一简单介绍，并对大家提一点希望。\n"
            "我们要铭记在那一场灾难中牺牲的同志，铭记他们的坚忍。\n"
            "关于如何克服官僚主义，他认为要在真知、真干、真治上下功夫，建立长效机制。\n"
            "以它的历史使命，它需要所有员工坚持合作，走集体奋斗的道路。\n"
            "我们可以帮助它，但必须坚持原则、守住底线。\n"
            "要深入学习贯彻党的创新理论，其它各项工作也要统筹推进、协调发展。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, text)]
    assert any(t.startswith("要大力发展循环经济") for t in texts)  # the connective goes, the call stays
    assert not any("因此" in t or "这三个问题" in t or "那一场" in t or "他认为" in t for t in texts)
    assert not any("它" in t.replace("其它", "") for t in texts)  # 它 in the first clause: a thing named before
    assert any("其它各项工作" in t for t in texts)


def test_a_two_character_swap_is_repaired_where_the_table_vouches_for_the_join(tmp_path: Path) -> None:
    """根底工作 in a corrupted document: no other document joins 基础 and 工作, but the table's own
    collocation (根底 → 基础 before 工作) vouches for it."""
    corrupt = ("讲话\n同志们：\n要更加紧密地团结在党中心四周，深刻生疏做好工作的重大意义。\n"
               "要狠抓落实，根底工作要进一步夯实，推动各项任务落地见效。\n")
    texts = [e["text"] for e in _mine_text(tmp_path, corrupt)]
    assert any("基础工作要进一步夯实" in t for t in texts) and not any("根底" in t for t in texts)


def test_workers_answer_in_order_and_a_failure_is_raised_as_itself() -> None:
    import os

    from wengao.workers import in_order

    if not hasattr(os, "fork"):
        pytest.skip("no fork on this host: mining runs in one process")

    def fn(i: int) -> int:
        if i == 5:
            raise ValueError("item five")
        return i * i

    assert list(in_order(2, fn, list(range(5)))) == [0, 1, 4, 9, 16]
    with pytest.raises(ValueError, match="item five"):  # run again here, where it is raised as itself
        list(in_order(2, fn, list(range(8))))
    assert in_order(1, fn, [1, 2]) is None  # nothing to share: the caller runs the items itself


def test_a_worker_killed_outright_stops_the_run_instead_of_hanging() -> None:
    """Workers share no lock: one killed (the OOM killer) closes its pipe, and the run says so."""
    import os
    import signal

    from wengao.workers import WorkerLost, _unwind, in_order

    if not hasattr(os, "fork") or not hasattr(signal, "SIGALRM"):
        pytest.skip("no fork on this host: mining runs in one process")

    def fn(i: int) -> int:
        if i == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        return i

    def late(*_):
        raise TimeoutError("the run hung")

    before = signal.signal(signal.SIGALRM, late)
    signal.alarm(30)
    try:
        with pytest.raises(WorkerLost):
            list(in_order(2, fn, list(range(8))))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    with pytest.raises(SystemExit):  # a worker stopped with SIGTERM unwinds (cleanup runs, nothing printed)
        _unwind(signal.SIGTERM, None)
