"""A derived SQLite index of a phrase bank, for fast search and lookup.

The YAML files stay the source of truth. The index lives in the user's cache folder, keyed by
the bank's path, and is rebuilt whenever a bank file's size or modification time changes.
Substring search: FTS5 trigrams for queries of three or more characters, a scan for shorter.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wengao.text.slots import slot_names
from wengao.workspace import cache_dir

SCHEMA_VERSION = 3
_COLUMNS = ("id", "text", "function", "kind", "level", "count", "genres", "topics", "first_source",
            "hand", "slots", "entry", "file")


def _fingerprints(bank: Path) -> dict[str, str]:
    """Per bank file: size and modification time. A changed file is re-read, the others not."""
    out = {}
    for p in sorted(bank.glob("*.yaml")):
        st = p.stat()
        out[p.name] = f"{st.st_size}:{st.st_mtime_ns}"
    return out


@dataclass
class Hit:
    id: str
    text: str
    function: str
    source: str
    entry: dict[str, Any]


class BankIndex:
    def __init__(self, bank: Path) -> None:
        self.bank = bank.resolve()
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
            conn = sqlite3.connect(str(path), timeout=30)
            stored = self._stored(conn)
            if stored is None:  # new, or an older layout: start again
                conn.close()
                path.unlink(missing_ok=True)
                conn = sqlite3.connect(str(path), timeout=30)
                self._create(conn)
                stored = {}
            if stored != current:
                self._update(conn, stored, current)
            return conn
        except (OSError, sqlite3.OperationalError):
            conn = sqlite3.connect(":memory:")  # an unwritable cache: index in memory this time
            self._create(conn)
            self._update(conn, {}, current)
            return conn

    @staticmethod
    def _stored(conn: sqlite3.Connection) -> dict[str, str] | None:
        try:
            rows = dict(conn.execute("select key, value from meta"))
        except sqlite3.DatabaseError:
            return None
        if rows.get("schema") != str(SCHEMA_VERSION):
            return None
        return json.loads(rows.get("files", "{}"))

    @staticmethod
    def _create(conn: sqlite3.Connection) -> None:
        conn.executescript(
            """
            create table meta(key text primary key, value text);
            create table entries(rowid integer primary key, id text unique, text text, function text,
                kind text, level integer, count integer, genres text, topics text, first_source text,
                hand integer, slots text, entry text, file text);
            create index entries_function on entries(function);
            create index entries_file on entries(file);
            create virtual table fts using fts5(text, content='entries', content_rowid='rowid',
                tokenize='trigram');
            """
        )
        conn.execute("insert into meta values('schema', ?)", (str(SCHEMA_VERSION),))
        conn.commit()

    def _update(self, conn: sqlite3.Connection, stored: dict[str, str], current: dict[str, str]) -> None:
        """Re-read only the files that changed; one transaction, so readers never see half."""
        from wengao.phrases.bank import load_file

        changed = [name for name in current if stored.get(name) != current[name]]
        gone = [name for name in stored if name not in current]
        with conn:
            for name in changed + gone:
                conn.execute("insert into fts(fts, rowid, text) select 'delete', rowid, text from entries "
                             "where file = ?", (name,))
                conn.execute("delete from entries where file = ?", (name,))
            for name in changed:
                rows = [self._row(e, name) for e in load_file(self.bank / name)]
                conn.executemany(f"insert or replace into entries({','.join(_COLUMNS)}) values "
                                 f"({','.join('?' * len(_COLUMNS))})", rows)
                conn.execute("insert into fts(rowid, text) select rowid, text from entries where file = ?",
                             (name,))
            conn.execute("insert or replace into meta values('files', ?)", (json.dumps(current),))

    @staticmethod
    def _row(e: dict[str, Any], name: str) -> tuple:
        sources = e.get("sources") or []
        return (
            str(e["id"]), str(e["text"]), str(e.get("function", "")), str(e.get("kind", "")),
            e.get("level"), int(e.get("count") or len(sources) or 1),
            "," + ",".join(e.get("genres") or []) + ",", "," + ",".join(e.get("topics") or []) + ",",
            str(sources[0]) if sources else ("hand-written" if e.get("hand") else ""),
            1 if e.get("hand") else 0, ",".join(slot_names(str(e["text"]))),
            json.dumps(e, ensure_ascii=False, default=str), name,
        )

    # -- queries --------------------------------------------------------------------------
    def _hit(self, row: tuple) -> Hit:
        entry = json.loads(row[3])
        return Hit(row[0], row[1], row[2], entry.get("sources", ["hand-written"])[0]
                   if entry.get("sources") else "hand-written", entry)

    def get(self, entry_id: str) -> Hit | None:
        row = self.conn.execute("select id, text, function, entry from entries where id = ?",
                                (entry_id,)).fetchone()
        return self._hit(row) if row else None

    def ids(self, prefix: str = "") -> list[str]:
        return [r[0] for r in self.conn.execute(
            "select id from entries where id like ? order by id", (prefix + "%",))]

    def search(self, query: str = "", *, function: str | None = None, genre: str | None = None,
               topic: str | None = None, limit: int = 20, exclude: set[str] | None = None,
               slots_within: set[str] | None = None) -> list[Hit]:
        where, args = [], []
        query = query.strip()
        if query and len(query) >= 3:
            where.append("e.rowid in (select rowid from fts where fts match ?)")
            args.append('"' + query.replace('"', '""') + '"')
        elif query:
            where.append("instr(e.text, ?) > 0")
            args.append(query)
        if function:
            where.append("e.function = ?")
            args.append(function)
        if genre:
            where.append("e.genres like ?")
            args.append(f"%,{genre},%")
        if topic:
            where.append("e.topics like ?")
            args.append(f"%,{topic},%")
        sql = "select e.id, e.text, e.function, e.entry, e.slots from entries e"
        if where:
            sql += " where " + " and ".join(where)
        # relevance: the query opening the text, then how often the phrase occurs, then brevity
        sql += " order by (instr(e.text, ?) = 1) desc, e.count desc, length(e.text), e.id"
        args.append(query)
        out = []
        for row in self.conn.execute(sql, args):
            if exclude and row[0] in exclude:
                continue
            if slots_within is not None and row[4] and not set(row[4].split(",")) <= slots_within:
                continue
            out.append(self._hit(row))
            if len(out) >= limit:
                break
        return out

    def list(self, function: str | None = None) -> list[Hit]:
        sql = "select id, text, function, entry from entries"
        args: list[Any] = []
        if function:
            sql += " where function = ?"
            args.append(function)
        return [self._hit(r) for r in self.conn.execute(sql + " order by id", args)]
