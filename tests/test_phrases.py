"""Phrases in drafts (reference, pick, fill) and the `wengao phrases` commands."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from wengao.cli import app
from wengao.errors import WengaoError
from wengao.i18n import t

from conftest import ROOT, body, write_bank

runner = CliRunner()

BANK = {
    "closing": [
        {"id": "closing.0001", "text": "同志们，让我们奋力开创{事业}新局面！", "function": "closing",
         "kind": "template", "count": 3, "sources": ["a.txt:9", "b.txt:4", "c.txt:2"], "genres": ["speech"],
         "topics": ["乡村振兴"]},
        {"id": "closing.0002", "text": "同志们，让我们团结一心、真抓实干！", "function": "closing", "kind": "sentence",
         "count": 2, "sources": ["b.txt:30", "d.txt:5"], "genres": ["speech"], "topics": ["安全生产"]},
        {"id": "closing.0003", "text": "我将以此次学习为契机，在{岗位}上担当作为。", "function": "closing",
         "kind": "template", "count": 1, "sources": ["e.txt:7"], "genres": ["study-report"], "topics": []},
        {"id": "closing.0004", "text": "让我们携手并进，共创美好未来！", "function": "closing", "kind": "sentence",
         "count": 1, "sources": ["f.txt:1"], "genres": ["speech"], "topics": ["乡村振兴"]},
    ],
    "transition": [
        {"id": "transition.0001", "text": "下面，我再强调几点意见。", "function": "transition", "kind": "sentence",
         "count": 4, "sources": ["a.txt:3"], "genres": ["speech"], "topics": []},
    ],
}


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "cache"))
    return write_bank(tmp_path / "bank", BANK)


OUTLINE = """
title: 在全县工作会议上的讲话
topics: [乡村振兴]
vars: {{事业: 全面推进乡村振兴}}
opening:
  - pick: {{function: transition, query: 强调几点意见}}
sections:
  - heading: 提高政治站位
    paragraphs: [今年以来，全县上下团结奋进。]
closing:
{closing}
"""


def texts(skel: dict) -> list[str]:
    return [p["text"] for p in body(skel)]


def test_phrase_reference_with_slot_filled_from_outline_vars(build, bank: Path) -> None:
    skel = build(OUTLINE.format(closing="  - phrase: closing.0001"), bank=bank)
    assert texts(skel)[-1] == "同志们，让我们奋力开创全面推进乡村振兴新局面！"
    assert "下面，我再强调几点意见。" in texts(skel)


def test_reference_vars_override_outline_vars(build, bank: Path) -> None:
    skel = build(OUTLINE.format(closing="  - {phrase: closing.0001, vars: {事业: 安全生产}}"), bank=bank)
    assert texts(skel)[-1] == "同志们，让我们奋力开创安全生产新局面！"


def test_a_missing_slot_value_is_an_error_at_the_outline_line(build, bank: Path) -> None:
    with pytest.raises(WengaoError) as info:
        build(OUTLINE.format(closing="  - phrase: closing.0003"), bank=bank)
    d = info.value.diagnostics[0]
    assert (d.line, d.col) == (10, 5)
    assert "{岗位}" in d.message and "closing.0003" in d.message


def test_unknown_id_suggests_the_nearest(build, bank: Path) -> None:
    with pytest.raises(WengaoError) as info:
        build(OUTLINE.format(closing="  - phrase: closing.0005"), bank=bank)
    d = info.value.diagnostics[0]
    assert d.line == 10 and d.message == t("phrases.unknown_id", id="closing.0005")
    assert "closing.000" in d.hint


def test_pick_prefers_genre_and_topic_and_never_repeats(build, bank: Path) -> None:
    skel = build(OUTLINE.format(closing="  - pick: {function: closing}\n  - pick: {function: closing}"), bank=bank)
    last_two = texts(skel)[-2:]
    # both speech + 乡村振兴 entries whose slots the vars fill; the more frequent first
    assert last_two == ["同志们，让我们奋力开创全面推进乡村振兴新局面！", "让我们携手并进，共创美好未来！"]


def test_pick_only_chooses_entries_whose_slots_can_be_filled(build, bank: Path) -> None:
    outline = OUTLINE.replace("vars: {{事业: 全面推进乡村振兴}}", "").format(
        closing="  - pick: {function: closing, genre: speech}")
    skel = build(outline, bank=bank)
    assert "{" not in texts(skel)[-1] and texts(skel)[-1] == "让我们携手并进，共创美好未来！"


def test_pick_is_deterministic_and_a_seed_changes_it(build, bank: Path) -> None:
    src = OUTLINE.format(closing="  - pick: {function: closing, query: 让我们}")
    first = texts(build(src, name="a.yaml", bank=bank))[-1]
    again = texts(build(src, name="b.yaml", bank=bank))[-1]
    assert first == again
    seeded = {texts(build(src, name=f"s{s}.yaml", bank=bank, seed=str(s)))[-1] for s in range(12)}
    assert len(seeded) > 1  # seeds reach other candidates


def test_pick_that_nothing_matches_is_an_error_at_its_line(build, bank: Path) -> None:
    with pytest.raises(WengaoError) as info:
        build(OUTLINE.format(closing="  - pick: {function: closing, query: 不存在的词语}"), bank=bank)
    assert info.value.diagnostics[0].line == 10
    assert info.value.diagnostics[0].message == t("phrases.pick_nothing", what="function: closing，query: 不存在的词语")


def test_annotate_adds_comments_naming_id_and_source(build, bank: Path) -> None:
    plain = build(OUTLINE.format(closing="  - phrase: closing.0001"), bank=bank)
    assert plain["comments"] == []
    noted = build(OUTLINE.format(closing="  - phrase: closing.0001"), name="n.yaml", bank=bank, annotate=True)
    comments = [c["text"] for c in noted["comments"]]
    assert "closing.0001 · a.txt:9" in comments
    assert any(c.startswith("transition.0001") for c in comments)


def test_a_hand_written_phrase_is_annotated_in_words(build, bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    added = _cli("phrases", "add", "让我们再接再厉！", "--function", "closing", "--bank", str(bank))
    assert added.exit_code == 0, added.output
    noted = build(OUTLINE.format(closing="  - phrase: closing.u0001"), bank=bank, annotate=True)
    assert "closing.u0001 · 自己添加" in [c["text"] for c in noted["comments"]]
    monkeypatch.setenv("WENGAO_LANG", "en")
    noted = build(OUTLINE.format(closing="  - phrase: closing.u0001"), name="en.yaml", bank=bank, annotate=True)
    assert "closing.u0001 · hand-written" in [c["text"] for c in noted["comments"]]


def test_listings_name_functions_and_fields_in_the_users_language(bank: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert _cli("phrases", "add", "让我们再接再厉！", "--function", "closing", "--genre", "讲话稿",
                "--bank", str(bank)).exit_code == 0
    found = _cli("phrases", "search", "让我们", "--function", "closing", "--bank", str(bank)).output.splitlines()
    assert found and all(line.split()[1] == "结尾号召" for line in found)
    listed = _cli("phrases", "list", "--bank", str(bank)).output
    assert "过渡" in listed and " closing " not in listed and " transition " not in listed
    assert "[自己添加]" in listed
    shown = _cli("phrases", "show", "closing.u0001", "--bank", str(bank)).output
    lines = {line.split()[0]: line.split(maxsplit=1)[1] for line in shown.splitlines()}
    assert lines["编号"] == "closing.u0001" and lines["用途"] == "结尾号召" and lines["出处"] == "自己添加"
    assert lines["文种"] == "讲话稿" and lines["自己添加"] == "是"
    assert not any(word in shown for word in ("id:", "sources:", "hand", "True", "closing\n"))
    monkeypatch.setenv("WENGAO_LANG", "en")
    found = _cli("phrases", "search", "让我们", "--function", "closing", "--bank", str(bank)).output.splitlines()
    assert found and all(line.split()[1] == "closing" for line in found)
    shown = _cli("phrases", "show", "closing.u0001", "--bank", str(bank)).output
    assert "function      closing" in shown and "genres        speech" in shown


def test_an_outline_error_names_the_genre_in_chinese(tmp_path: Path) -> None:
    from conftest import write

    src = write(tmp_path / "o.yaml", "title: 讲话\n标题: 讲话\nsections: [{heading: 一, paragraphs: [二。]}]\n")
    result = _cli("build", str(src))
    assert result.exit_code == 3 and "讲话稿提纲中没有键 '标题'" in result.output and "speech" not in result.output


def _cli(*args: str) -> object:
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("query", ["同志", "让我们", "同志们，让我们奋"])
def test_search_matches_substrings_of_2_3_and_8_characters(bank: Path, query: str) -> None:
    result = _cli("phrases", "search", query, "--bank", str(bank), "--json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert hits and all(query in h["text"] for h in hits)
    expected = {e["id"] for es in BANK.values() for e in es if query in e["text"]}
    assert {h["id"] for h in hits} == expected


def test_search_on_the_shipped_bank(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path))
    result = _cli("phrases", "search", "乡村振兴", "--function", "closing", "--bank", str(ROOT / "phrasebank"))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines and all(ln.startswith("closing.") and "乡村振兴" in ln for ln in lines)


def test_search_filters_and_limit(bank: Path) -> None:
    hits = json.loads(_cli("phrases", "search", "让我们", "--bank", str(bank), "--json", "--limit", "1").output)
    assert len(hits) == 1 and hits[0]["id"] == "closing.0001"  # the most used complete sentence first
    hits = json.loads(_cli("phrases", "search", "同志们", "--bank", str(bank), "--json").output)
    assert [h["id"] for h in hits] == ["closing.0001", "closing.0002"]
    hits = json.loads(_cli("phrases", "search", "同志们", "--genre", "study-report", "--bank", str(bank),
                           "--json").output)
    assert hits == []


def test_search_and_add_take_a_genre_by_its_chinese_name(bank: Path) -> None:
    for name in ("speech", "讲话稿", "讲话"):
        hits = json.loads(_cli("phrases", "search", "同志们", "--genre", name, "--bank", str(bank), "--json").output)
        assert [h["id"] for h in hits] == ["closing.0001", "closing.0002"], name
    wrong = _cli("phrases", "search", "同志们", "--genre", "讲话搞", "--bank", str(bank))
    assert wrong.exit_code == 2 and "--genre" in wrong.output and "speech（讲话稿）" in wrong.output
    assert "没有素材" not in wrong.output
    added = _cli("phrases", "add", "我将把学习成果转化为推动工作的实际成效。", "--function", "resolution",
                 "--genre", "心得体会", "--bank", str(bank))
    assert added.exit_code == 0, added.output
    entry = yaml.safe_load((bank / "resolution.yaml").read_text(encoding="utf-8"))[0]
    assert entry["genres"] == ["study-report"]


def test_index_is_rebuilt_after_a_bank_edit(bank: Path) -> None:
    assert json.loads(_cli("phrases", "search", "砥砺前行", "--bank", str(bank), "--json").output or "[]") == []
    path = bank / "closing.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries.append({"id": "closing.0009", "text": "让我们砥砺前行！", "function": "closing", "sources": ["x.txt:1"]})
    time.sleep(0.01)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    os.utime(path)
    hits = json.loads(_cli("phrases", "search", "砥砺前行", "--bank", str(bank), "--json").output)
    assert [h["id"] for h in hits] == ["closing.0009"]


def test_show_list_and_add(bank: Path) -> None:
    shown = _cli("phrases", "show", "closing.0002", "--bank", str(bank))
    assert shown.exit_code == 0 and "同志们，让我们团结一心、真抓实干！" in shown.output and "b.txt:30" in shown.output
    missing = _cli("phrases", "show", "closing.0020", "--bank", str(bank))
    assert missing.exit_code != 0 and "closing.00" in missing.output
    listed = json.loads(_cli("phrases", "list", "--function", "transition", "--bank", str(bank), "--json").output)
    assert [e["id"] for e in listed] == ["transition.0001"]
    added = _cli("phrases", "add", "让我们以时不我待的紧迫感奋勇前进！", "--function", "closing", "--topic", "乡村振兴",
                 "--bank", str(bank))
    assert added.exit_code == 0 and "closing.u0001" in added.output
    entry = json.loads(_cli("phrases", "show", "closing.u0001", "--bank", str(bank), "--json").output)[0]
    assert entry["hand"] is True and entry["topics"] == ["乡村振兴"]
    # the file keeps its other entries
    assert len(yaml.safe_load((bank / "closing.yaml").read_text(encoding="utf-8"))) == 5


def test_add_never_writes_into_the_built_in_bank(bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --bank and without ./phrasebank, add refuses (the installed package's bank would
    lose the entry at the next upgrade); it says which file it wrote when it does write."""
    import wengao.workspace

    package = tmp_path / "site-packages" / "wengao"
    shipped = package / "_data" / "phrasebank"
    shipped.mkdir(parents=True)
    (shipped / "closing.yaml").write_text(yaml.safe_dump(BANK["closing"], allow_unicode=True), encoding="utf-8")
    before = (shipped / "closing.yaml").read_bytes()
    monkeypatch.setattr(wengao.workspace, "_PKG", package)
    here = tmp_path / "work"
    here.mkdir()
    monkeypatch.chdir(here)
    phrase = ["phrases", "add", "让我们再接再厉！", "--function", "结尾"]
    refused = _cli(*phrase)
    assert refused.exit_code == 2 and "--bank" in refused.output and "wengao init" in refused.output
    into_package = _cli(*phrase, "--bank", str(shipped))
    assert into_package.exit_code == 2 and "内置" in into_package.output
    assert (shipped / "closing.yaml").read_bytes() == before and list(here.iterdir()) == []
    (here / "phrasebank").mkdir()
    added = _cli(*phrase)
    assert added.exit_code == 0, added.output
    assert "closing.u0001" in added.output and str(Path("phrasebank") / "closing.yaml") in added.output
    assert yaml.safe_load((here / "phrasebank" / "closing.yaml").read_text(encoding="utf-8"))[0]["hand"] is True
    given = _cli(*phrase, "--bank", str(bank))
    assert given.exit_code == 0 and str(bank / "closing.yaml") in given.output


def test_outline_phrases_from_the_shipped_bank(build, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "c"))
    headings = yaml.safe_load((ROOT / "phrasebank" / "heading.yaml").read_text(encoding="utf-8"))
    template = next(e["id"] for e in headings if e["text"] == "提高政治站位，进一步增强{主题}的责任感使命感")
    skel = build(f"""
        title: 在全县乡村振兴工作会议上的讲话
        topics: [乡村振兴]
        vars: {{名称: 本县}}
        sections:
          - heading: {{phrase: {template}, vars: {{主题: 推动乡村振兴工作}}}}
            paragraphs: [{{pick: {{function: task, query: 乡村振兴}}}}]
        closing:
          - pick: {{function: closing, query: 乡村振兴}}
        """)
    headings = [p["text"] for p in skel["paragraphs"] if p["outline_level"] == 0]
    assert headings == ["一、提高政治站位，进一步增强推动乡村振兴工作的责任感使命感"]
    assert texts(skel)[-1] == "同志们，全面推进乡村振兴，责任重大、使命光荣。" and "{" not in "".join(texts(skel))


TOPIC_OUTLINE = """
title: 在全县工作会议上的讲话
topics: [{topic}]
sections:
  - heading: 提高政治站位
    paragraphs: [今年以来，全县上下团结奋进。]
closing:
  - pick: {{function: {function}, query: 让我们}}
"""


def test_a_pick_keeps_to_the_outline_s_topics(build, bank: Path) -> None:
    skel = build(TOPIC_OUTLINE.format(topic="安全生产", function="closing"), bank=bank)
    assert texts(skel)[-1] == "同志们，让我们团结一心、真抓实干！"  # on topic, though 乡村振兴 ones are more used


def test_a_narrower_topic_reaches_the_topic_it_belongs_to(build, bank: Path) -> None:
    skel = build(TOPIC_OUTLINE.format(topic="防汛", function="closing"), bank=bank)
    assert texts(skel)[-1] == "同志们，让我们团结一心、真抓实干！"  # 防汛 is a word of 安全生产


def test_a_pick_with_nothing_on_topic_stops_naming_the_nearest(build, bank: Path) -> None:
    with pytest.raises(WengaoError) as info:
        build(TOPIC_OUTLINE.format(topic="教育", function="结尾"), bank=bank)
    d = info.value.diagnostics[0]
    assert d.line == 7 and "教育" in d.message
    assert "closing.000" in d.hint and "--loose" in d.hint


def test_loose_widens_a_pick_and_warns(tmp_path: Path, bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wengao.build import BuildOptions, build_file

    monkeypatch.chdir(tmp_path)
    src = tmp_path / "o.yaml"
    src.write_text(TOPIC_OUTLINE.format(topic="教育", function="closing").lstrip("\n"), encoding="utf-8")
    built = build_file(src, tmp_path / "o.docx", BuildOptions(bank=bank, loose=True))
    warned = [w for w in built.warnings if w.line == 7]
    assert warned and "closing.000" in warned[0].message


def test_a_pick_s_unknown_function_is_located_and_lists_the_valid_ones(build, bank: Path) -> None:
    with pytest.raises(WengaoError) as info:
        build(TOPIC_OUTLINE.format(topic="安全生产", function="farewell"), bank=bank)
    d = info.value.diagnostics[0]
    assert d.line == 7 and "farewell" in d.message and "closing（结尾号召）" in d.hint


GENRE_BANK = [  # the walkthrough's case: speech closings on 乡村振兴, a study report's closing on no topic
    {"id": "closing.0001", "text": "同志们，全面推进乡村振兴，责任重大、使命光荣。", "function": "closing",
     "kind": "sentence", "count": 2, "sources": ["a.txt:3"], "genres": ["speech"], "topics": ["乡村振兴"]},
    {"id": "closing.0002", "text": "总之，此次培训是我提升自己能力的一次重要学习经历。", "function": "closing",
     "kind": "sentence", "count": 1, "sources": ["b.txt:9"], "genres": ["study-report"], "topics": []},
]
GENRE_OUTLINE = """
title: 在全县防汛工作会议上的讲话
sections:
  - heading: 压实防汛责任
    paragraphs: [汛期已至。]
closing:
  - pick: {{function: closing, topic: 防汛{extra}}}
"""


@pytest.fixture
def genre_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "cache"))
    d = tmp_path / "gbank"
    d.mkdir()
    (d / "closing.yaml").write_text(yaml.safe_dump(GENRE_BANK, allow_unicode=True), encoding="utf-8")
    return d


def test_a_pick_keeps_to_the_outline_s_genre(build, genre_bank: Path) -> None:
    # the study report's closing is on no topic, but it is not a speech's: the pick stops, located
    with pytest.raises(WengaoError) as info:
        build(GENRE_OUTLINE.format(extra=""), bank=genre_bank)
    d = info.value.diagnostics[0]
    assert (d.line, d.col) == (6, 5)
    assert "防汛" in d.message and "讲话稿" in d.message
    assert "closing.0001" in d.hint and "--loose" in d.hint


def test_loose_keeps_the_genre_before_the_topic_and_warns(tmp_path: Path, genre_bank: Path) -> None:
    from wengao.build import BuildOptions, build_file
    from wengao.docx.inspect import skeleton

    src = tmp_path / "o.yaml"
    src.write_text(GENRE_OUTLINE.format(extra="").lstrip("\n"), encoding="utf-8")
    built = build_file(src, tmp_path / "o.docx", BuildOptions(bank=genre_bank, loose=True))
    assert texts(skeleton(built.path))[-1] == "同志们，全面推进乡村振兴，责任重大、使命光荣。"
    (warned,) = [w for w in built.warnings if w.line == 6]
    assert warned.message == t("phrases.pick_off_topic", id="closing.0001", found="乡村振兴", topics="防汛")


def test_a_pick_s_own_genre_and_hand_written_phrases_of_no_genre_fit(build, genre_bank: Path) -> None:
    skel = build(GENRE_OUTLINE.format(extra=", genre: study-report"), bank=genre_bank)
    assert texts(skel)[-1] == "总之，此次培训是我提升自己能力的一次重要学习经历。"
    added = _cli("phrases", "add", "同志们，让我们以时不我待的紧迫感奋勇前进！", "--function", "closing",
                 "--bank", str(genre_bank))
    assert added.exit_code == 0, added.output
    skel = build(GENRE_OUTLINE.format(extra=""), name="again.yaml", bank=genre_bank)
    assert texts(skel)[-1] == "同志们，让我们以时不我待的紧迫感奋勇前进！"
