"""The ``cleaner`` command: a thin layer over the library.

Exit codes:
  0  every page was cleaned
  1  some pages failed (each failure is on stderr and in OUTDIR/errors.jsonl); the others
     were written
  2  usage or input error (bad option, unreadable or undecodable single input, bad rule file)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from . import __version__
from .errors import CleanerError, InputError
from .io import read_page, write_atomic
from .pipeline import clean
from .reports.changes import changes_jsonl, explain, summary, unified_diff
from .reports.pagejson import article_filename, article_text, dumps, page_dict
from .rules import load_rules

EPILOG = """\
exit codes:
  0  success
  1  some pages failed; the rest were written (see stderr and OUTDIR/errors.jsonl)
  2  usage error, unreadable or undecodable input, or a bad rule file

examples:
  cleaner clean samples/kjrb-yuanqu-page.txt -o out/
  cleaner clean page.txt --format json > page.json
  cat page.txt | cleaner clean - --format text
  cleaner explain page.txt
  cleaner rules
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own errors: same form as ours, exit code 2
        self.print_usage(sys.stderr)
        raise SystemExit(_fail(message))


def _fail(message: str) -> int:
    print(f"cleaner: error: {message}", file=sys.stderr)
    return 2


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", action="append", metavar="FILE_OR_DIR",
                   help="rule file or directory layered over the shipped rules (repeatable)")
    p.add_argument("--convert", choices=("auto", "t2s", "none"), default="auto",
                   help="Traditional → Simplified: 'auto' converts only text detected as "
                        "Traditional (default), 't2s' converts everything, 'none' nothing")
    p.add_argument("--encoding", default="auto",
                   help="input encoding; 'auto' (default) tries UTF-8, UTF-16 (BOM), GB18030, Big5")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="undecodable bytes: 'strict' refuses the file (default), 'replace' "
                        "substitutes U+FFFD")


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
                       description="Clean one or more pages. With -o, write OUTDIR/<page>/ per page "
                                   "(article files, page.json, changes.jsonl, report.diff); "
                                   "otherwise print one page to stdout in --format.")
    c.add_argument("pages", nargs="+", metavar="PAGE", help="page text files, directories, or - for stdin")
    c.add_argument("-o", "--output", metavar="OUTDIR", help="write per-page output folders here")
    c.add_argument("--format", choices=("json", "text", "changes"), default="json",
                   help="stdout format without -o: page JSON v1 (default), article text, or the "
                        "change log as JSON lines")
    c.add_argument("--quiet", action="store_true", help="no summary line on stderr")
    _common(c)

    e = sub.add_parser("explain", help="list every change as PAGE:LINE:COL: RULE message")
    e.add_argument("pages", nargs="+", metavar="PAGE")
    e.add_argument("--safe-only", action="store_true", help="list only changes labelled safe")
    _common(e)

    k = sub.add_parser("check", help="check that cleaning a page loses and invents nothing")
    k.add_argument("pages", nargs="+", metavar="PAGE")
    k.add_argument("--conservation", action="store_true", default=True,
                   help="every input character reaches an article, dropped, or a recorded change (default)")
    _common(k)

    h = sub.add_parser("report", help="write the side-by-side HTML report of one page")
    h.add_argument("page", metavar="PAGE")
    h.add_argument("-o", "--output", metavar="FILE", required=True, help="HTML file to write")
    _common(h)

    r = sub.add_parser("rules", help="list the rules with their summaries")
    r.add_argument("--rules", action="append", metavar="FILE_OR_DIR")
    r.add_argument("--verbose", "-v", action="store_true", help="also print why and parameters")
    return parser


def _expand(pages: list[str]) -> list[str]:
    out = []
    for p in pages:
        path = Path(p)
        if p != "-" and path.is_dir():
            found = sorted(str(x) for x in path.rglob("*.txt"))
            if not found:
                raise InputError(f"{p}: no *.txt pages in this directory")
            out.extend(found)
        else:
            out.append(p)
    return out


def _page_name(path: str) -> str:
    return "stdin.txt" if path == "-" else Path(path).name


def _write_outputs(page, outdir: Path) -> None:
    stem = Path(page.name).stem
    folder = outdir / stem
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("[0-9][0-9]-*.txt"):
        old.unlink()
    for n, a in enumerate(page.articles, 1):
        write_atomic(folder / article_filename(n, a), article_text(a))
    write_atomic(folder / "changes.jsonl", changes_jsonl(page))
    write_atomic(folder / "report.diff", unified_diff(page))
    write_atomic(folder / "page.json", dumps(page_dict(page)))
    from .reports.html import page_report

    write_atomic(folder / "report.html", page_report(page))


def _index_row(page, path: str) -> dict:
    """One row of the corpus summary (OUTDIR/index.html)."""
    s = summary(page)
    confs = [a.confidence for a in page.articles]
    return {
        "page": Path(page.name).stem, "path": path, "articles": len(page.articles),
        "changes": len(page.changes), "flags": s["flags"],
        "confidence": round(min(confs), 3) if confs else 0.0,
        "rules": {k: v for k, v in s.items() if k[:1].isupper()}, "error": None,
        "report": f"{Path(page.name).stem}/report.html",
    }


def _cmd_clean(args) -> int:
    rules = load_rules(args.rules)
    paths = _expand(args.pages)
    opts = {"convert": args.convert}
    if not args.output:
        if len(paths) != 1:
            return _fail("several pages need -o OUTDIR")
        text, _ = read_page(paths[0], args.encoding, args.errors)
        page = clean(text, name=_page_name(paths[0]), rules=rules, **opts)
        if args.format == "json":
            sys.stdout.write(dumps(page_dict(page)))
        elif args.format == "text":
            sys.stdout.write("\n".join(article_text(a) for a in page.articles))
        else:
            sys.stdout.write(changes_jsonl(page))
        return 0
    outdir = Path(args.output)
    for p in paths:
        if p != "-" and outdir.resolve() == Path(p).resolve():
            return _fail(f"{p}: the output folder would overwrite the input")
    totals: Counter = Counter()
    failures = []
    rows: list[dict] = []
    t0 = time.perf_counter()
    for p in paths:
        try:
            text, _ = read_page(p, args.encoding, args.errors)
            page = clean(text, name=_page_name(p), rules=rules, **opts)
            _write_outputs(page, outdir)
            totals += summary(page)
            rows.append(_index_row(page, p))
        except CleanerError as exc:
            if len(paths) == 1:
                raise
            failures.append({"path": p, "kind": exc.kind, "message": str(exc)})
            print(f"cleaner: error: {exc}", file=sys.stderr)
    if len(paths) > 1:
        from .reports.html import index_report

        write_atomic(outdir / "index.html", index_report(rows))
    if failures:
        write_atomic(outdir / "errors.jsonl",
                     "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in failures))
    if not args.quiet:
        secs = time.perf_counter() - t0
        print(f"cleaner: {totals['pages']} pages, {totals['articles']} articles, "
              f"{sum(v for k, v in totals.items() if k[:1].isupper())} changes, "
              f"{len(failures)} failed, {secs:.2f}s -> {outdir}", file=sys.stderr)
    return 1 if failures else 0


def _cmd_explain(args) -> int:
    rules = load_rules(args.rules)
    for p in _expand(args.pages):
        text, _ = read_page(p, args.encoding, args.errors)
        page = clean(text, name=_page_name(p) if p == "-" else p, rules=rules, convert=args.convert)
        for row in explain(page, safe_only=args.safe_only):
            print(row)
    return 0


def _cmd_check(args) -> int:
    from .conservation import check

    rules = load_rules(args.rules)
    bad = 0
    for p in _expand(args.pages):
        text, _ = read_page(p, args.encoding, args.errors)
        page = clean(text, name=_page_name(p), rules=rules, convert=args.convert)
        problems = check(page)
        for msg in problems:
            print(f"{p}: {msg}")
        bad += bool(problems)
        if not problems:
            print(f"{p}: ok")
    return 1 if bad else 0


def _cmd_report(args) -> int:
    from .reports.html import page_report

    rules = load_rules(args.rules)
    text, _ = read_page(args.page, args.encoding, args.errors)
    page = clean(text, name=_page_name(args.page), rules=rules, convert=args.convert)
    write_atomic(Path(args.output), page_report(page))
    return 0


def _cmd_rules(args) -> int:
    rules = load_rules(args.rules)
    for r in rules.rules:
        state = "" if r.enabled else " (disabled)"
        print(f"{r.id}  {r.name:<28} {r.stage:<9} {r.safety:<6} {r.summary}{state}")
        if args.verbose:
            if r.why:
                print(f"      why: {r.why}")
            for k, v in r.params.items():
                print(f"      {k} = {v!r}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return {"clean": _cmd_clean, "explain": _cmd_explain, "rules": _cmd_rules, "check": _cmd_check,
                "report": _cmd_report}[args.command](args)
    except CleanerError as exc:
        return _fail(str(exc))
    except BrokenPipeError:  # `cleaner ... | head`
        return 0
    except KeyboardInterrupt:
        return 130
