"""Punctuation of the writer's text, made right once the whole paragraph is known."""

from __future__ import annotations

from wengao.document.blocks import Block, Run, merge_runs
from wengao.text.punct import normalize_punctuation

_UNSAFE_CONTEXT = set(",:;!?()\"' \t-.…")
# Lines whose spacing is meaningful (市长 张某某) and which carry no sentence punctuation.
_VERBATIM = {"byline", "date", "pagebreak", "toc", "blank"}


def normalize_block(block: Block) -> Block:
    if block.kind in _VERBATIM or not block.runs:
        return block
    runs = block.runs
    new: list[Run] = []
    for i, r in enumerate(runs):
        before = runs[i - 1].text[-1:] if i else ""
        after = runs[i + 1].text[:1] if i + 1 < len(runs) else ""
        before = "" if before in _UNSAFE_CONTEXT else before
        after = "" if after in _UNSAFE_CONTEXT else after
        text = normalize_punctuation(before + r.text + after)
        text = text[len(before): len(text) - len(after)]
        new.append(Run(text, r.bold, r.source))
    return block.with_runs(merge_runs(new))


def normalize_blocks(blocks: list[Block]) -> list[Block]:
    return [normalize_block(b) for b in blocks]
