"""The readers: .txt in every encoding offices use, the input checks, the dispatch by content,
LibreOffice conversion and folder expansion. (.docx details: test_readers_docx.py.)"""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest

from docx_package import make_docx, p
from wengao.errors import EXIT_DOCUMENT, DocumentError
from wengao.reading import SourceFormat, expand_inputs, read_raw
from wengao.reading import limits as limits_mod

SPEECH = "在全县工作会议上的讲话\n\n同志们：\n\u3000\u3000今天召开会议。\n  一、提高认识\n"

@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English wording of the messages (tests default to Chinese)."""
    monkeypatch.setenv("WENGAO_LANG", "en")



def error_of(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        read_raw(path)
    err = info.value
    assert err.exit_code == EXIT_DOCUMENT
    assert len(err.diagnostics) == 1 and "\n" not in err.diagnostics[0].format()
    return err


# -- .txt ------------------------------------------------------------------------------------


def test_txt_one_para_per_line_blank_lines_and_indents_kept(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(SPEECH.replace("\n", "\r\n").encode("utf-8"))
    raw = read_raw(f)
    assert raw.format is SourceFormat.TXT and raw.encoding == "utf-8" and raw.name == "a.txt"
    assert [p.text for p in raw.paras] == ["在全县工作会议上的讲话", "", "同志们：", "\u3000\u3000今天召开会议。",
                                           "  一、提高认识"]
    assert [p.pos for p in raw.paras] == [1, 2, 3, 4, 5]
    assert raw.paras[3].indent_chars == 2 and raw.paras[4].indent_chars == 1 and raw.paras[0].indent_chars == 0
    assert raw.chars == sum(len(p.text) for p in raw.paras)


@pytest.mark.parametrize("encoding,bom,name", [
    ("utf-8", b"\xef\xbb\xbf", "utf-8"),
    ("utf-16-le", b"\xff\xfe", "utf-16-le"),
    ("utf-16-be", b"\xfe\xff", "utf-16-be"),
    ("gb18030", b"", "gb18030"),
    ("gbk", b"", "gb18030"),
])
def test_txt_encodings(tmp_path: Path, encoding: str, bom: bytes, name: str) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(bom + SPEECH.encode(encoding))
    raw = read_raw(f)
    assert raw.encoding == name
    assert raw.paras[0].text == "在全县工作会议上的讲话" and raw.paras[3].text.endswith("今天召开会议。")
    assert not raw.paras[0].text.startswith("\ufeff")


def test_txt_utf16_without_bom_and_cr_newlines(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("Report 2024\rline two\r".encode("utf-16-le"))
    raw = read_raw(f)
    assert raw.encoding == "utf-16-le" and [p.text for p in raw.paras] == ["Report 2024", "line two"]


def test_txt_form_feed_is_a_page_break(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("第一页\n\f第二页\n", encoding="utf-8")
    raw = read_raw(f)
    assert [(p.text, p.page_break_before) for p in raw.paras] == [("第一页", False), ("第二页", True)]


def test_binary_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(bytes(range(256)) * 40)
    assert "binary" in error_of(f).diagnostics[0].message


def test_zero_padding_after_text_is_dropped(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("讲话稿\n正文。\n".encode() + b"\x00" * 4096)
    assert [p.text for p in read_raw(f).paras] == ["讲话稿", "正文。"]
    f.write_bytes(b"\x00" * 4096)
    assert "binary" in error_of(f).diagnostics[0].message


def test_binary_without_zero_bytes_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(bytes(b for b in range(1, 256) if b not in (10, 13)) * 40)
    assert "binary" in error_of(f).diagnostics[0].message


def test_broken_utf8_byte_is_located(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes("第一行\n第二行有一个坏字节".encode() + b"\xff" + "之后。\n".encode())
    d = error_of(f).diagnostics[0]
    assert (d.line, d.col) == (2, 10) and "UTF-8" in d.message


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"")
    assert "empty" in error_of(f).diagnostics[0].message


def test_100_mb_text_is_refused_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    with f.open("wb") as fh:  # sparse: no 100 MB written to disk
        fh.truncate(100 * 1024 * 1024)
    start = time.perf_counter()
    d = error_of(f).diagnostics[0]
    assert time.perf_counter() - start < 1
    assert "too big" in d.message and "100 MB" in d.message and "50 MB" in d.message


def test_size_cap_also_holds_when_the_file_grows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text("字" * 1000, encoding="utf-8")
    monkeypatch.setattr(limits_mod, "MAX_FILE_BYTES", 100)
    assert "too big" in error_of(f).diagnostics[0].message


def test_a_file_that_grew_after_its_size_was_seen_is_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader asks for as many bytes as fstat says the file has, then for the rest: a file
    written to meanwhile is read to its end, and the size cap still holds."""
    from wengao.reading import readers

    f = tmp_path / "a.txt"
    f.write_text("一二三\n" * 400, encoding="utf-8")
    real_stat, real_fstat = os.stat, os.fstat

    def earlier(st: os.stat_result) -> os.stat_result:  # the size it had a moment before
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 5,
                               int(st.st_atime), int(st.st_mtime), int(st.st_ctime)))

    monkeypatch.setattr(readers.os, "stat", lambda path, **kw: earlier(real_stat(path, **kw)))
    monkeypatch.setattr(readers.os, "fstat", lambda fd: earlier(real_fstat(fd)))
    assert readers.load(f) == f.read_bytes()
    monkeypatch.setattr(limits_mod, "MAX_FILE_BYTES", 100)
    assert "too big" in error_of(f).diagnostics[0].message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "not found" in error_of(tmp_path / "nope.txt").diagnostics[0].message
    assert "folder" in error_of(tmp_path).diagnostics[0].message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "regular" in error_of(fifo).diagnostics[0].message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_device_is_refused() -> None:
    assert "regular" in error_of(Path("/dev/zero")).diagnostics[0].message


def test_pdf_and_unknown_suffixes(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n...")
    d = error_of(pdf).diagnostics[0]
    assert "PDF" in d.message and ".docx" in d.hint
    other = tmp_path / "a.xls"
    other.write_bytes(b"whatever")
    d = error_of(other).diagnostics[0]
    assert ".xls" in d.message and ".docx" in d.hint


def test_chinese_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENGAO_LANG", "zh")
    f = tmp_path / "a.txt"
    f.write_bytes(b"")
    assert error_of(f).diagnostics[0].format() == f"{f}: 错误: 文件是空的"


# -- dispatch by content ---------------------------------------------------------------------


def test_a_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    f = tmp_path / "a.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("notes.txt", "hello")
    assert "not a Word document" in error_of(f).diagnostics[0].message


def test_a_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    f = tmp_path / "a.docx"
    f.write_text("这其实是文本", encoding="utf-8")
    d = error_of(f).diagnostics[0]
    assert "not a valid .docx" in d.message and d.hint


def test_docx_named_doc_is_read_as_docx(tmp_path: Path) -> None:
    f = make_docx(tmp_path / "a.doc", p("正文"))
    raw = read_raw(f)
    assert raw.format is SourceFormat.DOCX and raw.paras[0].text == "正文" and not raw.converted_from


def test_password_protected_docx(tmp_path: Path) -> None:
    f = tmp_path / "secret.docx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000
    f.write_bytes(ole + "EncryptedInfo".encode("utf-16-le") + b"\x00" * 50
                  + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500)
    d = error_of(f).diagnostics[0]
    assert "encrypted" in d.message and "password" in d.hint


def test_old_doc_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENGAO_SOFFICE", str(tmp_path / "no-such-soffice"))
    f = tmp_path / "old.doc"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    d = error_of(f).diagnostics[0]
    assert "LibreOffice" in d.message and ".doc" in d.message and "libreoffice" in d.hint


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for LibreOffice")
def test_conversion_timeout_kills_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    marker = tmp_path / "still-running"
    fake.write_text(f"#!/bin/sh\nsleep 30\ntouch {marker}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("WENGAO_SOFFICE", str(fake))
    monkeypatch.setattr(limits_mod, "CONVERT_TIMEOUT_S", 1)
    f = tmp_path / "a.rtf"
    f.write_text("{\\rtf1 hello}", encoding="ascii")
    start = time.perf_counter()
    d = error_of(f).diagnostics[0]
    assert time.perf_counter() - start < 10
    assert "1 s" in d.message or "1 秒" in d.message
    assert not marker.exists()


def _have_soffice() -> bool:
    from wengao.reading.convert import find_soffice

    return find_soffice() is not None


@pytest.mark.skipif(not _have_soffice(), reason="LibreOffice not installed")
def test_rtf_through_libreoffice(tmp_path: Path) -> None:
    f = tmp_path / "a.rtf"
    f.write_text("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0\\fs32 "
                 "\\u19968?\\u12289?\\u21152?\\u24378?\\par\n\\b \\u24635?\\u32467?\\b0\\par\n}", encoding="ascii")
    raw = read_raw(f)
    assert raw.format is SourceFormat.DOCX and raw.converted_from == ".rtf"
    assert [(p.text, p.bold, p.size) for p in raw.paras] == [("一、加强", False, 16.0), ("总结", True, 16.0)]
    assert not list(tmp_path.glob(".~lock*")), "no lock file beside the user's document"


@pytest.mark.skipif(not _have_soffice(), reason="LibreOffice not installed")
def test_odt_through_libreoffice(tmp_path: Path) -> None:
    f = tmp_path / "a.odt"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
        z.writestr("content.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{office}" xmlns:text="{text}" office:version="1.2">'
                   '<office:body><office:text><text:h text:outline-level="1">一、总体要求</text:h><text:p>正文第一段。</text:p>'
                   '</office:text></office:body></office:document-content>')
    raw = read_raw(f)
    assert raw.converted_from == ".odt"
    assert [(p.text, p.outline_level) for p in raw.paras] == [("一、总体要求", 0), ("正文第一段。", None)]


# -- folders ---------------------------------------------------------------------------------


def test_expand_inputs(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    (root / "2024" / "q1").mkdir(parents=True)
    (root / ".git").mkdir()
    for name in ("b.txt", "a.docx", "2024/c.TXT", "2024/q1/d.doc", "~$a.docx", ".hidden.txt", ".git/x.txt",
                 "notes.pdf", "image.png"):
        (root / name).write_text("x", encoding="utf-8")
    single = tmp_path / "single.md"
    single.write_text("x", encoding="utf-8")
    found = expand_inputs([root, single, root / "b.txt"])
    assert [name for _, name in found] == ["2024/c.TXT", "2024/q1/d.doc", "a.docx", "b.txt", "single.md"]
    assert all(path.exists() for path, _ in found)


def test_expand_inputs_reports_every_missing_input_first(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        expand_inputs([tmp_path / "a.txt", tmp_path / "gone1.txt", tmp_path / "gone2"])
    assert [d.path for d in info.value.diagnostics] == [str(tmp_path / "gone1.txt"), str(tmp_path / "gone2")]


# -- speed -----------------------------------------------------------------------------------


def test_txt_reader_is_cheap(tmp_path: Path) -> None:
    """Mining must keep 1 MB/s overall: reading a text must take a small part of that."""
    f = tmp_path / "big.txt"
    line = "\u3000\u3000坚持以人民为中心的发展思想，扎实推进共同富裕，不断增强人民群众获得感幸福感安全感。\n\n"
    f.write_text(line * 12000, encoding="utf-8")  # ~ 2.6 MB
    start = time.perf_counter()
    raw = read_raw(f)
    elapsed = time.perf_counter() - start
    mb = f.stat().st_size / 1e6
    assert len(raw.paras) == 24000
    assert elapsed < mb / 5, f"{mb / elapsed:.1f} MB/s"  # ≥ 5 MB/s even on a loaded machine

