"""Cheap tests that tell when a rule pattern cannot match, so the regex need not run.

Rule patterns run on every line of every page; most lines match none of them, and the
``regex`` engine does not skip ahead on its own: ``^\\S{0,12}(?:日报|晚报)讯`` costs a few
microseconds on every line even though a line without 讯 can never match. From the parse tree
of each pattern this module derives two necessary conditions:

* the characters a match can start with, when the pattern is anchored at the start (``^``);
* the characters a match can end with, when it is anchored at the end (``$``): the text's
  last character (before a final newline) is one of them;
* a set of characters one of which every match contains (讯 above);
* the longest text a pattern anchored at both ends can match.

A text that fails them for every alternative is not searched at all. The result of a search
that does run is the regex's own, so the shortcut changes speed, never an answer. Patterns
the standard parser cannot read, or that use syntax it would read differently from
``regex`` (inline flags, POSIX classes, nested sets), get no prefilter.
"""

from __future__ import annotations

import re

try:  # the standard library's regular-expression parser (private, stable since 3.11)
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - a Python without it: no prefilter, same results
    _P = _C = None

#: Stands for a \p{...} property while parsing: a character of unknown class.
_UNKNOWN = "\ue000"
_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")
_SAFE_GROUPS = ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<")
#: A set of characters larger than this is no use as a filter.
_MAX_SET = 64
_ANY = None
#: In a set of first characters: any decimal digit (``\d`` in ``regex`` is ``str.isdecimal``).
DIGIT = "\\d"
#: In a set of last characters: any blank (``\s`` in ``re`` takes every ``str.isspace``
#: character, a superset of what it is in ``regex``: the gate may pass more, never fewer).
SPACE = "\\s"


def _class_chars(items) -> frozenset[str] | None:
    """The characters a ``[...]`` can stand for, or None when unknown or too many."""
    out = set()
    for op, av in items:
        if op is _C.LITERAL:
            out.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] < _MAX_SET:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _C.CATEGORY and av is _C.CATEGORY_DIGIT:
            out.add(DIGIT)
        else:  # NEGATE, CATEGORY, a big range
            return _ANY
    if _UNKNOWN in out or len(out) > _MAX_SET:
        return _ANY
    return frozenset(out)


def _node_chars(op, av) -> frozenset[str] | None:
    if op is _C.LITERAL:
        return _ANY if chr(av) == _UNKNOWN else frozenset(chr(av))
    if op is _C.IN:
        return _class_chars(av)
    return _ANY


_REPEATS = tuple(getattr(_C, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_C, n))


def _edge(seq, last: bool = False) -> frozenset[str] | None:
    """Characters a match of ``seq`` can start with, or with ``last`` end with (None: any, or
    the match may be empty). Read from the end, a trailing ``\\s*`` gives the blanks
    (:data:`SPACE`)."""
    out: set[str] = set()
    for op, av in (reversed(seq) if last else seq):
        if op is _C.AT or op in (_C.ASSERT, _C.ASSERT_NOT):
            continue  # zero width
        if op is _C.SUBPATTERN:
            sub = _edge(av[-1], last)
            if sub is _ANY:
                return _ANY
            return frozenset(out | sub)
        if op is _C.BRANCH:
            union = set()
            for branch in av[1]:
                f = _edge(branch, last)
                if f is _ANY:
                    return _ANY
                union |= f
            return frozenset(out | union)
        if op in _REPEATS:
            lo, _, sub = av
            f = _edge(sub, last)
            if f is _ANY:
                return _ANY
            if lo >= 1:
                return frozenset(out | f)
            out |= f  # optional: the match may also start (end) with what follows (precedes)
            continue
        if last and op is _C.IN and av == [(_C.CATEGORY, _C.CATEGORY_SPACE)]:
            chars = frozenset({SPACE})
        else:
            chars = _node_chars(op, av)
        if chars is _ANY:
            return _ANY
        return frozenset(out | chars)
    return _ANY  # the pattern can match the empty string


def _first(seq) -> frozenset[str] | None:
    """Characters a match of ``seq`` can start with (None: any, or the match may be empty)."""
    return _edge(seq)


def last_chars(source: str) -> frozenset[str] | None:
    r"""The characters a match of a pattern anchored at the end (``…$``) ends with, or None.

    >>> sorted(last_chars(r"^\S{2,8}(?:日报|晚报)$")), last_chars("^图为")
    (['报'], None)
    """
    tree = _parse(source)
    if tree is None:
        return None
    seq = list(tree)
    if not seq or seq[-1] not in ((_C.AT, _C.AT_END), (_C.AT, _C.AT_END_STRING)):
        return None
    got = _edge(seq, last=True)
    return got if got is _ANY or len(got) <= _MAX_SET else _ANY


def _required(seq, last: bool = False) -> frozenset[str] | None:
    """A smallest set of characters one of which every match of ``seq`` contains.

    Of equally small sets the first is taken, or with ``last`` the last one: the words of an
    alternation often differ at the start and share the end (日报|晚报|早报 → 报).

    The set may be as large as a character class worth testing (``_MAX_SET``): the gate is
    one ``re`` scan for any of its characters, always cheaper than the regex it spares. (A
    cap of 8 left a list of words such as a byline's roles, 记者|通讯员|…|报道, twelve
    characters whichever end is read, without a gate: searched on every line, ~300 searches
    of a page.)"""
    best = _ANY
    for op, av in seq:
        if op is _C.SUBPATTERN:
            got = _required(av[-1], last)
        elif op is _C.BRANCH:
            parts = [_required(b, last) for b in av[1]]
            got = _ANY if any(p is _ANY for p in parts) else frozenset().union(*parts)
        elif op in _REPEATS:
            got = _required(av[2], last) if av[0] >= 1 else _ANY
        elif op in (_C.LITERAL, _C.IN):
            got = _node_chars(op, av)
        else:
            got = _ANY
        if got is not _ANY and DIGIT in got:
            got = _ANY  # "some digit" is no substring test
        if got is not _ANY and got and (best is _ANY or len(got) < len(best) or last and len(got) == len(best)):
            best = got
    return best if best is _ANY or len(best) <= _MAX_SET else _ANY


def _parse(source: str):
    """The standard parser's tree of a rule pattern, or None where it may read it differently."""
    if _P is None or "[:" in source or "[[" in source:
        return None
    probe = source
    for g in _SAFE_GROUPS:
        probe = probe.replace(g, "")
    if "(?" in probe:
        return None  # inline flags, atomic groups, backreferences: read differently or unknown
    try:
        return _P.parse(_PROPERTY.sub(_UNKNOWN, source))
    except Exception:  # noqa: BLE001 - syntax only `regex` knows: no prefilter
        return None


#: Longest bound worth a length test (longer bounds pass nearly every line anyway).
_MAX_BOUND = 200


def max_length(source: str) -> int | None:
    """The longest text a pattern anchored at both ends (``^…$``) can match, or None when it
    is not anchored so or has no small bound. (``$`` also matches before a final newline:
    the bound counts one character more.)

    >>> max_length("^(?:要闻|综合新闻)$"), max_length("^第\\\\d{1,3}版$"), max_length("^图为")
    (5, 6, None)
    """
    tree = _parse(source)
    if tree is None:
        return None
    seq = list(tree)
    if len(seq) < 2 or seq[0] != (_C.AT, _C.AT_BEGINNING) \
            or seq[-1] not in ((_C.AT, _C.AT_END), (_C.AT, _C.AT_END_STRING)):
        return None
    hi = tree.getwidth()[1]
    return hi + 1 if hi <= _MAX_BOUND else None


def conditions(source: str) -> tuple[frozenset[str] | None, frozenset[str] | None] | None:
    """(possible first characters or None, required characters or None) of a pattern.

    The first set is only given for a pattern anchored at the start. None as a whole: the
    pattern cannot be analysed, so it must always run.

    >>> conditions(r"^\\S{0,12}(?:日报|晚报)讯")
    (None, frozenset({'讯'}))
    >>> sorted(conditions(r"^[◎□]\\s*(?:记者|通讯员)")[0])
    ['□', '◎']
    """
    tree = _parse(source)
    if tree is None:
        return None
    seq = list(tree)
    anchored = bool(seq) and seq[0] == (_C.AT, _C.AT_BEGINNING)  # a top-level | parses as one BRANCH
    first = _first(seq) if anchored else _ANY
    req = [r for r in (_required(seq), _required(seq, last=True)) if r is not _ANY]
    return first, min(req, key=len) if req else _ANY


class Prefilter:
    """``maybe(text)`` is false only when none of the patterns can match ``text``.

    An alternative passes when the text starts with one of its first characters (if it has
    any) and contains one of its required characters (if it has any). The whole test is one
    ``re`` pattern matched at position 0, so it runs in C: ``(?=[first])(?=[^required]*[required])``
    per group of alternatives that share their required characters.
    """

    __slots__ = ("gate", "maybe")

    def __init__(self, gate: str):
        self.gate = gate
        self.maybe = re.compile(gate, re.S).match


def _chars(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _somewhere(chars) -> str:
    """A lookahead for one of ``chars`` anywhere: ``[^x]*+[x]``, one tight scan in C (``.*?[x]``
    tries the class after every character: twice the time on a line that has none). The run
    is possessive: ``[x]`` can only follow the whole run of ``[^x]``, so giving characters back
    (the engine walked the line back to its start where none of ``chars`` was) finds nothing."""
    return "(?=[^" + _chars(chars)[1:] + "*+" + _chars(chars) + ")"


def _last(chars) -> str:
    """A lookahead for one of ``chars`` as the text's last character, or its last but a final
    newline (where ``$`` matches): ``.*+`` jumps to the end (the gate runs with DOTALL) and two
    lookbehinds look back, where ``.*[x]$`` walked back over the whole line that ends otherwise."""
    return f"(?=.*+(?:(?<={_class(chars)})|(?<={_class(chars)}\\n)))"


def _class(chars) -> str:
    """A gate's character class; :data:`DIGIT` and :data:`SPACE` stand for ``\\d`` and ``\\s``."""
    named = "".join(tok for tok in (DIGIT, SPACE) if tok in chars)
    return "[" + "".join(re.escape(c) for c in sorted(chars - {DIGIT, SPACE})) + named + "]"


def build(sources) -> Prefilter | None:
    """A prefilter for an alternation of ``sources`` (None when one of them may match anything).

    Each source must be a whole alternative: the combined pattern is ``(?:a)|(?:b)|…``.
    Alternatives with the same required characters, length bound and last characters share
    one gate group (their first characters pooled); those with no first characters share one
    per length bound and last characters (their required characters pooled).
    """
    # (required characters, longest match, last characters) -> first characters
    firsts_of: dict[tuple, set[str]] = {}
    # (longest match, last characters) -> required characters (of alternatives with no firsts)
    anywhere: dict[tuple, set[str] | None] = {}
    for s in sources:
        cond = conditions(s)
        if cond is None:
            return None
        first, req = cond
        longest, last = max_length(s), last_chars(s)
        if first is None and req is None and longest is None and last is None:
            return None
        if first is None:
            key = (longest, last)
            if req is None or (key in anywhere and anywhere[key] is None):
                anywhere[key] = None  # no required character: the group tests only the rest
            else:
                anywhere.setdefault(key, set()).update(req)
        else:
            firsts_of.setdefault((req, longest, last), set()).update(first)

    def tail(longest, last, req) -> str:
        # cheapest first: the length, then the required characters (a scan that stops at the
        # first one), then the last character
        return ((f"(?=.{{0,{longest}}}\\Z)" if longest is not None else "")
                + (_somewhere(req) if req else "")
                + (_last(last) if last is not None else ""))

    def head(firsts) -> str:
        heads = [_chars(firsts - {DIGIT})] if firsts - {DIGIT} else []
        return "(?=(?:" + "|".join(heads + ([r"\d"] if DIGIT in firsts else [])) + "))"

    parts = [head(firsts) + tail(longest, last, req) for (req, longest, last), firsts in firsts_of.items()]
    if len(parts) > 1:  # one test of all their first characters before any group's own
        parts = [head(set().union(*firsts_of.values())) + "(?:" + "|".join(parts) + ")"]
    if anywhere and all(anywhere.values()):  # one scan for all their required characters first
        pooled = frozenset().union(*anywhere.values())
        tails = [tail(longest, last, req if len(anywhere) > 1 else None) for (longest, last), req in anywhere.items()]
        parts.append(_somewhere(pooled) + ("(?:" + "|".join(tails) + ")" if any(tails) else ""))
    else:
        parts += [tail(longest, last, req) for (longest, last), req in anywhere.items()]
    return Prefilter("(?:" + "|".join(parts) + ")")


#: A repeat bound from which a nested repeat or an ambiguous alternation inside it makes the
#: number of ways to match grow without practical limit.
_WIDE_REPEAT = 16


def _walk(seq):
    """Every (op, av) node of a parsed pattern, depth first."""
    for op, av in seq:
        yield op, av
        if op is _C.SUBPATTERN:
            yield from _walk(av[-1])
        elif op is _C.BRANCH:
            for branch in av[1]:
                yield from _walk(branch)
        elif op in _REPEATS:
            yield from _walk(av[2])
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            yield from _walk(av[1])


def _wide(node) -> bool:
    op, av = node
    return op in _REPEATS and op is not _POSSESSIVE and av[1] >= _WIDE_REPEAT


_POSSESSIVE = getattr(_C, "POSSESSIVE_REPEAT", None) if _C is not None else None


def _body(seq) -> list:
    """A repeat's body with its groups opened: ``(a+)`` is ``a+``."""
    seq = list(seq)
    while len(seq) == 1 and seq[0][0] is _C.SUBPATTERN:
        seq = list(seq[0][1][-1])
    return seq


def catastrophic(source: str) -> str | None:
    r"""Why a pattern can backtrack without bound, or None when the parser sees no such shape.

    The two shapes of catastrophic backtracking the parser can prove: an open-ended repeat
    whose body starts and ends with open-ended repeats of the same characters (``(a+)+``,
    ``(\s*\S+\s*)*``, ``(\d+\d+)+``: one run of text divides among the iterations in
    exponentially many ways), and an alternation inside such a repeat with two branches that
    match the same text (``(\w|\w)*``). A repeat whose iterations a fixed character separates
    (``(?:\.[\w-]+)+``) is fine. (A pattern the standard parser cannot read is not judged
    here; its searches still run with a time limit, and one that runs out is dropped for the
    rest of the page, recorded.)

    >>> catastrophic(r"^(\w|\w)*Z"), catastrophic(r"(a+)+$"), catastrophic(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
    ('an alternation with branches that match alike, inside an open-ended repeat', 'repeats nested so that a run of text divides among them in many ways', None)
    """
    tree = _parse(source)
    if tree is None:
        return None
    for node in _walk(list(tree)):
        if not _wide(node):
            continue
        body = _body(node[1][2])
        if body and _wide(body[0]) and _wide(body[-1]):
            head, tail = _first(body[:1]), _edge(body[-1:], last=True)
            if repr(body[0]) == repr(body[-1]) or (head is not _ANY and tail is not _ANY and head & tail):
                return "repeats nested so that a run of text divides among them in many ways"
        for op, av in _walk(body):
            if op is _C.BRANCH:
                # branches that match the same text: the same, or one character of
                # overlapping classes each
                branches = [list(b) for b in av[1]]
                for x in range(len(branches)):
                    for y in range(x + 1, len(branches)):
                        a, b = branches[x], branches[y]
                        same = repr(a) == repr(b)
                        if not same and len(a) == len(b) == 1:
                            fa, fb = _first(a), _first(b)
                            same = fa is not _ANY and fb is not _ANY and bool(fa & fb)
                        if same:
                            return "an alternation with branches that match alike, inside an open-ended repeat"
    return None
