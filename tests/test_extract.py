"""`wengao outline extract` on the seeds: structure found, text kept, round trip stable."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from wengao.build import BuildOptions, build_file
from wengao.cli import app
from wengao.extract import dump, extract, outline_texts
from wengao.outline.load import load_outline

from conftest import CORPUS

runner = CliRunner()
SEEDS = {p.name[:3]: p for p in CORPUS.glob("*.txt")}


def seed(n: str):
    return extract(SEEDS[n])


def headings(sections: list[dict], level: int = 1) -> list[tuple[int, str]]:
    out = []
    for s in sections:
        if s.get("heading"):
            out.append((level, s["heading"]))
        out += headings(s.get("sections", []), level + 1)
    return out


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


def test_002_speech_with_yao_points_and_closing() -> None:
    o = seed("002").outline
    assert o["title"] == "市委书记在乡村振兴工作推进会上的讲话"
    assert [h for _, h in headings(o["sections"])] == [
        "提高政治站位，进一步增强推动乡村振兴工作的责任感使命感",
        "坚持精准施策，进一步把准推动乡村振兴工作的关键点着力点",
        "压紧压实责任，进一步激发推动乡村振兴工作的积极性主动性"]
    pts = o["sections"][0]["points"]
    assert pts["style"] == "yao" and [i["lead"] for i in pts["items"]] == [
        "深刻认识极端重要性。", "深刻认识复杂艰巨性。", "深刻认识现实紧迫性。"]
    # the shared repair table (mining/data/repairs.yaml) may restore the canonical 全面推进乡村振兴
    assert o["closing"][0].startswith(("同志们，全面推动乡村振兴，责任重大、使命光荣。让我们",
                                       "同志们，全面推进乡村振兴，责任重大、使命光荣。让我们"))


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
    assert all(p["genre"] == "study-report" and p["author"] for p in parts)
    third = headings(parts[2]["sections"])
    assert third[:2] == [(1, "总体感受"), (1, "经验启示")]
    assert (2, "兜牢社会救助底线") in third and (2, "坚持制度引领，培育群众内生动力") in third
    assert headings(parts[9].get("sections", [])) == [] or parts[9].get("opening")
    # the table of contents cross-checks the parts and is not copied into them
    assert not result.warnings
    assert not any("目录" in t or re.search(r"\d$", t) for t in outline_texts(o) if len(t) < 30)


def test_001_inline_headings_are_recovered_from_flattened_text() -> None:
    o = seed("001").outline
    first = o["parts"][0] if o["genre"] == "compilation" else o
    hs = headings(first["sections"])
    assert hs[0] == (1, "深入学习推广浙江经验的重大意义")
    assert (2, "深入学习浙江经验是贯彻落实习近平生态文明思想的重要举措。") in hs
    assert (1, "浙江“千万工程”经验的核心内容") in hs
    assert (2, "始终坚持高位推动，党政“一把手”亲自抓。") in hs
    assert (1, "深入学习浙江经验、扎实推进农村人居环境整治的对策举措") in hs
    assert sum(1 for lvl, _ in hs if lvl == 2) >= 14


def _norm(texts: list[str]) -> str:
    marker = re.compile(r"^[一二三四五六七八九十]+[是要]")
    return "".join(marker.sub("", t) for t in texts).replace(" ", "")


@pytest.mark.parametrize("n", ["000", "001", "002", "003", "004"])
def test_text_is_conserved(n: str) -> None:
    result = seed(n)
    got = outline_texts(result.outline)
    # every paragraph of the segmented document, once, in order
    assert _norm(got) == _norm(result.texts)
    # and every cleaned line (numbers aside) is in the outline
    flat = re.sub(r"[一二三四五六七八九十]+[、是要]|（[一二三四五六七八九十]+）|\d+、", "", _norm(got))
    for line in result.cleaned:
        bare = re.sub(r"[一二三四五六七八九十]+[、是要]|（[一二三四五六七八九十]+）|\d+、", "", line.replace(" ", ""))
        if line.startswith(("来源：", "时间：")):  # a source line becomes the source and date fields
            assert result.outline["source"] in line
        elif len(bare) >= 12:  # titles lose site noise at their ends ("2024…", "…（21895字）")
            assert bare[4:30] in flat, line[:60]


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
    missing = runner.invoke(app, ["outline", "extract", str(tmp_path / "none.txt")])
    assert missing.exit_code != 0 and "file not found" in missing.output


def test_redaction_blanks_become_visible_placeholders() -> None:
    texts = outline_texts(seed("004").outline)
    assert any("【】" in t for t in texts)
    assert not any("□" in t for t in texts)
