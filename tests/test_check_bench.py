"""bench/eval_check.py runs end to end on a tiny corpus of its own (the real one lives outside
the repository and is measured by hand)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SPEECH = """关于做好二〇二四年工作的讲话
同志们：
今天召开全市工作会议，主要任务是总结2023年工作，部署2024年任务。
一、提高政治站位，增强做好工作的责任感
我们要深入学习贯彻党的二十大精神，全面推进乡村振兴，确保各项任务落到实处。
一是加强组织领导，把责任扛在肩上；二是压实工作责任，把任务落到人头；三是强化督促检查，把问题解决在基层。
（一）加强组织领导
各级党组织要切实履行主体责任，主要负责同志要亲自抓、带头干，确保工作有序推进。
（二）压实工作责任
要建立健全责任体系，明确任务分工，细化工作措施，确保每项工作都有人抓、有人管。
二、狠抓工作落实，确保全年目标任务圆满完成
2024年是实现“十四五”规划目标任务的关键一年，我们要以“时时放心不下”的责任感抓好落实。
（一）细化目标任务
要对照年度目标，逐项分解任务，明确时间节点，确保按期完成，2024年3月底前全部部署到位。
（二）强化督促检查
要加强跟踪问效，对进展缓慢的及时督办，对工作不力的严肃问责，推动各项工作落地见效。
三、加强组织保障，营造干事创业的良好氛围
同志们，任务艰巨，使命光荣。让我们更加紧密地团结在以习近平同志为核心的党中央周围，奋力开创工作新局面！
"""
GOLD = """file: txt/speech.txt
genre: speech
headings:
  - [1, 提高政治站位，增强做好工作的责任感]
  - [2, 加强组织领导]
  - [2, 压实工作责任]
  - [1, 狠抓工作落实，确保全年目标任务圆满完成]
  - [2, 细化目标任务]
  - [2, 强化督促检查]
  - [1, 加强组织保障，营造干事创业的良好氛围]
"""


def test_eval_check_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "txt").mkdir(parents=True)
    (corpus / "gold").mkdir()
    (corpus / "txt" / "speech.txt").write_text(SPEECH, encoding="utf-8")
    (corpus / "gold" / "speech.yaml").write_text(GOLD, encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_check.py"), "--corpus", str(corpus),
                          "--no-speed", "--seeds", "1", "--per-doc", "1"],
                         capture_output=True, text=True, timeout=300, env={"WENGAO_LANG": "en", "PATH": ""})
    assert out.returncode == 0, out.stderr
    assert "per 10,000 characters" in out.stdout
    for kind in ("placeholder", "numbering gap", "half-width mark", "wrong word", "repeated sentence"):
        line = next(x for x in out.stdout.splitlines() if x.strip().startswith(kind))
        hit, tried = line.split("=")[0].split()[-1].split("/")
        assert int(tried) >= 1 and int(hit) == int(tried), line
    assert "lowest recall" in out.stdout


def test_eval_check_without_a_corpus_says_so(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "eval_check.py"), "--corpus",
                          str(tmp_path / "nothing")], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "no corpus" in out.stdout
