"""Structure: raw paragraphs → front matter and typed blocks (provisional: the miner's old
segmentation behind the new model, until the structure reader replaces it)."""

from __future__ import annotations

from pathlib import Path

from wengao.document.numbering import Scheme
from wengao.reading.model import Block, BlockKind, Document, FrontMatter, Genre, RawDocument

_KIND = {"title": BlockKind.TITLE, "subtitle": BlockKind.SUBTITLE, "author": BlockKind.AUTHOR,
         "date": BlockKind.DATE, "source": BlockKind.SOURCE, "salutation": BlockKind.SALUTATION,
         "note": BlockKind.NOTE, "toc": BlockKind.NOISE, "heading": BlockKind.HEADING,
         "point": BlockKind.POINT, "p": BlockKind.PARAGRAPH}
_SCHEME = {"cn": Scheme.CN, "pcn": Scheme.PAREN_CN, "num": Scheme.ARABIC, "pnum": Scheme.PAREN_ARABIC,
           "docx": Scheme.STYLE}


def parse(raw: RawDocument) -> Document:
    from wengao.mining.clean import CleanStats, clean_doc
    from wengao.mining.lexicon import load_lexicon
    from wengao.mining.readers import Line, RawDoc
    from wengao.mining.segment import segment

    lines = tuple(Line(p.text, p.pos, (p.outline_level + 1) if p.outline_level is not None
                       and p.style.lower().startswith("heading") else 0, p.style)
                  for p in raw.paras if p.text.strip())
    old = RawDoc(Path(raw.path), raw.name, lines, raw.chars)
    lex = load_lexicon()
    cleaned, _ = clean_doc(old, (), lex, CleanStats())
    docs = segment(raw.name, cleaned, lex)
    parts = []
    for d in docs:
        blocks = [Block(_KIND.get(p.kind, BlockKind.PARAGRAPH), p.text, p.lineno, source=p.text,
                        level=p.level, scheme=_SCHEME.get(p.style, Scheme.NONE),
                        lead=p.lead, verb=p.style if p.kind == "point" else "")
                  for p in d.paras]
        front = FrontMatter(title=d.title, author=d.author)
        for b in blocks:
            if b.kind is BlockKind.SALUTATION and not front.salutation:
                front.salutation = b.text
            elif b.kind is BlockKind.SUBTITLE and not front.subtitle:
                front.subtitle = b.text
        parts.append(Document(raw.path, raw.name, Genre(d.genre or "speech"), front, blocks, raw=raw))
    if len(parts) == 1:
        return parts[0]
    blocks = [b for p in parts for b in p.blocks]
    return Document(raw.path, raw.name, Genre.COMPILATION, FrontMatter(), blocks, parts, raw)
