"""How much a reader takes in: caps that keep a hostile or broken file from hanging the tool or
exhausting memory. One place, so a test (or a user with a huge archive) can see them all.

A document longer than these is not a speech: a 50 MB .txt holds some 17 million characters,
several hundred books. The caps are module attributes so tests can lower them.
"""

from __future__ import annotations

MAX_FILE_BYTES = 50 * 1024 * 1024  # any input file on disk
MAX_PART_BYTES = 64 * 1024 * 1024  # one part of a .docx package, uncompressed
MAX_PACKAGE_BYTES = 200 * 1024 * 1024  # all parts a reader takes from one package, uncompressed
MAX_ZIP_ENTRIES = 20_000  # entries in a .docx package (a real one has a few dozen)
CONVERT_TIMEOUT_S = 120  # LibreOffice converting one .doc/.wps/.odt/.rtf


def human_size(n: int) -> str:
    """1536 → "1.5 KB", 52428800 → "50 MB": sizes in messages people read."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            value = n / scale
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{n} B"
