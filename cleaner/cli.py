"""The ``cleaner`` command: a thin layer over the library.

Exit codes:
  0    every page was cleaned
  1    some pages (or JSON lines) failed: each failure is on stderr and, with -o, in
       OUTDIR/errors.jsonl; the others were written
  2    usage or input error (bad option, missing or unreadable single input, bad rule file,
       an output folder that would overwrite the input)
  130  interrupted (Ctrl-C); finished pages are complete, no file is half written
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path

from . import __version__
from .errors import CleanerError, InputError
from .io import read_page, write_atomic
from .outpaths import inside
from .pagefolder import error_row, folder_row
from .pipeline import clean
from .reports.changes import changes_jsonl, explain
from .reports.pagejson import article_text, dumps, page_dict
from .rules import load_rules

EPILOG = """\
exit codes:
  0    success
  1    some pages failed; the rest were written (see stderr and OUTDIR/errors.jsonl)
  2    usage error, missing, unreadable or undecodable input, a bad rule file, or an
       output folder that would overwrite the input
  130  interrupted; finished pages are complete, no output file is half written

examples:
  cleaner clean samples/kjrb-yuanqu-page.txt -o out/
  cleaner clean page.txt --format json > page.json
  cat page.txt | cleaner clean - --format text
  cleaner clean pages/ -o out/ --jobs 4 --resume
  cleaner clean shard-*.jsonl.gz --format jsonl > articles.jsonl
  zcat pages.jsonl.gz | cleaner clean - --input-format jsonl --per page -o out/
  cleaner explain page.txt
  cleaner rules
"""

CLEAN_DESCRIPTION = """\
Clean one or more pages.

Without -o, one text page is printed to stdout in --format (json, the default: page JSON v1;
text; changes), or any number of pages as JSON Lines (--format jsonl).
With -o OUTDIR, each text page gets a folder OUTDIR/<page>/ (article files, changes.jsonl,
report.diff, report.html, and page.json, written last: a folder with page.json is complete);
a directory is searched for *.txt recursively and its sub-folders are kept. With --format
jsonl and -o, each JSON Lines input becomes OUTDIR/<name>.jsonl (text pages all go to
OUTDIR/articles.jsonl, or OUTDIR/pages.jsonl with --per page).

JSON Lines (--input-format jsonl, or files named *.jsonl, *.jsonl.gz, *.ndjson): one page
per line, its text in --text-field, its id in --id-field, gzip recognised on any input
including stdin. The output has one line per article (--per article: id, article (0-based),
title, subtitle, kicker, byline, dateline, text (body paragraphs joined by a blank line),
pullquotes, captions, confidence, then the page's other fields; a field the cleaner also
writes is kept as input_<name>) or one page JSON v1 per line (--per page).

A bad page or line never stops a run: it is reported on stderr and in OUTDIR/errors.jsonl,
the rest is written, and the exit code is 1. Every file is written atomically. Pages run in
--jobs worker processes; the output is in input order whatever the number of jobs.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own errors: same form as ours, exit code 2
        self.print_usage(sys.stderr)
        raise SystemExit(_fail(message))


#: between articles in ``--format text``: a line no article holds
ARTICLE_SEPARATOR = "\n" + "=" * 40 + "\n\n"


def _fail(message: str) -> int:
    print(f"cleaner: error: {message}", file=sys.stderr)
    return 2


def _whole(value: str, least: int, what: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < least:
        raise argparse.ArgumentTypeError(what)
    return n


def _jobs(value: str) -> int:
    return _whole(value, 0, "must be 0 (all cores) or more")


def _count(value: str) -> int:
    return _whole(value, 0, f"must be 0 or more: {value}")


def _positive(value: str) -> int:
    return _whole(value, 1, f"must be at least 1: {value}")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", action="append", metavar="FILE_OR_DIR",
                   help="rule file or directory layered over the shipped rules (repeatable)")
    p.add_argument("--convert", choices=("auto", "t2s", "none"), default="auto",
                   help="Traditional → Simplified: 'auto' converts only text detected as "
                        "Traditional (default), 't2s' converts everything, 'none' nothing")
    p.add_argument("--extractor", "--source", choices=("auto", "pdfminer", "pdftotext", "layout", "pymupdf", "ocr", "plain"),
                   default="auto",
                   help="what made the text: 'auto' (default) reads columns printed side by side "
                        "(pdftotext -layout) where the page shows them, columns read across line by "
                        "line (pdfminer.six, pdftotext) in text that ends its pages with a form feed, "
                        "as those two do, where the decoded columns hold steady, and repairs OCR "
                        "output where the text shows it is OCR; 'layout' always looks for the first, "
                        "'pdfminer' and 'pdftotext' for the second (form feed or not), 'ocr' always "
                        "repairs OCR output; 'plain' and 'pymupdf' do none of these")
    p.add_argument("--pages", dest="pdf_pages", metavar="LIST",
                   help="PDF input: the pages to read, e.g. 1-3,5 (default: every page)")
    p.add_argument("--encoding", default="auto",
                   help="input encoding; 'auto' (default) tries UTF-8, UTF-16 (BOM), GB18030, Big5")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="undecodable bytes: 'strict' refuses the file (default), 'replace' "
                        "substitutes U+FFFD")


def _page_sources(p: argparse.ArgumentParser) -> None:
    """The options that say how to read pages that may come as JSON Lines."""
    p.add_argument("--input-format", choices=("auto", "text", "jsonl"), default="auto",
                   help="'auto' (default): *.jsonl, *.jsonl.gz, *.ndjson are JSON Lines, anything else "
                        "a page of text")
    p.add_argument("--text-field", default="text", metavar="NAME", help="JSON Lines text field (default: text)")
    p.add_argument("--id-field", default="id", metavar="NAME", help="JSON Lines id field (default: id)")


def _each_page(args):
    """``(name, text)`` for every page the arguments name, JSON Lines records included; a
    record that cannot be used is reported (``cleaner: error: …``) and yields ``(name, None)``."""
    from .jsonl import RecordError, is_jsonl_name, read_records

    for p in _expand_any(args.pages, args.input_format):
        if args.input_format == "jsonl" or (args.input_format == "auto" and is_jsonl_name(p)):
            for rec in read_records(p, args.text_field, args.id_field or None):
                if isinstance(rec, RecordError):
                    print(f"cleaner: error: {rec}", file=sys.stderr)
                    yield str(rec).split(": ")[0], None
                    continue
                yield str(rec.id), rec.text
            continue
        text, _ = read_page(p, args.encoding, args.errors)
        yield (_page_name(p) if p == "-" else p), text


def _expand_any(pages: list[str], input_format: str) -> list[str]:
    from .jsonl import is_jsonl_name

    out = []
    for p in pages:
        path = Path(p)
        if p != "-" and path.is_dir():
            if input_format == "jsonl":
                found = sorted(str(x) for x in path.rglob("*") if x.is_file() and is_jsonl_name(x.name))
            else:
                found = sorted(str(x) for x in path.rglob("*") if x.is_file() and x.suffix.lower() in (".txt", ".pdf"))
            if not found:
                raise InputError(f"{p}: no pages in this directory")
            out.extend(found)
        else:
            out.append(p)
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleaner",
        description="Turn raw text extracted from newspaper pages into clean per-article text, "
                    "a page JSON and a record of every change.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("clean", help="clean pages", epilog=EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description=CLEAN_DESCRIPTION)
    c.add_argument("pages", nargs="+", metavar="PAGE",
                   help="page text files, directories, JSON Lines files, or - for stdin")
    c.add_argument("-o", "--output", metavar="OUTDIR", help="write here: a folder per page, or JSON Lines files with --format jsonl")
    c.add_argument("--format", choices=("json", "text", "changes", "jsonl"), default=None,
                   help="stdout format without -o: page JSON v1 (default), article text, the "
                        "change log as JSON lines, or jsonl (any number of pages, one JSON line "
                        "per article or page; the default for JSON Lines input)")
    c.add_argument("--input-format", choices=("auto", "text", "jsonl"), default="auto",
                   help="'auto' (default): *.jsonl, *.jsonl.gz, *.ndjson files are JSON Lines, "
                        "anything else (stdin too) a page of text; a directory is searched for "
                        "*.txt, or for JSON Lines files with --input-format jsonl")
    c.add_argument("--per", choices=("article", "page"), default=None,
                   help="with --format jsonl: one line per article (default) or one page JSON "
                        "v1 per page")
    c.add_argument("--text-field", default="text", metavar="NAME",
                   help="JSON Lines field holding the page text (default: text)")
    c.add_argument("--reports", choices=("all", "diff", "none"), default="all",
                   help="with -o, page folders: beside the article files and page.json, write "
                        "changes.jsonl, report.diff and report.html (all, the default), the first two "
                        "(diff), or none (the HTML report costs more than the cleaning)")
    c.add_argument("--page-timeout", type=float, default=120.0, metavar="SECONDS",
                   help="a page that takes longer (default 120 s) is that page's error and the run "
                        "goes on; 0: no limit")
    c.add_argument("--max-line-bytes", type=_positive, default=64 << 20, metavar="N",
                   help="JSON Lines: a line longer than N bytes (default 64 MiB) is reported and "
                        "skipped, never held in memory")
    c.add_argument("--id-field", default="id", metavar="NAME",
                   help="JSON Lines field holding the page id (default: id; '' numbers pages "
                        "as FILE:LINE)")
    c.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                   help="worker processes (default 0: all cores; 1 runs in this process)")
    c.add_argument("--resume", action="store_true",
                   help="with -o: skip pages whose folder is complete (has page.json) and JSON "
                        "Lines inputs whose OUTDIR/<name>.jsonl exists")
    c.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar and no summary line on stderr (errors still)")
    _common(c)

    e = sub.add_parser("explain", help="list every change as PAGE:LINE:COL: RULE message")
    e.add_argument("pages", nargs="+", metavar="PAGE", help="text pages, directories, JSON Lines files, or -")
    e.add_argument("--safe-only", action="store_true", help="list only changes labelled safe")
    e.add_argument("--review-only", action="store_true", help="list only changes labelled review")
    e.add_argument("--rule", action="append", metavar="PREFIX",
                   help="list only changes of rules whose id starts with PREFIX (J, A003; repeatable)")
    _page_sources(e)
    _common(e)

    k = sub.add_parser("check", help="check that cleaning a page loses and invents nothing")
    k.add_argument("pages", nargs="+", metavar="PAGE", help="text pages, directories, JSON Lines files, or -")
    k.add_argument("--conservation", action="store_true", default=True,
                   help="every input character reaches an article, dropped, or a recorded change (default)")
    _page_sources(k)
    _common(k)

    h = sub.add_parser("report", help="write the side-by-side HTML report of one page")
    h.add_argument("page", metavar="PAGE")
    h.add_argument("-o", "--output", metavar="FILE", required=True, help="HTML file to write")
    _common(h)

    y = sub.add_parser("synth", help="typeset stories into synthetic raw pages with exact gold",
                       description="Typeset stories (JSON Lines: title, subtitle, kicker, blocks with "
                                   "'## ' subheads, captions) into raw extractor-like pages: "
                                   "DIR/NAME.txt, DIR/NAME.gold.json (page JSON v1) and DIR/pages.json. "
                                   "Train on them with 'cleaner train', score with the benchmark scorer.")
    y.add_argument("stories", nargs="+", metavar="STORIES", help="JSON Lines (or JSON list) files of stories")
    y.add_argument("-o", "--output", metavar="DIR", required=True, help="folder to write the pages into")
    y.add_argument("--pages", type=_positive, default=100, metavar="N", help="how many pages (default 100)")
    y.add_argument("--seed", type=int, default=0, metavar="S",
                   help="random seed: the same seed writes the same pages (default 0)")
    y.add_argument("--prefix", default="s", metavar="P", help="page names are P0000, P0001, … (default s)")
    y.add_argument("--conventions", metavar="FILE_OR_DIR",
                   help="the catalogue of printed forms (datelines, bylines, credits, furniture) to draw "
                        "from, *.toml [[form]] tables as in rules/conventions (default: the shipped one)")
    y.add_argument("--papers", metavar="LIST",
                   help="comma-separated papers of the catalogue to draw forms from (default: all; a kind "
                        "none of them prints is drawn from the whole catalogue)")
    y.add_argument("--style", choices=("text", "ocr"), default="text",
                   help="'text': what a PDF extractor reads (default); 'ocr': what Tesseract reads off the "
                        "printed page: look-alike characters, dropped and stray characters, half-width and "
                        "misread marks, blank lines around blocks and at column breaks, headlines read once "
                        "or in pieces, junk lines from pictures (rates measured on real OCR output: "
                        "cleaner/synth/ocr_noise.json); the gold is the same exact gold")
    y.add_argument("--ocr-share", type=float, metavar="F",
                   help="the share (0-1) of pages in the OCR style, the rest plain text (default: 0, or 1 "
                        "with --style ocr); a plain page of a mixed run is the plain run's page")
    y.add_argument("--ocr-noise", metavar="FILE",
                   help="rates of the OCR style, as benchmarks/ocr_noise.py writes them (default: the "
                        "shipped cleaner/synth/ocr_noise.json)")

    t = sub.add_parser("train", help="fit the cue weights of the rule files on gold pages",
                       description="Fit the numeric weights of the rejoin, label and assemble rules on "
                                   "gold pages (folders of NAME.txt + NAME.gold.json, as 'cleaner synth' "
                                   "writes them) by coordinate search on the benchmark metrics; print "
                                   "train and validation figures before and after; write the fitted "
                                   "weights as rule files to layer with --rules.")
    t.add_argument("gold", nargs="+", metavar="GOLD_DIR", help="folders of training pages")
    t.add_argument("-o", "--output", metavar="DIR", required=True,
                   help="folder for the fitted weights (one <stage>.toml per stage changed)")
    t.add_argument("--validation", action="append", metavar="GOLD_DIR",
                   help="folder of validation pages, scored before and after (repeatable)")
    t.add_argument("--rounds", type=_count, default=2, metavar="N",
                   help="passes over the weights (default 2; 0: only calibrate the confidence)")
    t.add_argument("--no-calibrate", action="store_true",
                   help="leave the confidence coefficients as they are (default: with --validation, "
                        "calibrate them on the validation pages)")
    t.add_argument("--stages", metavar="LIST", help="comma-separated stages to fit (default rejoin,label,assemble)")
    t.add_argument("--only", metavar="LIST", help="comma-separated rule ids or RULE.key weights to fit")
    t.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N", help="worker processes (default: all cores)")
    t.add_argument("--rules", action="append", metavar="FILE_OR_DIR", help="start from these rules layered on the shipped ones")

    r = sub.add_parser("rules", help="list the rules with their summaries")
    r.add_argument("--rules", action="append", metavar="FILE_OR_DIR")
    r.add_argument("--verbose", "-v", action="store_true",
                   help="also print why and parameters, and the conventions catalogue: every form with "
                        "its paper, kind, the label the cleaner gives it, an example and its source")
    r.add_argument("--conventions", metavar="FILE_OR_DIR", help="list this catalogue (default: the shipped one)")
    return parser


def _page_name(path: str) -> str:
    return "stdin.txt" if path == "-" else Path(path).name


# --------------------------------------------------------------------------------------
# Inputs: what to read, as what, and the name of its output.

def _inputs(pages: list[str], input_format: str) -> list[tuple[str, str, str]]:
    """``(path, 'text'|'jsonl', key)`` for every input, directories expanded (sorted).

    ``key`` names the output: the page folder (``OUTDIR/<key>/``) or the JSON Lines shard
    (``OUTDIR/<key>.jsonl``); inside a directory it keeps the sub-folders.
    """
    from .jsonl import SUFFIXES, is_jsonl_name, shard_name
    from .outpaths import safe_name

    out = []
    stdin = 0
    for p in pages:
        if p == "-":
            stdin += 1
            kind = "jsonl" if input_format == "jsonl" else "text"
            out.append((p, kind, "stdin"))
            continue
        path = Path(p)
        if path.is_dir():
            if input_format == "jsonl":
                found = sorted(x for x in path.rglob("*") if x.is_file() and is_jsonl_name(x.name))
                what = "JSON Lines files (" + ", ".join(f"*{s}" for s in SUFFIXES) + ")"
            else:
                found = sorted(x for x in path.rglob("*") if x.is_file() and x.suffix.lower() in (".txt", ".pdf"))
                what = "*.txt pages or *.pdf files"
            if not found:
                hint = "" if input_format == "jsonl" or not any(
                    is_jsonl_name(x.name) for x in path.rglob("*")) else " (for JSON Lines use --input-format jsonl)"
                raise InputError(f"{p}: no {what} in this directory{hint}")
            for x in found:
                rel = x.relative_to(path)
                key = (rel.parent / shard_name(rel.name)).as_posix() if input_format == "jsonl" \
                    else rel.with_suffix("").as_posix()
                out.append((str(x), "jsonl" if input_format == "jsonl" else "text", safe_name(key)))
            continue
        if not path.exists():
            raise InputError(f"{p}: no such file")
        jsonl = input_format == "jsonl" or (input_format == "auto" and is_jsonl_name(p))
        out.append((p, "jsonl" if jsonl else "text", safe_name(shard_name(p) if jsonl else path.stem)))
    if stdin > 1:
        raise InputError("- (stdin) can be given only once")
    if len({kind for _, kind, _ in out}) > 1:
        raise InputError("JSON Lines and text pages cannot be mixed in one run")
    return out


def _check_output(outdir: Path, pages: list[str], inputs: list[tuple[str, str, str]]) -> None:
    """Refuse an output folder that would overwrite, or later re-read, the input."""
    if outdir.exists() and not outdir.is_dir():
        raise InputError(f"{outdir}: the output exists and is not a folder")
    out = outdir.resolve()
    for p in pages:
        if p == "-":
            continue
        src = Path(p).resolve()
        if out == src:
            raise InputError(f"{p}: the output folder is the input; refusing to overwrite the input")
        if src.is_dir() and out.is_relative_to(src):
            raise InputError(f"{outdir}: the output folder is inside the input folder {p}; refusing to "
                             f"overwrite the input (and a re-run would read the output as input)")
        if out in src.parents:
            raise InputError(f"{p}: the input is inside the output folder {outdir}; refusing to "
                             f"overwrite the input")


def _key_problems(inputs: list[tuple[str, str, str]]) -> dict[int, str]:
    """Input index → why its output name is unsafe or taken (an error for that page only)."""
    from .outpaths import check_keys

    problems = check_keys([key for _, _, key in inputs])
    return {n: f"{inputs[n][0]}: {why}; rename the input" for n, why in problems.items()}


# --------------------------------------------------------------------------------------
# Page folders.

def _run_folders(inputs, args, job, jobs: int) -> int:
    from .batch import ErrorLog, Progress, Task, Totals, init_worker, ordered_map, run_task

    outdir = Path(args.output)
    from .batch import is_pdf_path

    single = len(inputs) == 1
    pdf_in = any(is_pdf_path(path) for path, _, _ in inputs)
    totals = Totals()
    rows: dict[int, dict] = {}
    tasks = []
    problems = _key_problems(inputs)
    for n, (path, _, key) in enumerate(inputs):
        if n in problems:
            tasks.append((n, Task(path, key=key, fail=problems[n])))
            continue
        if args.resume and (outdir / key / "page.json").exists():
            row = folder_row(outdir / key, path, key)
            if row is not None:
                rows[n] = row
                totals.skipped += 1
                continue
        tasks.append((n, Task(path, key=key)))
    progress = Progress(enabled=None if not args.quiet else False, total=len(tasks))
    log = ErrorLog(outdir, progress)
    jobs = max(1, min(jobs, len(tasks)))
    results = ordered_map(run_task, (t for _, t in tasks), jobs, init_worker, (job,))
    complete = False
    try:
        for (n, task), done in zip(tasks, results):  # results come in input order
            if done.error:
                if single:
                    progress.clear()
                    if done.error["kind"] == "bug":  # a traceback helps whoever fixes it
                        print(done.error["traceback"], file=sys.stderr, end="")
                        print(f"cleaner: error: {done.error['message']}", file=sys.stderr)
                        return 1
                    return _fail(done.error["message"])
                totals.failed += 1
                log.add(done.error)
                rows[n] = error_row(task.path, task.key, done.error["message"])
            else:
                totals.counts += done.counts
                rows[n] = done.row
            progress.update(failed=bool(done.error))
        complete = True
    finally:
        results.close()
        progress.clear()
        log.close(complete)
    if len(inputs) > 1 or pdf_in:  # (a PDF may hold several pages)
        from .reports.html import index_report

        flat = [r for n in sorted(rows) for r in (rows[n] if isinstance(rows[n], list) else [rows[n]])]
        write_atomic(outdir / "index.html", index_report(flat))
    if not args.quiet:
        print(totals.line(str(outdir)), file=sys.stderr)
    return 1 if totals.failed else 0


# --------------------------------------------------------------------------------------
# JSON Lines out (from JSON Lines or text pages).

class _Shards:
    """Where JSON Lines output goes: stdout, or OUTDIR/<key>.jsonl per input shard, each
    written to a temporary file and renamed when the shard is finished (never half a file)."""

    def __init__(self, outdir: Path | None, keys: list[str], skip: frozenset = frozenset()):
        self.outdir = outdir
        self.keys = keys
        self.skip = skip  # shards whose output name is unsafe: no file at all
        self.current = -1
        self.fh = None
        self.tmp = None
        self.stdout = sys.stdout.buffer if outdir is None else None

    def path(self, k: int) -> Path:
        return self.outdir / f"{self.keys[k]}.jsonl"

    def write(self, shard: int, data: bytes) -> None:
        if self.stdout is not None:
            self.stdout.write(data)
            return
        self.advance(shard)
        self.fh.write(data)

    def advance(self, shard: int) -> None:
        """Finish every shard before ``shard`` (an empty input still gets its file)."""
        if self.stdout is not None:
            return
        while self.current < shard:
            self._finish()
            self.current += 1
            if self.current < len(self.keys) and self.current not in self.skip:
                final = inside(self.outdir, self.path(self.current))
                final.parent.mkdir(parents=True, exist_ok=True)
                for stale in final.parent.glob(f".{glob.escape(final.name)}.*.tmp"):
                    stale.unlink(missing_ok=True)  # a killed run's partial shard
                self.tmp = final.parent / f".{final.name}.{os.getpid()}.tmp"
                self.fh = open(self.tmp, "wb")

    def _finish(self) -> None:
        if self.fh is not None:
            self.fh.close()
            os.replace(self.tmp, self.path(self.current))
            self.fh = None

    def close(self, complete: bool) -> None:
        if self.stdout is not None:
            self.stdout.flush()
            return
        if complete:
            self.advance(len(self.keys))
        elif self.fh is not None:
            self.fh.close()
            self.fh = None
            self.tmp.unlink(missing_ok=True)


def _run_jsonl(inputs, args, job, jobs: int) -> int:
    from .batch import ErrorLog, Progress, Task, Totals, init_worker, ordered_map, run_task
    from .jsonl import LineSource
    from .outpaths import check_keys

    outdir = Path(args.output) if args.output else None
    totals = Totals()
    if inputs[0][1] == "text":  # text pages: one shard
        shards = [("pages" if args.per == "page" else "articles", [p for p, _, _ in inputs])]
    else:
        shards = [(key, [p]) for p, _, key in inputs]
    if args.resume and outdir is not None:
        kept = [(k, ps) for k, ps in shards if not (outdir / f"{k}.jsonl").exists()]
        totals.skipped = len(shards) - len(kept)
        shards = kept
    sources: list[LineSource] = []
    bad = {} if outdir is None or inputs[0][1] == "text" else \
        {n: f"{shards[n][1][0]}: {why}; rename the input" for n, why in check_keys([k for k, _ in shards]).items()}

    def tasks():
        for s, (_, paths) in enumerate(shards):
            for p in paths:
                if s in bad:
                    yield Task(p, shard=s, fail=bad[s])
                    continue
                if inputs[0][1] == "text":
                    yield Task(p, shard=s)
                    continue
                src = LineSource(p, args.max_line_bytes)
                sources.append(src)
                n = 0
                try:
                    for n, line in src:
                        if isinstance(line, CleanerError):  # a line too long to read
                            yield Task(p, n, shard=s, fail=str(line))
                            continue
                        yield Task(p, n, line, shard=s)
                except CleanerError as exc:  # unreadable file or broken gzip: next shard
                    yield Task(p, n + 1, shard=s, fail=str(exc))

    def fraction():
        total = sum(s.size or 0 for s in sources)
        unknown = any(s.size is None for s in sources) or len(sources) < len(shards)
        return None if unknown or not total else sum(s.bytes_read for s in sources) / total

    text_total = len(inputs) if inputs[0][1] == "text" else None
    progress = Progress(enabled=None if not args.quiet else False, total=text_total, fraction=fraction)
    log = ErrorLog(outdir, progress)
    sink = _Shards(outdir, [k for k, _ in shards], frozenset(bad))
    if text_total is not None:
        jobs = max(1, min(jobs, text_total))
    results = ordered_map(run_task, tasks(), jobs, init_worker, (job,), size=lambda t: t.size)
    complete = False
    try:
        for done in results:
            if done.error:
                totals.failed += 1
                log.add(done.error)
                sink.advance(done.task.shard)
            else:
                totals.counts += done.counts
                if done.out:
                    sink.write(done.task.shard, done.out)
                else:
                    sink.advance(done.task.shard)
            progress.update(failed=bool(done.error))
        complete = True
    finally:
        results.close()
        progress.clear()
        sink.close(complete)
        log.close(complete)
    if not args.quiet:
        print(totals.line(str(outdir) if outdir else "stdout"), file=sys.stderr)
    return 1 if totals.failed else 0


def _one_page(path: str, args, rules):
    """The one page a command without -o cleans: a text page, or a PDF of one page (or one
    chosen with --pages)."""
    return _one_numbered_page(path, args, rules)[1]


def _one_numbered_page(path: str, args, rules):
    """``(PDF page number or None, cleaned page)`` of :func:`_one_page`."""
    from .batch import is_pdf_path

    if is_pdf_path(path):
        from .pdf import clean_pdf

        pages = clean_pdf(path, rules=rules, pages=args.pdf_pages, convert=args.convert)
        got = next(pages, None)
        if next(pages, None) is not None:
            raise InputError(f"{path}: several pages: give -o OUTDIR (a folder per page), "
                             f"--format jsonl, or choose one with --pages N")
        if got is None:
            raise InputError(f"{path}: no pages")
        return got
    text, _ = read_page(path, args.encoding, args.errors)
    return None, clean(text, name=_page_name(path), rules=rules, convert=args.convert, extractor=args.extractor)


def _cmd_clean(args) -> int:
    from .batch import Job, default_jobs

    inputs = _inputs(args.pages, args.input_format)
    is_jsonl = inputs[0][1] == "jsonl"
    fmt = args.format or ("jsonl" if is_jsonl else "json")
    if is_jsonl and fmt != "jsonl":
        return _fail(f"JSON Lines input gives JSON Lines output, not --format {fmt} "
                     f"(use --per page for one page JSON v1 per line)")
    if args.per and fmt != "jsonl":
        return _fail("--per goes with --format jsonl")
    if args.resume and not args.output:
        return _fail("--resume needs -o OUTDIR")
    rules = load_rules(args.rules)
    jobs = args.jobs or default_jobs()
    if not args.output and fmt != "jsonl":
        if len(inputs) != 1:
            return _fail("several pages need -o OUTDIR (or --format jsonl for JSON Lines on stdout)")
        page = _one_page(inputs[0][0], args, rules)
        if fmt == "json":
            sys.stdout.write(dumps(page_dict(page)))
        elif fmt == "text":
            sys.stdout.write(ARTICLE_SEPARATOR.join(article_text(a) for a in page.articles))
        else:
            sys.stdout.write(changes_jsonl(page))
        return 0
    if args.output:
        _check_output(Path(args.output), args.pages,
                      inputs if fmt != "jsonl" or is_jsonl else [])
    job = Job(rules=rules, options=(("convert", args.convert), ("extractor", args.extractor)),
              mode="folder" if fmt != "jsonl" else (args.per or "article"),
              outdir=args.output, encoding=args.encoding, errors=args.errors,
              text_field=args.text_field, id_field=args.id_field or None, reports=args.reports,
              page_timeout=max(0.0, args.page_timeout), pdf_pages=args.pdf_pages)
    if fmt == "jsonl":
        return _run_jsonl(inputs, args, job, jobs)
    return _run_folders(inputs, args, job, jobs)


def _cleaned_pages(args, failed: list):
    """Every page the arguments name, cleaned (``_each_page``); a page that could not be read
    is counted in ``failed`` (a one-element list) and skipped."""
    from .batch import is_pdf_path
    from .pdf import clean_pdf

    rules = load_rules(args.rules)
    for p in _expand_any(args.pages, args.input_format):
        if is_pdf_path(p):
            for number, page in clean_pdf(p, rules=rules, pages=args.pdf_pages, convert=args.convert):
                yield f"{p}:p{number:03d}", page
            continue
        one = argparse.Namespace(**{**vars(args), "pages": [p]})
        for name, text in _each_page(one):
            if text is None:
                failed[0] += 1
                continue
            yield name, clean(text, name=name, rules=rules, convert=args.convert, extractor=args.extractor)


def _cmd_explain(args) -> int:
    if args.safe_only and args.review_only:
        return _fail("--safe-only and --review-only exclude each other")
    failed = [0]
    for _, page in _cleaned_pages(args, failed):
        for row in explain(page, safe_only=args.safe_only, review_only=args.review_only,
                           rules=tuple(args.rule or ())):
            print(row)
    return 1 if failed[0] else 0


def _cmd_check(args) -> int:
    from .conservation import check

    failed = [0]
    bad = 0
    for name, page in _cleaned_pages(args, failed):
        problems = check(page)
        for msg in problems:
            print(f"{name}: {msg}")
        bad += bool(problems)
        if not problems:
            print(f"{name}: ok")
    return 1 if bad or failed[0] else 0


def _cmd_report(args) -> int:
    from .reports.html import page_report

    rules = load_rules(args.rules)
    number, page = _one_numbered_page(args.page, args, rules)
    picture = None
    if number is not None:
        from .pdf.render import page_png

        picture = page_png(args.page, number)
    write_atomic(Path(args.output), page_report(page, picture))
    return 0


def _cmd_rules(args) -> int:
    rules = load_rules(args.rules)
    cat = None
    if args.verbose or args.conventions:  # (read before anything is printed: an error is one line)
        from .conventions import load_conventions

        cat = load_conventions(args.conventions)
    for r in rules.rules:
        state = "" if r.enabled else " (disabled)"
        print(f"{r.id}  {r.name:<28} {r.stage:<9} {r.safety:<6} {r.summary}{state}")
        if args.verbose:
            if r.why:
                print(f"      why: {r.why}")
            for k, v in r.params.items():
                print(f"      {k} = {v!r}")
    if cat is not None:
        print(f"\nconventions: {len(cat.forms)} forms of {len(cat.papers)} papers and agencies "
              f"({', '.join(cat.papers)})")
        for f in cat.forms:
            print(f"{f.id:<44} {f.kind:<14} -> {f.label:<9} {f.paper}  {f.example}")
            if args.verbose:
                print(f"      source: {f.source}" + (f"  ({f.note})" if f.note else ""))
    return 0


def _cmd_synth(args) -> int:
    from .outpaths import key_problem
    from .synth import load_stories, write_pages

    if key_problem(args.prefix) or "/" in args.prefix:
        return _fail(f"--prefix {args.prefix!r}: give a plain name")
    stories = load_stories(args.stories)
    if not stories:
        return _fail("no stories in " + ", ".join(args.stories))
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        return _fail(f"{out}: exists and is not a folder")
    cat = None
    if args.conventions or args.papers:
        from .conventions import load_conventions

        cat = load_conventions(args.conventions)
        if args.papers:
            wanted = [x.strip() for x in args.papers.split(",") if x.strip()]
            unknown = [x for x in wanted if x not in cat.papers]
            if unknown:
                return _fail(f"--papers: no forms of {', '.join(unknown)} in the catalogue "
                             f"(it has {', '.join(cat.papers)})")
            cat = cat.only_papers(wanted)
    share = args.ocr_share if args.ocr_share is not None else (1.0 if args.style == "ocr" else 0.0)
    if not 0.0 <= share <= 1.0:
        return _fail(f"--ocr-share {share}: give a share from 0 to 1")
    noise = None
    if args.ocr_noise:
        from .synth import load_noise

        try:
            noise = load_noise(args.ocr_noise)
        except (OSError, ValueError, KeyError) as exc:
            return _fail(f"--ocr-noise {args.ocr_noise}: {exc}")
    names = write_pages(stories, out, args.pages, args.seed, args.prefix, conventions=cat,
                        ocr_share=share, ocr_noise=noise)
    print(f"cleaner: {len(names)} pages from {len(stories)} stories -> {out}", file=sys.stderr)
    return 0


def _cmd_train(args) -> int:
    from .train import main_train

    return main_train(args)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return {"clean": _cmd_clean, "explain": _cmd_explain, "rules": _cmd_rules, "check": _cmd_check,
                "report": _cmd_report, "synth": _cmd_synth, "train": _cmd_train}[args.command](args)
    except CleanerError as exc:
        return _fail(str(exc))
    except BrokenPipeError:  # `cleaner ... | head`: stop quietly, and quietly at exit too
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except KeyboardInterrupt:
        return 130
