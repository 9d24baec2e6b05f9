r"""JSON Lines in and out: the shape a corpus pipeline hands pages to the cleaner.

A page arrives as one JSON object per line, its raw text in a field (``text`` by default)
and its id in another (``id``); every other field travels with it unchanged. Input may be
a file, a gzip-compressed file (recognised by its magic bytes, whatever its name) or
standard input (``-``). Reading is a stream: one line in memory at a time.

A bad line never stops a stream. :func:`parse_record` turns one raw line into a
:class:`Record` or raises :class:`RecordError` with a kind and a message a user can act on:

- ``json``: the line is not valid JSON, or not a JSON object;
- ``field``: the text field (or the id field) is missing or not of the right type;
- ``encoding``: the line is not UTF-8, or a string holds an unpaired surrogate
  (``"\ud800"`` is valid JSON but no valid text).

Output, one JSON object per line (``ensure_ascii=False``):

- ``article_records`` (``--per article``, the default): one line per article with the page
  id, ``article`` (0-based index in the page's reading order), ``title``, ``subtitle``,
  ``kicker``, ``byline``, ``dateline``, ``text`` (the body blocks, paragraphs and subheads,
  joined by a blank line, ``"\n\n"``, as in the article text files; the dateline stays at
  the start of the first paragraph, the title is not repeated), ``pullquotes``, ``captions``
  and ``confidence``, then the page's other input fields;
- ``page_record`` (``--per page``): the page JSON v1 (``source``, ``articles``, ``dropped``)
  with the page id first, then the page's other input fields.

An input field whose name the cleaner's output already uses is kept under ``input_<name>``,
so nothing the pipeline passed in is lost.

>>> rec = parse_record('{"id": 7, "text": "标题\\n", "lang": "zh"}'.encode(), "in.jsonl", 1)
>>> rec.id, rec.text, rec.extra
(7, '标题\n', {'lang': 'zh'})
>>> parse_record(b'{"id": 1}', "in.jsonl", 2)
Traceback (most recent call last):
...
cleaner.jsonl.RecordError: in.jsonl:2: no 'text' field
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from .errors import CleanerError, InputError

#: Fields the cleaner writes on each article line, in this order (after the id).
ARTICLE_FIELDS = ("article", "title", "subtitle", "kicker", "byline", "dateline", "text",
                  "pullquotes", "captions", "confidence")
#: Fields of page JSON v1 (after the id).
PAGE_FIELDS = ("source", "articles", "dropped")
#: Suffixes that name a JSON Lines file (``--input-format auto``, directory input).
SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")

_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class RecordError(CleanerError):
    """One line of a JSON Lines stream cannot be used; the stream goes on."""

    def __init__(self, where: str, kind: str, message: str, id=None):
        super().__init__(f"{where}: {message}")
        self.kind = kind
        self.id = id


@dataclass(frozen=True, slots=True)
class Record:
    """One page from a stream: its id, raw text and the fields that travel with it."""

    id: object
    text: str
    extra: dict
    source: str = ""
    line: int = 0


def is_jsonl_name(path: str) -> bool:
    """A file name that says JSON Lines (``pages.jsonl``, ``shard-0001.jsonl.gz``)."""
    return path.lower().endswith(SUFFIXES)


def shard_name(path: str) -> str:
    """``data/shard-0001.jsonl.gz`` → ``shard-0001`` (the name of its output shard)."""
    if path == "-":
        return "stdin"
    name = Path(path).name
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or "stdin"
    return Path(name).stem


class _Counted(io.RawIOBase):
    """A reader that counts the bytes taken from the file underneath (progress and ETA)."""

    def __init__(self, raw: IO[bytes]):
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        n = self.raw.readinto(buf)
        self.count += n or 0
        return n


#: the longest JSON line read (bytes): a longer one is reported and skipped, never held whole
MAX_LINE_BYTES = 64 << 20


class LineSource:
    """The raw lines of one JSON Lines input (``-`` for stdin; gzip recognised by magic).

    Iterating yields ``(line_number, bytes)``; blank lines are skipped but counted. A line
    longer than ``max_line_bytes`` yields ``(line_number, RecordError)`` instead: it is read
    past in chunks, so one endless line (a gzip bomb of zeros) costs no memory.
    ``bytes_read`` and ``size`` (None when unknown, e.g. stdin) drive the progress bar.
    """

    def __init__(self, path: str, max_line_bytes: int = MAX_LINE_BYTES):
        self.max_line_bytes = max_line_bytes
        self.path = path
        self.where = "<stdin>" if path == "-" else path
        self.size = None
        self.bytes_read = 0
        self._counter: _Counted | None = None

    def _open(self) -> IO[bytes]:
        if self.path == "-":
            raw = sys.stdin.buffer
        else:
            try:
                raw = open(self.path, "rb")
                self.size = Path(self.path).stat().st_size
            except IsADirectoryError:
                raise InputError(f"{self.where}: is a directory") from None
            except FileNotFoundError:
                raise InputError(f"{self.where}: no such file") from None
            except PermissionError:
                raise InputError(f"{self.where}: permission denied") from None
            except OSError as exc:
                raise InputError(f"{self.where}: cannot read: {exc.strerror}") from None
        self._counter = _Counted(raw)
        buffered = io.BufferedReader(self._counter, buffer_size=1 << 16)
        self._closers = [buffered] + ([raw] if self.path != "-" else [])
        if buffered.peek(2)[:2] == b"\x1f\x8b":
            unzipped = gzip.GzipFile(fileobj=buffered, mode="rb")
            self._closers.insert(0, unzipped)
            return unzipped
        return buffered

    def __iter__(self) -> Iterator[tuple[int, bytes]]:
        self._closers = []
        try:
            fh = self._open()
            n = 0
            limit = self.max_line_bytes
            while True:
                try:
                    line = fh.readline(limit + 1)
                    too_long = len(line) > limit and not line.endswith(b"\n")
                    if too_long:  # read past the rest of the line, a chunk at a time
                        while True:
                            rest = fh.readline(1 << 20)
                            if not rest or rest.endswith(b"\n"):
                                break
                except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
                    what = "broken gzip stream" if isinstance(fh, gzip.GzipFile) else "cannot read"
                    raise InputError(f"{self.where}: after line {n}: {what}: {exc}") from None
                if not line:
                    break
                n += 1
                if too_long:
                    self.bytes_read = self._counter.count
                    yield n, RecordError(f"{self.where}:{n}", "input",
                                         f"line longer than {limit} bytes: skipped (see --max-line-bytes)")
                    continue
                self.bytes_read = self._counter.count
                if n == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if line.strip():
                    yield n, line
        finally:
            if self.path != "-":  # a gzip reader leaves its file open: close the chain
                for f in self._closers:
                    f.close()


def _surrogate_in(obj, path: str = ""):
    """(field path, offset, code point) of the first unpaired surrogate in ``obj``, or None."""
    if isinstance(obj, str):
        m = _SURROGATE.search(obj)
        return (path, m.start(), ord(m.group())) if m else None
    if isinstance(obj, dict):
        items = obj.items()
    elif isinstance(obj, list):
        items = ((f"{path}[{i}]", v) for i, v in enumerate(obj))
        for p, v in items:
            hit = _surrogate_in(v, p)
            if hit:
                return hit
        return None
    else:
        return None
    for k, v in items:
        hit = _surrogate_in(k, path) if isinstance(k, str) and _SURROGATE.search(k) else None
        hit = hit or _surrogate_in(v, f"{path}.{k}" if path else k)
        if hit:
            return hit
    return None


def _kind_of(value) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def parse_record(line: bytes, source: str, lineno: int, text_field: str = "text",
                 id_field: str | None = "id") -> Record:
    """One raw JSON line → :class:`Record`, or :class:`RecordError` naming the line.

    With ``id_field`` empty or None the id is ``SOURCE:LINE``.
    """
    where = f"{source}:{lineno}"
    try:
        s = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(where, "encoding", f"not UTF-8 (first bad byte at offset {exc.start})") from None
    try:
        obj = json.loads(s)
    except json.JSONDecodeError as exc:
        raise RecordError(where, "json", f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise RecordError(where, "json", "invalid JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise RecordError(where, "json", f"expected a JSON object, got {_kind_of(obj)}")
    pid = obj.get(id_field) if id_field else where
    if _SURROGATE_ESCAPE.search(line):
        hit = _surrogate_in(obj)
        if hit:
            field, offset, cp = hit
            raise RecordError(where, "encoding",
                              f"unpaired surrogate U+{cp:04X} in field '{field}' at offset {offset}",
                              id=pid if isinstance(pid, (str, int)) else None)
    if id_field:
        if id_field not in obj:
            raise RecordError(where, "field", f"no '{id_field}' field (choose one with --id-field; "
                                              f"--id-field '' numbers pages by line)")
        if not isinstance(pid, (str, int)) or isinstance(pid, bool):
            raise RecordError(where, "field", f"'{id_field}' is {_kind_of(pid)}, not a string or number")
    if text_field not in obj:
        raise RecordError(where, "field", f"no '{text_field}' field", id=pid)
    text = obj[text_field]
    if not isinstance(text, str):
        raise RecordError(where, "field", f"'{text_field}' is {_kind_of(text)}, not a string", id=pid)
    extra = {k: v for k, v in obj.items() if k != text_field and k != id_field}
    return Record(pid, text, extra, source, lineno)


def _merge(head: dict, extra: dict) -> dict:
    """``head`` then ``extra``; an extra key ``head`` already has becomes ``input_<key>``."""
    out = dict(head)
    for k, v in extra.items():
        key = k
        while key in out:
            key = f"input_{key}"
        out[key] = v
    return out


def article_records(page, id, extra: dict | None = None, id_field: str = "id") -> list[dict]:
    """One dict per article of ``page`` (``--per article``), in reading order."""
    out = []
    for n, a in enumerate(page.articles):
        head = {
            id_field: id, "article": n,
            "title": a.title.text if a.title else None,
            "subtitle": a.subtitle.text if a.subtitle else None,
            "kicker": a.kicker.text if a.kicker else None,
            "byline": a.byline.text if a.byline else None,
            "dateline": a.dateline,
            "text": "\n\n".join(b.text for b in a.body),
            "pullquotes": [b.text for b in a.pullquotes],
            "captions": [b.text for b in a.captions],
            "confidence": round(a.confidence, 3),
        }
        out.append(_merge(head, extra or {}))
    return out


def page_record(page, id, extra: dict | None = None, id_field: str = "id") -> dict:
    """The page JSON v1 of ``page`` with its id first (``--per page``)."""
    from .reports.pagejson import page_dict

    return _merge({id_field: id, **page_dict(page)}, extra or {})


def dumps_line(obj: dict) -> str:
    """One JSON Lines line: UTF-8 text, no ASCII escapes, newline-terminated."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


def read_records(path: str, text_field: str = "text", id_field: str | None = "id"
                 ) -> Iterator[Record | RecordError]:
    """Every line of ``path`` as a :class:`Record`, or the :class:`RecordError` it raised."""
    src = LineSource(path)
    for n, line in src:
        if isinstance(line, RecordError):
            yield line
            continue
        try:
            yield parse_record(line, src.where, n, text_field, id_field)
        except RecordError as exc:
            yield exc


def clean_records(records, *, text_field: str = "text", id_field: str = "id", per: str = "article",
                  rules=None, errors: str = "raise", **options) -> Iterator[dict]:
    """Clean a stream of pages for an engine that has its own loop (Dask, Ray, Hugging Face
    ``datasets``, a plain generator): dicts with ``text_field``/``id_field`` (other keys pass
    through) or ``(id, text)`` pairs in, the same dicts as ``--format jsonl`` out.

    ``errors="raise"`` stops at the first bad page (:class:`~cleaner.CleanerError`);
    ``errors="record"`` yields ``{id_field: id, "error": "kind: message"}`` for it instead
    and goes on. Heavy objects are per process: nothing here needs to be shipped.

    >>> [r["title"] for r in clean_records([("p1", "科技日报讯 近日，北京启动建设。\\n\\n北京启动科技园区建设\\n")])]
    ['北京启动科技园区建设']
    """
    import traceback

    from .pipeline import clean
    from .rules import default_rules

    if per not in ("article", "page"):
        raise ValueError(f"per must be 'article' or 'page', not {per!r}")
    if errors not in ("raise", "record"):
        raise ValueError(f"errors must be 'raise' or 'record', not {errors!r}")
    rules = rules or default_rules()
    if options:
        rules = rules.with_options(**options)
    for rec in records:
        if isinstance(rec, dict):
            pid, text = rec.get(id_field), rec.get(text_field)
            extra = {k: v for k, v in rec.items() if k != text_field and k != id_field}
        else:
            pid, text = rec
            extra = {}
        try:
            if not isinstance(text, str):
                raise InputError(f"page {pid}: '{text_field}' is {_kind_of(text)}, not a string")
            page = clean(text, name=str(pid), rules=rules)
        except Exception as exc:  # noqa: BLE001 - reported per page when asked to
            if errors == "raise":
                raise
            kind = exc.kind if isinstance(exc, CleanerError) else "bug"
            if kind == "bug":
                traceback.print_exc()
            yield {id_field: pid, "error": f"{kind}: {exc}"}
            continue
        if per == "page":
            yield page_record(page, pid, extra, id_field)
        else:
            yield from article_records(page, pid, extra, id_field)
