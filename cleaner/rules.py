"""Declarative rules: load ``rules/*.toml``, validate strictly, layer user files on top.

Every pattern, word list and threshold a user might tune lives in a rule file, one file per
stage. A rule names the *check* (a function of its stage) it configures and gives that check
its parameters. Validation happens once, at load time, and every error names the file, the
rule id and the key, with a suggestion for a misspelt key. User files given with
``--rules FILE_OR_DIR`` are layered over the shipped ones: a rule with a known id updates
the shipped rule key by key (``params`` are merged), a new id adds a rule.

A :class:`RuleSet` is small, frozen and picklable, so the same configuration travels to
worker processes; compiled patterns are cached per process by :func:`pattern`.
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import functools
import re
import string
import time
import tomllib
from dataclasses import dataclass, field, replace
from itertools import compress, repeat
from operator import is_not
from pathlib import Path
from typing import Any

import regex

from . import prefilter
from .errors import RuleError

SHIPPED_DIR = Path(__file__).resolve().parent / "rules_data"
if not SHIPPED_DIR.is_dir():  # a source checkout: the rules live at the top of the repo
    SHIPPED_DIR = Path(__file__).resolve().parent.parent / "rules"

RULE_KEYS = {
    "id": str, "name": str, "check": str, "summary": str, "why": str, "message": str,
    "safety": str, "enabled": bool, "params": dict, "examples": list, "near_misses": list,
}
REQUIRED = ("id", "name", "check", "summary", "message")
FILE_KEYS = {"stage", "rule"}
#: A user pattern that runs longer than this on one line is stopped (seconds).
PATTERN_TIMEOUT = 0.5


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    stage: str
    check: str
    summary: str
    why: str
    message: str
    safety: str
    enabled: bool
    params: dict
    examples: tuple = ()
    near_misses: tuple = ()
    origin: str = ""

    def describe(self, **evidence: Any) -> str:
        """The rule's message with its evidence filled in."""
        try:
            return self.message.format(**evidence)
        except (KeyError, IndexError, ValueError):
            return self.message


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    options: tuple[tuple[str, Any], ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)
    _ocr: dict = field(default_factory=dict, compare=False, repr=False)  # the on_ocr() view

    def __post_init__(self):
        self._index.update({r.id: r for r in self.rules})

    def __getitem__(self, rule_id: str) -> Rule:
        return self._index[rule_id]

    def __contains__(self, rule_id: str) -> bool:
        return rule_id in self._index

    def enabled(self, rule_id: str) -> bool:
        r = self._index.get(rule_id)
        return r is not None and r.enabled

    def param(self, rule_id: str, key: str):
        return self._index[rule_id].params[key]

    def option(self, key: str, default=None):
        return dict(self.options).get(key, default)

    def with_options(self, **kw) -> "RuleSet":
        opts = dict(self.options)
        opts.update(kw)
        return RuleSet(self.rules, tuple(sorted(opts.items())))

    def for_stage(self, stage: str) -> list[Rule]:
        return [r for r in self.rules if r.stage == stage]

    def on_ocr(self) -> "RuleSet":
        """The rules as they read OCR output: each rule's ``ocr`` numbers in place of its own.

        An OCR engine's text keeps no indent and sets a blank line around every block it
        finds, inside a paragraph where a column ends too: a cue that means a paragraph break
        in a text layer means less there, so the layout weights are fitted a second time, on
        OCR-style pages (see ``OCR_OVERLAY``). Built once per RuleSet."""
        if not self._ocr:
            rules = tuple(replace(r, params=ocr_params(r.params)) if r.params.get(OCR_OVERLAY) else r
                          for r in self.rules)
            self._ocr["rules"] = RuleSet(rules, self.options)
        return self._ocr["rules"]


#: A rule's optional table of the numbers it uses on OCR output instead of its own
#: (:meth:`RuleSet.on_ocr`): each entry names a numeric parameter of the rule, or else an entry
#: of its table of cue weights (``ocr = { short_deficit = 3.0, blank_line = 0.5 }``).
OCR_OVERLAY = "ocr"


def _overlay_target(params: dict, name: str) -> str | None:
    """The parameter an ``ocr`` entry replaces: ``name`` itself, or the table holding it."""
    if name in params and _is_number(params[name]):
        return name
    tables = [k for k, v in params.items() if k != OCR_OVERLAY and isinstance(v, dict) and name in v]
    return tables[0] if len(tables) == 1 else None


def ocr_params(params: dict) -> dict:
    """``params`` with the numbers of its ``ocr`` table in place."""
    out = dict(params)
    for name, value in params.get(OCR_OVERLAY, {}).items():
        target = _overlay_target(params, name)
        if target == name:
            out[name] = value
        else:
            out[target] = {**out[target], name: value}
    return out


def _validate_overlay(params: dict, where: str) -> None:
    for name in params.get(OCR_OVERLAY, {}):
        if _overlay_target(params, name) is None:
            known = [k for k, v in params.items() if _is_number(v)] + \
                [e for k, v in params.items() if k != OCR_OVERLAY and isinstance(v, dict) for e in v]
            raise RuleError(f"{where}: parameter '{OCR_OVERLAY}': entry '{name}' names no numeric "
                            f"parameter or cue weight of the rule{_suggest(name, known)}")


def _suggest(key: str, known) -> str:
    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _check_type(value, expected, where: str):
    if isinstance(expected, tuple):  # one of a few values
        if value not in expected:
            raise RuleError(f"{where}: expected one of {', '.join(map(repr, expected))}, got {value!r}"
                            f"{_suggest(str(value), [str(e) for e in expected])}")
        return
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return
    if expected is list and isinstance(value, list):
        return
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise RuleError(f"{where}: expected {expected.__name__}, got {type(value).__name__}")


def _validate_params(params: dict, schema: dict, where: str) -> None:
    for key, value in params.items():
        if key not in schema and key != OCR_OVERLAY:
            raise RuleError(f"{where}: unknown parameter '{key}'{_suggest(key, schema)}")
        _check_type(value, schema.get(key, dict), f"{where}: parameter '{key}'")
        if isinstance(value, dict):  # a table of weights: numbers only
            for k, v in value.items():
                if not isinstance(v, (int, float)) or isinstance(v, bool):
                    raise RuleError(f"{where}: parameter '{key}': entry '{k}' must be a number, "
                                    f"got {type(v).__name__}")
        if isinstance(value, list) and not _is_pattern_key(key) and value:
            # flat, and of one kind: numbers (weights) or strings (words), as shipped
            number = isinstance(value[0], (int, float)) and not isinstance(value[0], bool)
            for n, v in enumerate(value):
                ok = (isinstance(v, (int, float)) and not isinstance(v, bool)) if number else isinstance(v, str)
                if not ok:
                    raise RuleError(f"{where}: parameter '{key}': element {n} must be a "
                                    f"{'number' if number else 'string'}, got {type(v).__name__}")
        if _is_pattern_key(key):
            for p in value if isinstance(value, list) else [value]:
                if not isinstance(p, str):
                    raise RuleError(f"{where}: parameter '{key}': patterns must be strings")
                try:
                    regex.compile(p)
                except regex.error as exc:
                    raise RuleError(f"{where}: parameter '{key}': bad pattern {p!r}: {exc}") from None
                why = prefilter.catastrophic(p)
                if why:
                    raise RuleError(f"{where}: parameter '{key}': pattern {p!r} can backtrack without bound "
                                    f"({why}): rewrite it so that each character can match in one way only")


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


#: Parameters that hold patterns though their names do not say so.
_PATTERN_KEYS = frozenset({"dateline_alone", "reporter_credit"})


def _is_pattern_key(key: str) -> bool:
    return key.endswith(("patterns", "pattern", "openers")) or key in _PATTERN_KEYS


def _check_message(message: str, where: str) -> None:
    """A message may only name evidence fields (``{line}``, ``{text}``): no attribute or
    index lookups, conversions or format specs (``{text:>200000000}`` is a 200 MB line)."""
    try:
        fields = list(string.Formatter().parse(message))
    except ValueError as exc:
        raise RuleError(f"{where}: key 'message': {exc}") from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise RuleError(f"{where}: key 'message': only plain {{name}} fields are allowed, "
                            f"not {{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}")


def _merge_params(old: dict, new: dict, where: str) -> dict:
    """A user's params over the shipped ones; a table of weights is merged key by key (a user
    file that sets one cue's weight keeps the others), and may name only known cues."""
    out = dict(old)
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(old.get(key), dict):
            for k in value if key != OCR_OVERLAY else ():  # (an ocr entry is checked by _build)
                if k not in old[key]:
                    raise RuleError(f"{where}: parameter '{key}': unknown entry '{k}'{_suggest(k, old[key])}")
            out[key] = {**old[key], **value}
        else:
            if isinstance(value, list) and isinstance(old.get(key), list) and old[key]:
                want_number = _is_number(old[key][0])
                for n, v in enumerate(value):
                    if _is_number(v) != want_number:
                        raise RuleError(f"{where}: parameter '{key}': element {n} must be a "
                                        f"{'number' if want_number else 'string'}, got {type(v).__name__}")
            out[key] = value
    return out


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{path}: not valid TOML: {exc}") from None


def _rule_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
        if not files:
            raise RuleError(f"{path}: no *.toml rule files in this directory")
        return files
    if not path.exists():
        raise RuleError(f"{path}: no such rule file or directory")
    return [path]


def _raw_rules(path: Path, checks: dict) -> list[tuple[str, dict, str]]:
    data = _read(path)
    for key in data:
        if key not in FILE_KEYS:
            hint = " (a rule is a [[rule]] table with id = \"...\")" if re.fullmatch(r"[A-Z]\d{3}", key) \
                else _suggest(key, FILE_KEYS)
            raise RuleError(f"{path}: unknown top-level key '{key}'{hint}")
    stage = data.get("stage")
    if not isinstance(stage, str) or stage not in checks:
        raise RuleError(f"{path}: 'stage' must be one of {', '.join(sorted(checks))}, got {stage!r}")
    out = []
    rules = data.get("rule", [])
    if not isinstance(rules, list):
        raise RuleError(f"{path}: 'rule' must be an array of tables ([[rule]]), got {type(rules).__name__}")
    for n, raw in enumerate(rules, 1):
        if not isinstance(raw, dict):
            raise RuleError(f"{path}: rule #{n}: a rule must be a table")
        rid = raw.get("id", f"#{n}")
        where = f"{path}: rule {rid}"
        if not isinstance(raw, dict):
            raise RuleError(f"{where}: a rule must be a table")
        for key, value in raw.items():
            if key not in RULE_KEYS:
                raise RuleError(f"{where}: unknown key '{key}'{_suggest(key, RULE_KEYS)}")
            _check_type(value, RULE_KEYS[key], f"{where}: key '{key}'")
        out.append((stage, raw, str(path)))
    return out


def _build(stage: str, raw: dict, origin: str, checks: dict, always_on=frozenset(), intervals=None) -> Rule:
    where = f"{origin}: rule {raw.get('id', '?')}"
    for key in REQUIRED:
        if key not in raw:
            raise RuleError(f"{where}: missing key '{key}'")
    check = raw["check"]
    if check not in checks[stage]:
        raise RuleError(f"{where}: key 'check': unknown check '{check}' for stage {stage}"
                        f"{_suggest(check, checks[stage])}")
    schema = checks[stage][check]
    params = dict(raw.get("params", {}))
    _validate_params(params, schema, where)
    _validate_overlay(params, where)
    missing = [k for k in schema if k not in params]
    if missing:
        raise RuleError(f"{where}: missing parameter(s) {', '.join(missing)} for check '{check}'")
    for key, value in [*params.items(), *params.get(OCR_OVERLAY, {}).items()]:
        bounds = (intervals or {}).get((check, key))
        if bounds and not bounds[0] < value < bounds[1]:
            raise RuleError(f"{where}: parameter '{key}' must be strictly between {bounds[0]:g} and "
                            f"{bounds[1]:g}, got {value!r}")
    _check_message(raw["message"], where)
    if raw.get("enabled") is False and check in always_on:
        raise RuleError(f"{where}: cannot be disabled: the {stage} stage rests on '{check}' "
                        f"(change its parameters instead)")
    safety = raw.get("safety", "safe")
    if safety not in ("safe", "review"):
        raise RuleError(f"{where}: key 'safety' must be 'safe' or 'review', got {safety!r}")
    return Rule(
        id=raw["id"], name=raw["name"], stage=stage, check=check, summary=raw["summary"],
        why=raw.get("why", ""), message=raw["message"], safety=safety,
        enabled=raw.get("enabled", True), params=params,
        examples=tuple(raw.get("examples", ())), near_misses=tuple(raw.get("near_misses", ())),
        origin=origin,
    )


def load_rules(user: str | Path | None | list = None, shipped: Path | None = None) -> RuleSet:
    """The shipped rules, with each user file or directory in ``user`` layered on top."""
    from .checks import ALWAYS_ON, OPEN_INTERVALS, SCHEMAS as CHECKS  # the checks each stage offers

    merged: dict[str, tuple[str, dict, str]] = {}
    order: list[str] = []
    layers = [shipped or SHIPPED_DIR]
    if user:
        layers += [Path(u) for u in (user if isinstance(user, list) else [user])]
    for layer_no, layer in enumerate(layers):
        for path in _rule_files(Path(layer)):
            seen_here: set[str] = set()
            for stage, raw, origin in _raw_rules(path, CHECKS):
                rid = raw.get("id")
                if not isinstance(rid, str) or not rid:
                    raise RuleError(f"{origin}: a rule without an 'id'")
                if rid in seen_here:
                    raise RuleError(f"{origin}: rule {rid}: duplicate id in this file")
                seen_here.add(rid)
                if rid in merged:
                    old_stage, old, _ = merged[rid]
                    if layer_no == 0:
                        raise RuleError(f"{origin}: rule {rid}: duplicate id")
                    if old_stage != stage:
                        raise RuleError(f"{origin}: rule {rid}: belongs to stage {old_stage}, not {stage}")
                    new = {**old, **raw, "params": _merge_params(old.get("params", {}), raw.get("params", {}),
                                                                 f"{origin}: rule {rid}")}
                    merged[rid] = (stage, new, origin)
                else:
                    merged[rid] = (stage, raw, origin)
                    order.append(rid)
    return RuleSet(tuple(_build(*merged[rid], CHECKS, ALWAYS_ON, OPEN_INTERVALS) for rid in order))


def starts_anchored(source: str) -> bool:
    """True when every match of ``source`` must start at position 0 (``^…`` with no top-level ``|``).

    Such a pattern is run with ``match``: the engine tries one position instead of every
    one, which made the per-line rule scans several times faster. Escapes and character
    classes are skipped; a ``|`` outside all parentheses ends the anchor's reach. Inline
    flags that change ``^`` (``(?m)``, ``(?w)``…) are not recognised, so they disable the shortcut.
    """
    if not source.startswith("^") or "(?" in source.replace("(?:", "").replace("(?<", "").replace("(?=", "") \
            .replace("(?!", ""):
        return False
    depth, i, n = 0, 1, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: ] right after [ or [^ is a literal
            i += 1
            if i < n and source[i] == "^":
                i += 1
            if i < n and source[i] == "]":
                i += 1
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return True


class Finder:
    """A compiled rule pattern (or alternation of patterns) with the fastest honest search.

    ``search`` is the ``regex`` search, run as ``match`` when every alternative is anchored
    at the start (:func:`starts_anchored`), and skipped when the prefilter
    (:mod:`cleaner.prefilter`) shows that no alternative can match: same result, less work.
    """

    __slots__ = ("compiled", "anchored", "maybe", "sources", "run")

    def __init__(self, compiled: regex.Pattern, sources: tuple[str, ...]):
        self.compiled = compiled
        self.sources = sources
        self.anchored = all(map(starts_anchored, sources))
        pre = prefilter.build(sources)
        self.maybe = pre.maybe if pre is not None else None
        #: the bound search itself, ``match`` where anchored (chosen once, not on every search)
        self.run = compiled.match if self.anchored else compiled.search

    def may_match(self, texts) -> list[bool]:
        """For each text, whether ``search`` can find anything in it (the prefilter's verdict,
        without a Python call per text; all True without a prefilter). A loop over many lines
        asks this first and searches only where it says True."""
        maybe = self.maybe
        if maybe is None:
            return [True] * len(texts)
        return list(map(is_not, map(maybe, texts), repeat(None)))  # (C loops only: a page's lines each)

    def search(self, text: str, timeout: float | None = None):
        """The first match in ``text``; ``TimeoutError`` when the search runs out of time. A
        pattern that ran out of time once on the page being cleaned (:func:`timeouts`) is
        not searched again there: each further line would cost the whole time limit."""
        if self.maybe is not None and self.maybe(text) is None:
            return None
        return self.search_passed(text, timeout)

    def search_passed(self, text: str, timeout: float | None = None):
        """:meth:`search` of a text :meth:`may_match` has passed already: the prefilter is
        not run again (on a line the prefilter lets through, it cost a quarter of the search)."""
        spent = _TIMED_OUT.get()
        if spent and self.sources in spent:  # (an empty dict: no tuple of sources hashed)
            raise TimeoutError(f"pattern ran out of time earlier on this page: {self.sources[0][:40]!r}")
        try:
            return self.run(text, timeout=timeout)
        except TimeoutError:
            if spent is not None:
                spent[self.sources] = len(text)
            raise


#: The patterns (a Finder's sources) that ran out of time on the page being cleaned, with
#: the length of the text they ran out on; None outside :func:`timeouts`.
_TIMED_OUT: contextvars.ContextVar[dict | None] = contextvars.ContextVar("timed_out", default=None)


@contextlib.contextmanager
def timeouts():
    """Collect, for one page, the patterns whose searches ran out of time: yields the dict
    (sources -> length of the text), which the pipeline turns into recorded flags."""
    spent: dict = {}
    token = _TIMED_OUT.set(spent)
    try:
        yield spent
    finally:
        _TIMED_OUT.reset(token)


@functools.lru_cache(maxsize=4096)
def pattern(source: str) -> Finder:
    """Compiled rule pattern, cached per process (compiled objects never travel)."""
    return Finder(regex.compile(source), (source,))


@functools.lru_cache(maxsize=1024)
def any_pattern(sources: tuple[str, ...]) -> Finder:
    """One compiled alternation of several rule patterns: one scan instead of one per pattern.
    No pattern matches nothing: a rule file that empties a list turns its patterns off (the
    empty alternation would match every text)."""
    return Finder(regex.compile("|".join(f"(?:{s})" for s in sources) or "(?!)"), sources)


#: id(list of sources) -> (the list, its Finder): rule parameter lists live as long as their
#: rule set, and keeping the list here keeps its id from being reused.
_BY_LIST: dict[int, tuple[list, Finder]] = {}


def search_any(sources, text: str):
    """The first match of any of ``sources`` in ``text`` (one pass, with a time limit)."""
    hit = _BY_LIST.get(id(sources))
    if hit is None or hit[0] is not sources:
        if len(_BY_LIST) > 4096:
            _BY_LIST.clear()
        hit = _BY_LIST[id(sources)] = (sources, any_pattern(tuple(sources)))
    finder = hit[1]
    # (Finder.search's prefilter test made here: most texts stop at it, one call fewer each)
    maybe = finder.maybe
    if maybe is not None and maybe(text) is None:
        return None
    # (Finder.search_passed inline, a call fewer for each text searched: a pattern that ran out
    # of time on this page reads as no match, and one that runs out now is recorded)
    spent = _TIMED_OUT.get()
    if spent and finder.sources in spent:
        return None
    try:
        return finder.run(text, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        if spent is not None:
            spent[finder.sources] = len(text)
        return None


def any_match(groups: tuple[tuple[str, ...], ...], texts: list[str], timeout: float | None = PATTERN_TIMEOUT) -> list[bool]:
    """For each text, whether any pattern of ``groups`` (the pattern lists of several rules)
    matches it: what the search of their one alternation (:func:`any_pattern`) says, for less.

    That alternation's prefilter passes a line when any group's would, and the regex then tries
    every alternative of every group on it (41 on a line that may be furniture, a byline or a
    credit); here each group's own prefilter picks the groups worth searching, and only those
    run. The time limit and the record of a timeout stay the whole alternation's, as if it had
    been searched: the groups searched on one line share the limit, a line that runs out of
    time reads as no match and is recorded under the alternation, and from then on no line is
    searched again on the page (:meth:`Finder.search`).
    """
    whole = any_pattern(tuple(s for g in groups for s in g))
    todo: dict[int, list[Finder]] = {}  # text -> the groups its prefilters pass, in order
    for part in (any_pattern(g) for g in groups if g):
        for k in compress(range(len(texts)), part.may_match(texts)):
            todo.setdefault(k, []).append(part)
    out = [False] * len(texts)
    spent = _TIMED_OUT.get()
    for k in sorted(todo):
        if spent and whole.sources in spent:
            break
        text, left = texts[k], timeout
        try:
            for part in todo[k]:
                t0 = time.perf_counter()
                if part.run(text, timeout=left):
                    out[k] = True
                    break
                if left is not None:
                    left -= time.perf_counter() - t0
                    if left <= 0:
                        raise TimeoutError
        except TimeoutError:
            if spent is not None:
                spent[whole.sources] = len(text)
    return out


def search(source: str, text: str):
    """``regex`` search with a time limit, so one hostile line cannot hang a batch."""
    try:
        return pattern(source).search(text, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        return None


@functools.lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    return load_rules()
