"""The miner held to the seed corpus: headings, repairs, cleanliness, provenance, determinism."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from wengao.mining.lexicon import load_repairs
from wengao.mining.pipeline import mine
from wengao.phrases.bank import FUNCTIONS, load_bank

from conftest import CORPUS, REPORT


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("bank")
    mine([CORPUS], out)
    return out, load_bank(out)


def _headings(entries: list[dict], seed: str) -> dict[str, int]:
    return {e["text"]: e.get("level") for e in entries if e["function"] == "heading" and e["kind"] == "heading"
            and any(s.startswith(seed) for s in e["sources"])}


# Every numbered heading of seeds 000, 002 and 004, read off the seed files by hand, with its level.
SEED_HEADINGS = {
    "000": {
        "“千万工程”实施20年指引浙江乡村发生精彩蝶变，充分印证了“两个确立”的决定性意义": 1,
        "深学细悟习近平总书记重要指示精神的精髓要义，进一步增强“千万工程”再出发再深化再提升的光荣感使命感紧迫感": 1,
        "绘就“千村引领、万村振兴、全域共富、城乡和美”的新画卷，确保浙江样板全面过硬、全程领跑": 1,
        "加强组织领导、狠抓工作落实，为“千万工程”走深走实再加力再赋能": 1,
        "聚焦增底蕴、提颜值，涵养整体大美好气质。": 2,
        "突出党政主导，压紧压实责任。": 2,
    },
    "002": {
        "提高政治站位，进一步增强推动乡村振兴工作的责任感使命感": 1,
        "坚持精准施策，进一步把准推动乡村振兴工作的关键点着力点": 1,
        "压紧压实责任，进一步激发推动乡村振兴工作的积极性主动性": 1,
        "深刻认识极端重要性。": 2,
        "强化督导考核。": 2,
    },
    "004": {
        "对“什么是千万工程”有了更深入的认知": 1,
        "对“千万工程是干什么的”有了更具体的理解": 1,
        "对“千万工程是怎么干出来的”有了清晰的思路": 1,
        "总体感受": 1, "经验启示": 1, "工作思路": 1,
        "兜牢社会救助底线": 2, "着力提升养老服务水平": 2, "办好各项社会事务": 2, "毫不放松抓好安全": 2,
        "坚持制度引领，培育群众内生动力": 2,
        "敢干为先，做乡村治理积极践行者": 1, "会干为要，做乡村治理智慧引领者": 1,
        "实干为基，做乡村治理笃定奋进者": 1,
        "聚焦统筹规划，推动高质发展": 1, "聚焦生态治理，提升人居环境": 1, "聚焦文化创新，打造特色产业": 1,
        "聚焦人才建设，共绘振兴蓝图": 1, "聚焦群众参与，实现社会共治": 1,
        "政府敢作敢为，做好引领示范": 1, "群众自觉参与，激发内生动力": 1,
        "规划先行，奠定发展基础。": 1, "“三产”融合，提供有力支撑。": 1, "数字乡村，明确发展方向。": 1,
    },
}


@pytest.mark.parametrize("seed", sorted(SEED_HEADINGS))
def test_every_numbered_heading_is_found_with_its_level(bank, seed: str) -> None:
    found = _headings(bank[1], seed)
    for text, level in SEED_HEADINGS[seed].items():
        assert text in found, f"{seed}: heading not mined: {text}"
        assert found[text] == level, f"{seed}: {text} has level {found[text]}, expected {level}"


def test_heading_templates_from_sibling_headings(bank) -> None:
    templates = {e["text"] for e in bank[1] if e["kind"] == "template" and e["function"] == "heading"}
    assert "提高政治站位，进一步增强{主题}的责任感使命感" in templates
    assert "坚持精准施策，进一步把准{主题}的关键点着力点" in templates


def test_the_002_closing_is_present_and_repaired(bank) -> None:
    closings = {e["text"]: e for e in bank[1] if e["function"] == "closing"}
    first = closings["同志们，全面推动乡村振兴，责任重大、使命光荣。"]
    assert "使命荣耀" in first["repaired_from"]
    call = next(t for t in closings if t.startswith("让我们更加紧密团结"))
    assert "以习近平同志为核心的党中央周围" in call and call.endswith("作出新的更大贡献！")
    assert "党中心四周" in closings[call]["repaired_from"]


def test_no_boilerplate_or_page_marker_survives(bank) -> None:
    forbidden = ["小编", "下载", "版权", "客服", "Copyright", "ICP", "http", "www.", "扁9TX", "AIAl",
                 "7 / 7", "范文推荐", "会员分享", "在线阅读", "关键词", "链接地址", "网站首页", "温馨提示",
                 "新闻中心", "微信矩阵", "配套讲稿", ".docx", "（21895字）"]
    for e in bank[1]:
        for word in forbidden:
            assert word not in e["text"], f"{e['id']}: {word!r} survived in {e['text']}"
        assert "、、" not in e["text"] and "□" not in e["text"]
        assert not re.search(r"[\u4e00-\u9fff]\d{1,2}、[\u4e00-\u9fff、]", e["text"]), e["text"]


def test_split_sentences_are_rejoined(bank) -> None:
    texts = "".join(e["text"] for e in bank[1])
    # page markers "2、" and "6、" split these words in seed 001
    assert "中央农办、农业农村部、国家发展改革委" in texts or "中央农办、农业农村部" in texts
    assert "始终坚持高位推动，党政“一把手”亲自抓。" in texts


def test_no_corrupted_collocation_survives(bank) -> None:
    rules = [r for r in load_repairs() if not r.if_seen]
    for e in bank[1]:
        for rule in rules:
            assert not rule.pattern.search(e["text"]), f"{e['id']}: {rule.label} left in {e['text']}"
        assert "主席总书记" not in e["text"] and "主席新时代" not in e["text"]
        assert "〞" not in e["text"]


def test_every_entry_has_a_real_source(bank) -> None:
    lines = {p.name: p.read_text(encoding="utf-8").split("\n") for p in CORPUS.glob("*.txt")}
    assert bank[1]
    for e in bank[1]:
        assert e["sources"] and e["count"] == len(e["sources"])
        for src in e["sources"]:
            name, line = src.rsplit(":", 1)
            assert name in lines and 1 <= int(line) <= len(lines[name])
        assert e["function"] in FUNCTIONS
        assert e["kind"] in ("sentence", "template", "heading", "term", "idiom")
        assert set(e["genres"]) <= {"speech", "exchange", "study-report", "news"} and e["genres"]


def test_terms_quotes_and_parallels(bank) -> None:
    by_text = {e["text"]: e for e in bank[1]}
    assert by_text["“五个振兴”"]["expansion"] == "产业、人才、文化、生态、组织"
    assert "“两进两回”" in by_text and "“四个优先”" in by_text
    assert by_text["“千村示范、万村整治”"]["function"] == "term"
    assert by_text["民族要复兴，乡村必振兴"]["function"] == "quote"
    assert by_text["天蓝、地净、山绿、水清"]["function"] == "parallel"
    assert by_text["保持定力不动摇、坚定方向不偏航、跑好接力不懈怠"]["function"] == "parallel"


def test_redactions_become_named_slots_or_are_repaired(bank) -> None:
    texts = [e["text"] for e in bank[1]]
    assert any("{区名}区" in t for t in texts)
    repaired = [e for e in bank[1] if e.get("repaired_from") and "主席" in e["repaired_from"]]
    assert repaired and all("习近平" in e["text"] for e in repaired)


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


def test_hand_written_entries_are_kept_when_mined_again(tmp_path: Path) -> None:
    mine([CORPUS], tmp_path)
    path = tmp_path / "closing.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries.append({"id": "closing.u0001", "text": "同志们，让我们携手并进，共创美好明天！", "function": "closing",
                    "kind": "sentence", "hand": True, "sources": ["hand-written"]})
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    mine([CORPUS], tmp_path)
    again = load_bank(tmp_path)
    assert any(e["id"] == "closing.u0001" and e.get("hand") for e in again)
    assert sum(e["function"] == "closing" and not e.get("hand") for e in again) == \
        sum(e["function"] == "closing" for e in entries) - 1


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

    from conftest import DRAFTS

    out = tmp_path / "in" / "speech.docx"
    build_file(DRAFTS / "example-speech.yaml", out, BuildOptions())
    entries, summary = mine([out.parent], None)
    assert summary.files == 1
    levels = {e["text"]: e["level"] for e in entries if e["function"] == "heading" and e["kind"] == "heading"}
    assert levels.get("一、“千万工程”实施20年指引浙江乡村发生精彩蝶变，充分印证了“两个确立”的决定性意义") == 1 or \
        levels.get("“千万工程”实施20年指引浙江乡村发生精彩蝶变，充分印证了“两个确立”的决定性意义") == 1


def test_compilation_is_split_into_its_parts() -> None:
    from wengao.mining.clean import CleanStats, clean_doc
    from wengao.mining.lexicon import load_lexicon
    from wengao.mining.readers import read_file
    from wengao.mining.segment import segment

    lex = load_lexicon()
    raw = read_file(CORPUS / "004_2b4aec492088d3b9.txt", "004")
    lines, toc = clean_doc(raw, load_repairs(), lex, CleanStats())
    docs = segment("004", lines, lex)
    parts = [(d.title, d.author) for d in docs if d.author]
    assert len(parts) == 10
    assert parts[0] == ("建设和美乡村，当好开路先锋", "区交通运输局局长")
    assert ("学习借鉴“千万工程”经验奋力开创民政工作新局面", "区民政局局长") in parts
    assert parts[-1][1] == "村党支部书记"
    assert len(toc) >= 20  # the table of contents was recognised, not mined


def test_classifier_accuracy_on_the_labelled_sample() -> None:
    from wengao.mining.extractors.sentences import classify

    sample = yaml.safe_load((Path(__file__).parent / "data" / "labelled.yaml").read_text(encoding="utf-8"))
    assert len(sample) >= 60
    right = 0
    wrong = []
    for item in sample:
        got = classify(item["text"], opening=item["at"] == "opening", closing=item["at"] == "closing")
        if got == item["function"]:
            right += 1
        else:
            wrong.append(f"{item['function']}→{got}")
    accuracy = right / len(sample)
    REPORT["miner function accuracy (labelled sample)"] = f"{right}/{len(sample)} = {accuracy:.0%}"
    assert accuracy >= 0.75, wrong


def test_an_unreadable_bank_is_not_overwritten(tmp_path: Path) -> None:
    from wengao.errors import WengaoError

    broken = tmp_path / "closing.yaml"
    broken.write_text("- id: closing.u0001\n  text: 手写的结尾\n  hand: true\n- [unclosed\n", encoding="utf-8")
    before = broken.read_bytes()
    with pytest.raises(WengaoError) as info:
        mine([CORPUS], tmp_path)
    assert "closing.yaml" in str(info.value)
    assert broken.read_bytes() == before  # the hand-written entry is still there
    assert not (tmp_path / "heading.yaml").exists()
