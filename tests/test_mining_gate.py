"""The verdict model (mining.gate): trained on the verdicts the project ships, the same weights
every time, and in the mine it leaves out what it judges unusable — never a draft's structural
entries — unless `--keep-all`."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wengao.cli import app
from wengao.mining import gate
from wengao.mining.pipeline import mine

from conftest import ROOT

DEV = ROOT.parent / "shared" / "corpus-dev"
# a lever of the state's own budget, in a county speech: the verdicts lean against it
DOUBTFUL = "扩大专项资金使用范围。"
SPEECH = ("在全县安全生产工作会议上的讲话\n同志们：\n一、主要任务\n要压紧压实安全生产责任。\n"
          f"{DOUBTFUL}\n")


def test_the_shipped_weights_are_what_the_shipped_verdicts_train() -> None:
    shipped = gate.weights()
    retrained = gate.rounded(gate.train(gate.read_judged()))
    assert len(shipped) > 1000 and retrained == shipped


def test_training_learns_from_verdicts_and_gives_the_same_weights_twice() -> None:
    good = [gate.Judged(True, "task", "sentence", 1, f"要{w}安全生产工作。") for w in ("加强", "抓好", "落实", "推进", "做好")]
    bad = [gate.Judged(False, "task", "sentence", 1, f"{w}园区二期厂房竣工投产。") for w in ("东区", "西区", "南区", "北区", "新区")]
    rows = (good + bad) * 4
    first, second = gate.train(rows, epochs=5), gate.train(rows, epochs=5)
    assert first == second
    assert gate.p_unusable("高新园区二期厂房竣工投产。", "task", "sentence", 1, first) > 0.5
    assert gate.p_unusable("要抓实安全生产工作。", "task", "sentence", 1, first) < 0.5


def test_a_verdict_file_is_read_with_comments_and_weights_round_trip(tmp_path: Path) -> None:
    judged = tmp_path / "judged.tsv"
    judged.write_text("# verdict\tfunction\tkind\tcount\ttext\n\ngood\ttask\tsentence\t2\t加强安全生产管理。\n"
                      "bad\theading\theading\t1\t某某园区建设情况\n", encoding="utf-8")
    rows = gate.read_judged(judged)
    assert rows == [gate.Judged(True, "task", "sentence", 2, "加强安全生产管理。"),
                    gate.Judged(False, "heading", "heading", 1, "某某园区建设情况")]
    out = tmp_path / "gate.json"
    n = gate.write_weights({"bias": -0.123456, "1:安": 0.00001}, out)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert n == 1 and {f: w for f, w in written.items() if f != "#"} == {"bias": -0.1235}


def test_the_score_is_the_sum_over_the_features() -> None:
    table = gate.weights()
    for text, function, kind, count in [("要压紧压实{县}安全生产责任，守牢底线。", "task", "sentence", 2),
                                        ("“两个维护”", "term", "term", 1), ("一", "heading", "heading", 1)]:
        z = sum(table.get(f, 0.0) for f in gate.features(text, function, kind, count))
        assert gate.p_unusable(text, function, kind, count) == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-12)


def test_an_entry_judged_unusable_is_left_out_and_counted(tmp_path: Path) -> None:
    src = tmp_path / "in" / "speech.txt"
    src.parent.mkdir()
    src.write_text(SPEECH, encoding="utf-8")
    assert gate.p_unusable(DOUBTFUL, "task", "sentence", 1) > gate.THRESHOLD
    ruled, _ = mine([src.parent], None, judge=False)
    assert DOUBTFUL in {e["text"] for e in ruled}  # the rules keep it
    judged, summary = mine([src.parent], None)
    texts = {e["text"] for e in judged}
    assert DOUBTFUL not in texts and "要压紧压实安全生产责任。" in texts
    assert summary.stats.dropped["judged"] == 1
    assert any("按审读样本判断不宜复用（可用 --keep-all 保留） 1" in line for line in summary.lines())


def test_the_structure_of_a_draft_is_never_judged() -> None:
    assert gate.unusable(DOUBTFUL, ["task"], "sentence", 1)
    for function in ("opening", "closing", "transition", "resolution", "quote", "salutation"):
        assert not gate.unusable(DOUBTFUL, [function], "sentence", 1)
        assert not gate.unusable(DOUBTFUL, ["task", function], "sentence", 1)  # a closing too, if not first
    assert not gate.unusable(DOUBTFUL, ["task"], "template", 1)


@pytest.mark.parametrize("line", ["Good\ttask\tsentence\t1\t加强安全生产管理。", "好\ttask\tsentence\t1\t加强安全生产管理。",
                                  "good task sentence 1 加强安全生产管理。", "bad\ttask\tsentence\tone\t加强安全生产管理。"])
def test_a_verdict_line_of_another_shape_is_an_error_not_a_guess(tmp_path: Path, line: str) -> None:
    judged = tmp_path / "mine.tsv"
    judged.write_text(f"# mine\n{line}\n", encoding="utf-8")
    if line.startswith("Good"):
        assert gate.read_judged(judged) == [gate.Judged(True, "task", "sentence", 1, "加强安全生产管理。")]
        return
    with pytest.raises(gate.VerdictError, match=r"mine\.tsv:2: 错误"):
        gate.read_judged(judged)


def test_retraining_with_a_copy_of_the_verdicts_counts_each_once(tmp_path: Path, monkeypatch) -> None:
    copy = tmp_path / "copy.tsv"
    copy.write_text("\ufeff" + (gate.DATA / "judged.tsv").read_text(encoding="utf-8"), encoding="utf-8")
    assert gate.merged([copy]) == gate.read_judged()
    own = tmp_path / "own.tsv"
    first = gate.read_judged()[0]
    own.write_text(f"{'bad' if first.good else 'good'}\t{first.function}\t{first.kind}\t{first.count}\t{first.text}\n",
                   encoding="utf-8")
    rows = gate.merged([own])
    assert len(rows) == len(gate.read_judged()) and rows[-1].text == first.text and rows[-1].good != first.good
    written = []
    monkeypatch.setattr(gate, "write_weights", lambda w: written.append(w) or len(w))
    assert gate.main([str(tmp_path / "missing.tsv")]) == 1 and not written
    assert gate.main([str(own)]) == 0 and len(written) == 1


def test_keep_all_keeps_what_the_model_would_leave_out(tmp_path: Path) -> None:
    src = tmp_path / "speech.txt"
    src.write_text(SPEECH, encoding="utf-8")
    runner = CliRunner()
    judged = runner.invoke(app, ["mine", str(src), "-o", str(tmp_path / "a")])
    kept = runner.invoke(app, ["mine", str(src), "-o", str(tmp_path / "b"), "--keep-all"])
    assert judged.exit_code == 0 and kept.exit_code == 0
    def bank(name: str) -> str:
        return "".join(p.read_text(encoding="utf-8") for p in (tmp_path / name).glob("*.yaml"))

    assert "要压紧压实安全生产责任" in bank("a") and DOUBTFUL not in bank("a")
    assert DOUBTFUL in bank("b")
    assert "--keep-all" in judged.output


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared is not here")
def test_no_development_sentence_is_among_the_shipped_verdicts() -> None:
    """The verdicts are shippable: none of their texts stands in a development document."""
    from wengao.reading import expand_inputs, read_raw

    text = "".join(p.text for path, _ in expand_inputs([DEV / "txt", DEV / "docx"]) for p in read_raw(path).paras)
    text = re.sub(r"\s", "", text)
    found = [r.text for r in gate.read_judged() if re.sub(r"\{[^{}]*\}", "", r.text).strip("“”。！") in text]
    assert found == []
