"""Bank writes: locked read-modify-write, all-or-nothing, a damaged index rebuilt, limits and queries."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from wengao.cli import app
from wengao.phrases.bank import add_entry, load_bank, save_mined

from conftest import CORPUS, ROOT, write_bank

runner = CliRunner()


def _entries(function: str, n: int, stem: str = "要坚持做好第{}项工作。") -> list[dict]:
    return [{"id": f"{function}.{k:04d}", "text": stem.format(k), "function": function, "kind": "sentence",
             "count": 1, "sources": [f"a.txt:{k}"], "genres": ["speech"]} for k in range(1, n + 1)]


def _run(code: str, cwd: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_concurrent_adds_lose_nothing_and_share_no_id(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    save_mined(bank, _entries("closing", 3, "同志们，让我们第{}次奋力前进！"))
    code = """
        import sys
        from pathlib import Path
        from wengao.phrases.bank import add_entry
        for k in range(6):
            add_entry(Path("bank"), f"让我们携手奋进，共创{sys.argv[1] if len(sys.argv) > 1 else ''}第{{k}}个新篇章！".replace("{{k}}", str(k)) + "{w}", "closing", [], [])
    """
    procs = [_run(code.replace("{w}", f"（{w}）"), tmp_path) for w in range(6)]
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
    entries = load_bank(bank)
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)) == 3 + 36
    assert sum(1 for e in entries if e.get("hand")) == 36


def test_an_add_during_a_mine_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mine reads the bank again under its lock just before writing: an entry added while it
    was reading documents survives."""
    from wengao.mining import pipeline

    bank = tmp_path / "bank"
    pipeline.mine([CORPUS], bank)
    finish = pipeline._finish

    def finish_then_someone_adds(*args, **kwargs):
        out = finish(*args, **kwargs)
        add_entry(bank, "同志们，让我们撸起袖子加油干！", "closing", [], [])
        return out

    monkeypatch.setattr(pipeline, "_finish", finish_then_someone_adds)
    pipeline.mine([CORPUS], bank)
    assert any(e["text"] == "同志们，让我们撸起袖子加油干！" and e.get("hand") for e in load_bank(bank))


def test_an_add_waits_for_a_mine_holding_the_lock(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    save_mined(bank, _entries("task", 2))
    holder = _run("""
        import time
        from pathlib import Path
        from wengao.phrases.store import bank_lock
        with bank_lock(Path("bank")):
            print("locked", flush=True)
            time.sleep(1.5)
    """, tmp_path)
    assert holder.stdout.readline().strip() == "locked"
    adder = _run("""
        from pathlib import Path
        from wengao.phrases.bank import add_entry
        print(add_entry(Path("bank"), "要抓好安全生产。", "task", [], [])["id"])
    """, tmp_path)
    out, err = adder.communicate(timeout=30)
    holder.communicate(timeout=30)
    assert adder.returncode == 0, err and out.strip() == "task.u0001"
    assert len(load_bank(bank)) == 3


KILLER = """
    import os, signal, sys
    from pathlib import Path
    from wengao.phrases import store
    from wengao.phrases.bank import save_mined
    point, sig = sys.argv[1], getattr(signal, sys.argv[2])
    real_replace, real_temp = os.replace, store._write_temp
    count = {"rename": 0, "temp": 0}
    def replace(src, dst):
        if point == "rename" and not str(dst).endswith(".json"):
            count["rename"] += 1
            if count["rename"] == 2:
                os.kill(os.getpid(), sig)
        return real_replace(src, dst)
    def write_temp(bank, name, data):
        count["temp"] += 1
        if point == "temp" and count["temp"] == 2:
            os.kill(os.getpid(), sig)
        return real_temp(bank, name, data)
    store.os.replace = replace
    store._write_temp = write_temp
    new = [{"id": f"{f}.{k:04d}", "text": f"新的第{k}句{f}。", "function": f, "sources": ["b.txt:1"]}
           for f in ("opening", "task", "closing") for k in (1, 2)]
    save_mined(Path("bank"), new)
    print("finished")
"""


@pytest.mark.parametrize("point,sig", [("temp", "SIGKILL"), ("rename", "SIGKILL"), ("temp", "SIGINT"),
                                       ("rename", "SIGINT")])
def test_a_write_cut_short_leaves_the_old_bank_or_the_new_one_whole(tmp_path: Path, point: str, sig: str) -> None:
    bank = tmp_path / "bank"
    old = [*_entries("opening", 2), *_entries("task", 2), *_entries("closing", 2)]
    save_mined(bank, old)
    (bank / "mine.yaml").write_text(yaml.safe_dump([{"id": "task.u0001", "text": "手写的一句。", "hand": True}],
                                                   allow_unicode=True), encoding="utf-8")
    p = subprocess.run([sys.executable, "-c", textwrap.dedent(KILLER), point, sig], cwd=tmp_path,
                       env=dict(os.environ, PYTHONPATH=str(ROOT / "src")), capture_output=True, text=True, timeout=60)
    texts = {e["text"] for e in load_bank(bank)}  # reading finishes a committed write first
    olds = {e["text"] for e in old}
    news = {f"新的第{k}句{f}。" for f in ("opening", "task", "closing") for k in (1, 2)}
    assert "手写的一句。" in texts
    assert texts - {"手写的一句。"} in (olds, news), (point, sig, p.returncode, p.stderr[-300:])
    if point == "rename":  # past the commit point: the new bank, whatever the signal
        assert texts - {"手写的一句。"} == news
    if sig == "SIGKILL":
        assert p.returncode == -signal.SIGKILL
    assert not list(bank.glob(".*.tmp")) or point == "temp"
    save_mined(bank, old)  # the next writer clears what a dead one left
    assert not list(bank.glob(".*.tmp")) and not (bank / ".wengao-journal.json").exists()


# -- search ----------------------------------------------------------------------------------------

BANK = {
    "transition": [
        {"id": "transition.0001", "text": "下面，我再强调三点意见。", "function": "transition", "kind": "sentence",
         "count": 2, "sources": ["a.txt:3"], "topics": []},
        {"id": "transition.0002", "text": "下面，我就做好安全生产工作讲两点意见。", "function": "transition",
         "kind": "sentence", "count": 1, "sources": ["b.txt:3"], "topics": ["安全生产"]},
    ],
    "task": [
        {"id": "task.0001", "text": "要压紧压实安全生产责任。", "function": "task", "kind": "sentence", "count": 1,
         "sources": ["a.txt:9"], "topics": ["安全生产"]},
        {"id": "task.0002", "text": "安全生产", "function": "task", "kind": "sentence", "count": 9,
         "sources": ["c.txt:1"], "topics": ["安全生产"]},
        {"id": "task.0003", "text": "要抓好安全工作，切实提高生产效率。", "function": "task", "kind": "sentence",
         "count": 1, "sources": ["d.txt:2"], "topics": []},
    ],
    "closing": [
        {"id": "closing.0001", "text": "同志们，让我们团结一心、真抓实干！", "function": "closing",
         "functions": ["closing", "requirement"], "kind": "sentence", "count": 2, "sources": ["b.txt:30"],
         "topics": []},
        {"id": "closing.0002", "text": "让我们全面推进乡村振兴，奋力谱写新篇章！", "function": "closing",
         "kind": "sentence", "count": 3, "sources": ["e.txt:30"], "topics": ["乡村振兴"]},
    ],
}


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "cache"))
    return write_bank(tmp_path / "bank", BANK)


def _search(bank: Path, *args: str):
    return runner.invoke(app, ["phrases", "search", *args, "--bank", str(bank), "--json"])


def _ids(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [h["id"] for h in json.loads(result.stdout)]


def test_counts_in_formulations_match_each_other(bank: Path) -> None:
    assert _ids(_search(bank, "强调几点意见")) == ["transition.0001"]
    assert set(_ids(_search(bank, "讲几点意见"))) == {"transition.0002"}
    assert set(_ids(_search(bank, "点意见"))) == {"transition.0001", "transition.0002"}


def test_several_words_must_all_occur(bank: Path) -> None:
    assert set(_ids(_search(bank, "安全 生产"))) == {"transition.0002", "task.0001", "task.0002", "task.0003"}
    assert _ids(_search(bank, "安全 责任")) == ["task.0001"]


def test_several_words_may_be_given_unquoted(bank: Path) -> None:
    """README: `wengao phrases search 安全 生产` is the same search as "安全 生产"."""
    assert _ids(_search(bank, "安全", "生产")) == _ids(_search(bank, "安全 生产"))
    assert _ids(_search(bank, "安全", "责任")) == ["task.0001"]


def test_search_usage_says_the_query_takes_several_words() -> None:
    result = runner.invoke(app, ["phrases", "search", "--help"])
    assert result.exit_code == 0 and "{查询词...}" in result.output


def test_ranking_by_fit_not_length(bank: Path) -> None:
    ids = _ids(_search(bank, "安全生产"))
    assert ids.index("task.0001") < ids.index("task.0002")  # a whole sentence before a bare fragment


def test_a_query_with_no_hit_falls_back_to_its_parts_and_says_so(bank: Path) -> None:
    result = runner.invoke(app, ["phrases", "search", "安全生产责任落实", "--bank", str(bank)])
    assert result.exit_code == 0
    assert "task.0001" in result.stdout.splitlines()[0]
    assert "安全、生产、责任" in result.stderr or "安全" in result.stderr


def test_function_names_in_chinese_and_english(bank: Path) -> None:
    for name in ("closing", "closings", "Closing", "结尾", "结尾号召"):
        assert set(_ids(_search(bank, "让我们", "--function", name))) == {"closing.0001", "closing.0002"}, name
    assert _ids(_search(bank, "真抓实干", "--function", "要求保障")) == ["closing.0001"]  # a side function
    listed = runner.invoke(app, ["phrases", "list", "--function", "过渡", "--bank", str(bank), "--json"])
    assert [h["id"] for h in json.loads(listed.stdout)] == ["transition.0001", "transition.0002"]


def test_an_unknown_function_is_an_error_listing_the_valid_ones(bank: Path) -> None:
    for args in (["phrases", "search", "让我们", "--function", "farewell"], ["phrases", "list", "--function", "x"]):
        result = runner.invoke(app, [*args, "--bank", str(bank)])
        assert result.exit_code == 2
        assert "closing" in result.output and "结尾号召" in result.output


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_a_limit_below_one_is_an_error(bank: Path, limit: str) -> None:
    result = runner.invoke(app, ["phrases", "search", "让我们", "-n", limit, "--bank", str(bank)])
    assert result.exit_code == 2 and "--limit" in result.output


def test_a_query_of_only_spaces_is_an_error(bank: Path) -> None:
    result = runner.invoke(app, ["phrases", "search", "  \u3000 ", "--bank", str(bank)])
    assert result.exit_code == 2


def test_a_damaged_index_is_rebuilt_and_said_once(bank: Path, tmp_path: Path) -> None:
    assert _ids(_search(bank, "让我们"))
    db = next((tmp_path / "cache" / "wengao").glob("bank-*.sqlite"))
    data = bytearray(db.read_bytes())
    page = 4096
    for at in range(page, len(data), page):  # every page after the first overwritten
        data[at:at + page] = b"\xde\xad\xbe\xef" * (page // 4)
    db.write_bytes(bytes(data))
    first = runner.invoke(app, ["phrases", "search", "让我们", "--bank", str(bank)])
    assert first.exit_code == 0 and "closing.0002" in first.stdout
    assert "重建" in first.stderr
    second = runner.invoke(app, ["phrases", "search", "让我们", "--bank", str(bank)])
    assert second.exit_code == 0 and "重建" not in second.stderr


def test_messages_are_chinese_by_default(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENGAO_LANG", "zh")
    result = runner.invoke(app, ["phrases", "search", "让我们", "--function", "farewell", "--bank", str(bank)])
    assert "未知的素材功能" in result.output


def test_the_fast_reader_reads_what_yaml_reads(tmp_path: Path) -> None:
    """Bank files wengao writes are read without PyYAML's slow constructor; any other YAML falls
    back to PyYAML, so the values are always what YAML says."""
    from wengao.phrases.bank import dump_entries, load_file
    from wengao.phrases.bankyaml import NotSimple, parse

    entries = [
        {"id": "task.0001", "text": "{主题}的方位坐标，保持定力。", "function": "task", "count": 3,
         "sources": ["002_7c35a51d846f1a1f.txt:32", "a b.txt:1"], "topics": [], "hand": True},
        {"id": "quote.0001", "text": "it's “O'Neil”: a # sign, yes", "function": "quote", "level": 2},
        {"id": "term.0001", "text": "no", "function": "term", "expansion": "1.5", "genres": ["speech"]},
    ]
    text = dump_entries(entries)
    assert parse(text) == yaml.safe_load(text)
    hand = "- id: x.1\n  text: 要抓好。\n  sources: [a.txt:3]\n  count: 0x1F\n# a comment\n"
    with pytest.raises(NotSimple):
        parse(hand)
    path = tmp_path / "x.yaml"
    path.write_text(hand, encoding="utf-8")
    assert load_file(path) == yaml.safe_load(hand)


@pytest.mark.parametrize("dumper", ["CSafeDumper", "SafeDumper"])
def test_the_fast_writer_writes_what_yaml_writes(dumper: str) -> None:
    """Bank files are written by a line writer where every value would stand as it is (or, a
    slot first, in single quotes); the bytes are PyYAML's, with libyaml's emitter or its own.
    Anything in doubt is left to PyYAML (the writer says None)."""
    from wengao.phrases.bank import dump_entries, ordered
    from wengao.phrases.bankyaml import dump

    if not hasattr(yaml, dumper):
        pytest.skip(f"PyYAML without {dumper}")

    def yaml_dump(entries: list[dict]) -> str:
        return yaml.dump(entries, Dumper=getattr(yaml, dumper), allow_unicode=True, sort_keys=False, width=1000,
                         default_flow_style=False)

    mined = [
        {"id": "task.0001", "text": "{市}要走在前列，必须各区域走在前列。", "function": "task", "kind": "template",
         "count": 12, "level": 2, "sources": ["09_mao-1942.txt:43", "doc00001.txt:5", "2024-01-01.txt:3"],
         "genres": ["speech"], "topics": ["乡村振兴"], "repaired_from": "{市}要走在前列，必须各区域走在前列。"},
        {"id": "term.0002", "text": "“两进两回”", "function": "term", "kind": "term", "hand": True,
         "expansion": "科技进乡村、资金进乡村", "sources": ["x:1"], "functions": ["term", "parallel"]},
        {"id": "quote.0003", "text": "{主题}的'方位'坐标", "function": "quote", "count": -1, "hand": False},
    ]
    fast = dump(mined)
    assert fast is not None and fast == yaml_dump(mined)  # the shape a mine writes goes the fast way
    assert dump_entries(mined) == yaml_dump(sorted((ordered(e) for e in mined), key=lambda e: e["id"]))
    # values YAML quotes, escapes, folds or reads as something else; an alias; other types
    odd = ["yes", "no", "on", "~", "null", "1.5", "0x1F", "1_000", "12:30", "2024-01-01", "-", "-a", "?x", ":x",
           "x:", "a: b", "a #b", "#a", "...a", "---", "'a'", '"a"', "[a]", "{a}", "@a", "`a", "a b", " a", "a\tb",
           "a\nb", "\u3000a", "a\u00a0b", "\ufeffa", "a\u2028b", "\ue000", "😀", "a\x85b", "%a", "!a", "&a", "*a",
           "|a", ">a", "=", "<<", "", "中:", "中 文"]
    for value in odd:
        for entry in ({"id": "x.1", "text": value}, {"id": "x.1", "sources": [value]}, {value: "x"}):
            out = dump([entry])
            assert out is None or out == yaml_dump([entry]), (value, out)
    shared = ["a.txt:1"]
    assert dump([{"id": "x.1", "sources": shared}, {"id": "x.2", "sources": shared}]) is None
    for other in (1.5, None, {"a": 1}, [], [1], ("a",)):
        assert dump([{"id": "x.1", "text": other}]) is None
    assert dump([]) is None and dump([{}]) is None


def test_a_very_big_bank_is_searched_through_a_full_text_index(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wengao.phrases import index

    monkeypatch.setattr(index, "FTS_FROM", 0)
    idx = index.BankIndex(bank)
    assert index._has_fts(idx.conn)
    assert [h.id for h in idx.search("强调几点意见")] == ["transition.0001"]
    assert {h.id for h in idx.search("安全 生产")} == {"transition.0002", "task.0001", "task.0002", "task.0003"}


def test_a_big_hand_written_bank_is_read_by_workers_into_the_same_index(bank: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Forked workers read the files and this process fills the index: the same rows as reading
    them here; a file a worker cannot read is read again here and its error told as itself."""
    from wengao.errors import BankError
    from wengao.phrases import index

    def rows(idx):
        return idx.conn.execute(f"select {','.join(index._COLUMNS)} from entries order by id").fetchall()

    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "one"))
    here = rows(index.BankIndex(bank))
    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "two"))
    monkeypatch.setattr(index, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)  # two cores, whatever the host
    import multiprocessing

    forked = []
    real = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_context", lambda how: forked.append(how) or real(how))
    assert rows(index.BankIndex(bank)) == here and len(here) >= 5
    assert forked == ["fork"]

    (bank / "task.yaml").write_text("- id: task.0001\n  text: [不成对\n", encoding="utf-8")
    monkeypatch.setenv("WENGAO_CACHE", str(tmp_path / "three"))
    with pytest.raises(BankError) as err:
        index.BankIndex(bank)
    assert "task.yaml" in str(err.value.diagnostics[0].format())
