"""A derived SQLite index of a phrase bank, for fast search and lookup.

The YAML files stay the source of truth. The index lives in the user's cache folder, keyed by
the bank's path, and is rebuilt whenever a bank file's size or modification time changes, or
when it turns out damaged (then the caller is told once, through `notices`). `wengao mine`
builds it from the entries it has just written, so the first search after a mine is fast.
Substring search: a scan of the texts, or for a very big bank FTS5 trigrams for words of three or
more characters.
Results are ranked by how well an entry fits, not by length.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wengao.phrases.query import Term, matches, parse_query, parts
from wengao.text.slots import slot_names
from wengao.workspace import cache_dir

SCHEMA_VERSION = 8
_COLUMNS = ("id", "text", "function", "functions", "kind", "level", "count", "genres", "topics",
            "first_source", "hand", "slots", "entry", "file")
_SELECT = "select e.id, e.text, e.function, e.functions, e.kind, e.count, e.topics, e.slots, e.rowid from entries e"
_MAX_SCORED = 20000  # a very common word: rank the most frequent entries that contain it
_MAX_PLAIN = 1000  # no words asked: rank the most frequent entries of the function
# Up to this many entries a search scans the texts (tens of milliseconds); above it a trigram
# full-text index is built, which takes seconds to build but answers in milliseconds.
FTS_FROM = 250_000


# a bank this big that was not just mined (written by hand, or copied from elsewhere) is read by
# forked workers, one per core, while this process fills the index
PARALLEL_FROM_BYTES = 4 * 1024 * 1024


def _file_rows(bank: Path, names: list[str], entries: Callable[[str], list[dict[str, Any]]] | None
               ) -> Iterator[tuple[str, list[tuple]]]:
    """(file, its index rows) for each of `names`, in order."""
    from wengao.workers import WorkerLost, how_many, in_order

    if entries is not None:  # a mine's own entries, in hand
        for name in names:
            yield name, [BankIndex._row(e, name) for e in entries(name)]
        return
    items = [(bank, f) for f in names]
    results = in_order(how_many([bank / f for f in names], PARALLEL_FROM_BYTES), _read_rows, items)
    if results is None:
        yield from zip(names, map(_read_rows, items), strict=True)
        return
    try:  # a file a worker cannot read is read again here, where its error is raised as itself
        yield from zip(names, results, strict=True)
    except WorkerLost:
        from wengao.errors import BankError
        from wengao.i18n import t

        raise BankError.single(str(bank), t("mining.worker_lost")) from None


def _read_rows(item: tuple[Path, str]) -> list[tuple]:
    from wengao.phrases.bank import load_file

    bank, name = item
    return [BankIndex._row(e, name) for e in load_file(bank / name)]


def _has_fts(conn: sqlite3.Connection) -> bool:
    return conn.execute("select 1 from sqlite_master where name = 'fts'").fetchone() is not None


def _fingerprints(bank: Path) -> dict[str, str]:
    """Per bank file: size and modification time. A changed file is re-read, the others not."""
    from wengao.phrases.bank import bank_files

    out = {}
    for p in bank_files(bank):
        st = p.stat()
        out[p.name] = f"{st.st_size}:{st.st_mtime_ns}"
    return out


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    """A broken index file (not a busy one): rebuild it."""
    text = str(exc).lower()
    return not any(w in text for w in ("locked", "busy", "readonly", "read-only", "unable to open"))


@dataclass
class Hit:
    id: str
    text: str
    function: str
    source: str
    entry: dict[str, Any]
    functions: list[str] = field(default_factory=list)


@dataclass
class Found:
    """What a search found; `parts` says the whole query found nothing and these words did."""

    hits: list[Hit]
    parts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Ask:
    """What a search asks for, used to rank: the better an entry fits, the earlier it comes."""

    terms: tuple[Term, ...] = ()
    function: str | None = None
    topic: str | None = None
    topics: tuple[str, ...] = ()  # preferred, not required (a pick's outline topics)


def fit(text: str, functions: str, kind: str, count: int, topics: str, ask: Ask) -> float:
    """How well an entry fits what was asked: function, topic, how common, whether complete."""
    score = math.log2(1 + max(count, 1))
    if ask.function and functions.startswith(f",{ask.function},"):
        score += 1.0  # its main function, not a side one
    wanted = (ask.topic,) if ask.topic else ask.topics
    if wanted and any(f",{t}," in topics or t in text for t in wanted):
        score += 2.0
    n = len(text)
    if kind in ("sentence", "template"):
        score += 1.5 if text[-1:] in "。！？；：”" else 0.0
    elif kind == "heading":
        score += 0.5
    if n < 8:
        score -= (8 - n) * 0.5  # a fragment
    elif n > 100:
        score -= (n - 100) / 60
    for term in ask.terms:
        if term.pattern is None and text.startswith(term.text):
            score += 0.5
            break
    return score


class BankIndex:
    def __init__(self, bank: Path) -> None:
        from wengao.phrases.bank import ensure_whole

        self.bank = bank.resolve()
        self.notices: list[str] = []
        self.fts: bool | None = None
        ensure_whole(self.bank)
        self.conn = self._open()

    # -- building -------------------------------------------------------------------------
    def _db_path(self) -> Path:
        key = hashlib.sha1(str(self.bank).encode("utf-8")).hexdigest()[:16]
        return cache_dir() / f"bank-{key}.sqlite"

    def _open(self) -> sqlite3.Connection:
        current = _fingerprints(self.bank)
        path = self._db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            stored = None
            if path.exists():
                try:
                    conn = sqlite3.connect(str(path), timeout=30)
                    stored = self._stored(conn)
                    if stored is None:
                        conn.close()
                except sqlite3.DatabaseError as exc:
                    if not _damaged(exc):
                        raise
                    self._said_damaged()
            if stored is None:  # new, damaged, or an older layout: built whole beside it, then swapped in
                self._build(path, current)
                return sqlite3.connect(str(path), timeout=30)
            if stored != current:
                self._update(conn, stored, current)
            return conn
        except (OSError, sqlite3.OperationalError):
            conn = sqlite3.connect(":memory:")  # an unwritable cache: index in memory this time
            self._create(conn)
            self._update(conn, {}, current)
            return conn

    def _build(self, path: Path, current: dict[str, str],
               entries: Callable[[str], list[dict[str, Any]]] | None = None) -> None:
        """A whole index written to a temporary file (no journal: it is derived and unseen until
        the rename) and renamed over the old one, so a reader never meets half an index."""
        tmp = path.with_name(f"{path.name}.{os.getpid()}.building")
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(str(tmp))
        try:
            conn.execute("pragma journal_mode=off")
            conn.execute("pragma synchronous=off")
            self._create(conn)
            self._update(conn, {}, current, entries)
        except BaseException:
            conn.close()
            tmp.unlink(missing_ok=True)
            raise
        conn.close()
        os.replace(tmp, path)

    def _said_damaged(self) -> None:
        from wengao.i18n import t

        note = t("phrases.index_rebuilt", path=str(self._db_path()))
        if note not in self.notices:
            self.notices.append(note)

    def _rebuild(self) -> None:
        """The index file is damaged: build it again from the YAML (and say so once)."""
        self._said_damaged()
        with contextlib.suppress(Exception):
            self.conn.close()
        self._db_path().unlink(missing_ok=True)
        self.fts = None
        self.conn = self._open()

    def _query(self, sql: str, args: list[Any] | tuple = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            if not _damaged(exc):
                raise
            self._rebuild()
            return self.conn.execute(sql, args).fetchall()

    @staticmethod
    def _stored(conn: sqlite3.Connection) -> dict[str, str] | None:
        try:
            rows = dict(conn.execute("select key, value from meta"))
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return None
            raise
        if rows.get("schema") != str(SCHEMA_VERSION):
            return None
        return json.loads(rows.get("files", "{}"))

    @staticmethod
    def _create(conn: sqlite3.Connection) -> None:
        conn.executescript(
            """
            create table meta(key text primary key, value text);
            create table entries(rowid integer primary key, id text unique, text text, function text,
                functions text, kind text, level integer, count integer, genres text, topics text,
                first_source text, hand integer, slots text, entry text, file text);
            create index entries_file on entries(file);
            create table fn(rowid integer, function text, count integer);
            create index fn_order on fn(function, count desc, rowid);
            """
        )
        conn.execute("insert into meta values('schema', ?)", (str(SCHEMA_VERSION),))
        conn.commit()

    def _update(self, conn: sqlite3.Connection, stored: dict[str, str], current: dict[str, str],
                entries: Callable[[str], list[dict[str, Any]]] | None = None) -> None:
        """Re-read only the files that changed; one transaction, so readers never see half."""
        changed = [name for name in current if stored.get(name) != current[name]]
        gone = [name for name in stored if name not in current]
        fts = _has_fts(conn)
        with conn:
            for name in changed + gone:
                conn.execute("delete from fn where rowid in (select rowid from entries where file = ?)", (name,))
                if fts:
                    conn.execute("insert into fts(fts, rowid, text) select 'delete', rowid, text from entries "
                                 "where file = ?", (name,))
                conn.execute("delete from entries where file = ?", (name,))
            for name, rows in _file_rows(self.bank, changed, entries):
                conn.executemany(f"insert or replace into entries({','.join(_COLUMNS)}) values "
                                 f"({','.join('?' * len(_COLUMNS))})", rows)
                conn.executemany("insert into fn values(?, ?, ?)", [
                    (rowid, f, count) for rowid, fns, count in conn.execute(
                        "select rowid, functions, count from entries where file = ?", (name,))
                    for f in fns.split(",") if f])
                if fts:
                    conn.execute("insert into fts(rowid, text) select rowid, text from entries where file = ?",
                                 (name,))
            if not fts and conn.execute("select count(*) from entries").fetchone()[0] > FTS_FROM:
                # a bank this big is searched through trigram full-text index, built once here
                conn.execute("create virtual table fts using fts5(text, content='entries', "
                             "content_rowid='rowid', tokenize='trigram')")
                conn.execute("insert into fts(fts) values('rebuild')")
            conn.execute("insert or replace into meta values('files', ?)", (json.dumps(current),))

    @classmethod
    def prime(cls, bank: Path, files: dict[str, list[dict[str, Any]]]) -> None:
        """Index entries just written (a mine), without reading the YAML back."""
        from wengao.phrases.bank import load_file

        self = cls.__new__(cls)
        self.bank = bank.resolve()
        self.notices = []
        path = self._db_path()
        with contextlib.suppress(OSError, sqlite3.Error):
            path.parent.mkdir(parents=True, exist_ok=True)
            self._build(path, _fingerprints(self.bank),
                        lambda n: files[n] if n in files else load_file(self.bank / n))

    @staticmethod
    def _row(e: dict[str, Any], name: str) -> tuple:
        from wengao.phrases.bank import HAND_WRITTEN, entry_functions

        sources = e.get("sources") or []
        fns = entry_functions(e)
        return (
            str(e["id"]), str(e["text"]), fns[0] if fns else "", "," + ",".join(fns) + ",",
            str(e.get("kind", "")), e.get("level"), int(e.get("count") or len(sources) or 1),
            "," + ",".join(map(str, e.get("genres") or [])) + ",",
            "," + ",".join(map(str, e.get("topics") or [])) + ",",
            str(sources[0]) if sources else (HAND_WRITTEN if e.get("hand") else ""),
            1 if e.get("hand") else 0, ",".join(slot_names(str(e["text"]))),
            json.dumps(e, ensure_ascii=False, default=str), name,
        )

    # -- queries --------------------------------------------------------------------------
    def _hits(self, rowids: list[int]) -> list[Hit]:
        from wengao.phrases.bank import HAND_WRITTEN

        if not rowids:
            return []
        rows: dict[int, tuple] = {}
        for k in range(0, len(rowids), 500):
            chunk = rowids[k:k + 500]
            rows.update((r[0], r) for r in self._query(
                "select rowid, id, text, function, functions, entry from entries where rowid in "
                f"({','.join('?' * len(chunk))})", chunk))
        out = []
        for rid in rowids:
            r = rows[rid]
            entry = json.loads(r[5])
            sources = entry.get("sources") or []
            out.append(Hit(r[1], r[2], r[3], str(sources[0]) if sources else HAND_WRITTEN, entry,
                           [f for f in r[4].split(",") if f]))
        return out

    def get(self, entry_id: str) -> Hit | None:
        row = self._query("select rowid from entries where id = ?", (entry_id,))
        return self._hits([row[0][0]])[0] if row else None

    def ids(self, prefix: str = "") -> list[str]:
        return [r[0] for r in self._query("select id from entries where id like ? order by id", (prefix + "%",))]

    def _candidates(self, terms: list[Term], *, function: str | None, genre: str | None, topic: str | None,
                    kinds: tuple[str, ...] | None, topics: tuple[str, ...] = (),
                    genres: tuple[str, ...] = ()) -> list[tuple]:
        where, args = [], []
        if self.fts is None:
            self.fts = _has_fts(self.conn)
        fts = [f for t in terms for f in t.fragments if len(f) >= 3] if self.fts else []
        if fts:
            where.append("e.rowid in (select rowid from fts where fts match ?)")
            args.append(" AND ".join('"' + f.replace('"', '""') + '"' for f in fts))
        for frag in (f for t in terms for f in t.fragments if not (self.fts and len(f) >= 3)):
            where.append("instr(e.text, ?) > 0")
            args.append(frag)
        source = "entries e"
        order = "e.count desc, e.id"
        if function:  # walk the function's entries most used first, stopping at the limit
            source = "fn join entries e on e.rowid = fn.rowid"
            where.insert(0, "fn.function = ?")
            args.insert(0, function)
            order = "fn.count desc, e.id"
        if genre:
            where.append("e.genres like ?")
            args.append(f"%,{genre},%")
        if topic:
            where.append("(e.topics like ? or instr(e.text, ?) > 0)")
            args += [f"%,{topic},%", topic]
        if kinds:
            where.append(f"e.kind in ({','.join('?' * len(kinds))})")
            args += list(kinds)
        if genres:  # of one of these genres, or of none in particular (a hand-written phrase)
            where.append("(" + " or ".join(["e.genres = ',,'"] + ["e.genres like ?"] * len(genres)) + ")")
            args += [f"%,{g},%" for g in genres]
        if topics:  # on one of these topics, or on none in particular
            alts = ["e.topics = ',,'"]
            for t in topics:
                alts += ["e.topics like ?", "instr(e.text, ?) > 0"]
                args += [f"%,{t},%", t]
            where.append("(" + " or ".join(alts) + ")")
        sql = _SELECT.replace("entries e", source) + (" where " + " and ".join(where) if where else "")
        # without words to match (a pick, a list), fit is mostly how common: the most used suffice
        sql += f" order by {order} limit {_MAX_SCORED if terms else _MAX_PLAIN}"
        rows = self._query(sql, args)
        return [r for r in rows if matches(r[1], terms)] if any(t.pattern for t in terms) else rows

    def search(self, query: str = "", **filters: Any) -> list[Hit]:
        """The hits of `find` (same keyword arguments) without the word-by-word fallback."""
        return self.find(query, **filters, fallback=False).hits

    def find(self, query: str = "", *, function: str | None = None, genre: str | None = None,
             topic: str | None = None, limit: int = 20, exclude: set[str] | None = None,
             slots_within: set[str] | None = None, prefer_topics: tuple[str, ...] = (),
             kinds: tuple[str, ...] | None = None, topics: tuple[str, ...] = (), genres: tuple[str, ...] = (),
             fallback: bool = True) -> Found:
        """Entries containing every word of `query`, best fit first; with `fallback`, a query
        that finds nothing is tried word by word (entries with more of its words first)."""
        terms = parse_query(query)
        filters = {"function": function, "genre": genre, "topic": topic, "kinds": kinds, "topics": topics,
                   "genres": genres}
        ask = Ask(tuple(terms), function, topic, tuple(prefer_topics))
        rows = self._candidates(terms, **filters)
        used: list[str] = []
        bonus: dict[int, float] = {}
        if not rows and fallback and terms:
            used = parts(query)
            seen: dict[int, tuple] = {}
            for word in used:
                for r in self._candidates(parse_query(word), **filters):
                    seen.setdefault(r[8], r)
                    bonus[r[8]] = bonus.get(r[8], 0.0) + 3.0
            rows = list(seen.values())
            used = [w for w in used if any(w in r[1] for r in rows)]
        scored = []
        for r in rows:
            if exclude and r[0] in exclude:
                continue
            if slots_within is not None and r[7] and not set(r[7].split(",")) <= slots_within:
                continue
            scored.append((-(fit(r[1], r[3], r[4], r[5] or 1, r[6], ask) + bonus.get(r[8], 0.0)), r[0], r[8]))
        scored.sort()
        return Found(self._hits([s[2] for s in scored[:max(limit, 0)]]), used if rows else [])

    def list(self, function: str | None = None) -> list[Hit]:
        sql = "select rowid from entries"
        args: list[Any] = []
        if function:
            sql += " where rowid in (select rowid from fn where function = ?)"
            args.append(function)
        return self._hits([r[0] for r in self._query(sql + " order by id", args)])
