"""Read an outline file (any encoding we accept) into the validated model."""

from __future__ import annotations

from pathlib import Path

from wengao.outline.model import Outline
from wengao.outline.validate import validate
from wengao.outline.yamlmarks import load_located
from wengao.text.encoding import read_text


def load_outline(path: str | Path, *, part: bool = False) -> Outline:
    text = read_text(path)
    return validate(load_located(text, str(path)), part=part)
