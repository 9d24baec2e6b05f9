"""The conventions catalogue: how real papers print datelines, bylines, credits and furniture.

``rules/conventions/*.toml`` lists forms the trade uses, one ``[[form]]`` table each, with the
paper it comes from, a verbatim example, the public page it was seen on, and a template the
page synthesiser fills in (``{place}``, ``{date}``, ``{staff}``…, see :data:`SLOTS`)::

    [[form]]
    id = "dateline.xinhua.place-date-reporter"
    kind = "dateline"
    paper = "新华社"
    source = "https://www.news.cn/..."
    example = "新华社武汉6月3日电（记者李伟）"
    template = "新华社{place}{date}电{gap}（{staff}）"

The catalogue is data the cleaner is held to, not code: every form's example (and renders of
its template) must come out of the cleaner with the label its kind says (:data:`LABELS`); the
tests do that, and ``cleaner rules -v`` lists the forms. A user's catalogue is validated like
any rule file: one clear line names the file, the form and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import RuleError
from .rules import SHIPPED_DIR

#: What a form is, and where the cleaner must put it (a page JSON v1 field, ``dropped``, or
#: the kind of body block it opens).
LABELS = {
    "dateline": "dateline",        # the article's dateline (and the start of its first paragraph)
    "byline": "byline",            # the article's byline
    "caption_credit": "caption",   # the end of a caption (photo credit)
    "page_credit": "dropped",      # a credit for the whole page's pictures
    "furniture": "dropped",        # page header and footer lines, editors, contacts
    "jump": "dropped",             # 下转第N版, 上接第N版
    "kicker": "kicker",            # 引题 above the title, and bracketed column tags
    "subtitle": "subtitle",        # 副题 under the title
    "box_head": "subhead",         # 记者手记, 【链接】: a box's heading inside the article
    "note": "paragraph",           # 编者按：… opening an article's text
    "closing": "paragraph",        # （张三）, 据新华社: an item's source or author closing its text
}

#: The fill-ins a template may use (the synthesiser draws each; see ``cleaner.synth.forms``).
#: ``gap`` and ``orn`` are print only: a blank an extractor keeps, a byline's ornament.
SLOTS = frozenset({
    "place", "date", "day", "cndate", "cnday", "reporter", "names", "staff", "name", "name2", "name3",
    "section", "page", "page2", "pageA", "year", "month", "mday", "weekday", "lunar", "phone",
    "email", "web", "gap", "orn", "column",
})

FORM_KEYS = {"id": str, "kind": str, "paper": str, "script": str, "source": str, "example": str,
             "expect": str, "template": str, "note": str}
REQUIRED = ("id", "kind", "paper", "source", "example")
CONVENTIONS_DIR = SHIPPED_DIR / "conventions"
_SLOT = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True, slots=True)
class Form:
    """One printed form of one paper."""

    id: str
    kind: str
    paper: str
    source: str
    example: str
    expect: str          # what the cleaner gives for ``example`` (its field's text)
    template: str = ""   # empty: the synthesiser does not draw this form
    script: str = "simplified"
    note: str = ""

    @property
    def label(self) -> str:
        return LABELS[self.kind]


@dataclass(frozen=True, slots=True)
class Catalogue:
    forms: tuple[Form, ...]

    def of_kind(self, kind: str) -> list[Form]:
        return [f for f in self.forms if f.kind == kind]

    @property
    def papers(self) -> list[str]:
        return sorted({f.paper for f in self.forms})

    def only_papers(self, papers) -> "Catalogue":
        keep = set(papers)
        return Catalogue(tuple(f for f in self.forms if f.paper in keep))


def default_expect(kind: str, example: str) -> str:
    """What a form's field holds when the catalogue does not say: a dateline without blanks
    and with full-width brackets; a byline without its ornament; anything else as printed."""
    text = example.strip()
    if kind == "dateline":
        text = re.sub(r"[\s\u3000]", "", text)
        return text.translate(str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，"}))
    if kind == "byline":
        return re.sub(r"^[◎□■●○▲★◇◆☆△]\s*", "", text)
    return text


def _form(raw, where: str) -> Form:
    if not isinstance(raw, dict):
        raise RuleError(f"{where}: a form must be a table ([[form]])")
    fid = raw.get("id", "?")
    where = f"{where}: form {fid}"
    for key, value in raw.items():
        if key not in FORM_KEYS:
            raise RuleError(f"{where}: unknown key '{key}' (known: {', '.join(FORM_KEYS)})")
        if not isinstance(value, FORM_KEYS[key]):
            raise RuleError(f"{where}: key '{key}' must be a string, got {type(value).__name__}")
    for key in REQUIRED:
        if not str(raw.get(key, "")).strip():
            raise RuleError(f"{where}: missing key '{key}'")
    kind = raw["kind"]
    if kind not in LABELS:
        raise RuleError(f"{where}: key 'kind': unknown kind {kind!r} (known: {', '.join(LABELS)})")
    script = raw.get("script", "simplified")
    if script not in ("simplified", "traditional"):
        raise RuleError(f"{where}: key 'script' must be 'simplified' or 'traditional', got {script!r}")
    for key in ("example", "expect", "template"):
        if any(c in raw.get(key, "") for c in "\r\n"):
            raise RuleError(f"{where}: key '{key}' must be one line")
        if len(raw.get(key, "")) > 120:
            raise RuleError(f"{where}: key '{key}' is longer than 120 characters")
    template = raw.get("template", "")
    for slot in _SLOT.findall(template):
        if slot not in SLOTS:
            raise RuleError(f"{where}: key 'template': unknown slot {{{slot}}} "
                            f"(known: {', '.join(sorted(SLOTS))})")
    if template.count("{") != template.count("}"):
        raise RuleError(f"{where}: key 'template': unbalanced braces")
    return Form(id=fid, kind=kind, paper=raw["paper"], source=raw["source"], example=raw["example"],
                expect=raw.get("expect") or default_expect(kind, raw["example"]), template=template,
                script=script, note=raw.get("note", ""))


def load_conventions(path: str | Path | None = None) -> Catalogue:
    """The catalogue in ``path`` (a folder of ``*.toml`` or one file; default: the shipped one)."""
    path = Path(path) if path is not None else CONVENTIONS_DIR
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
    elif path.exists():
        files = [path]
    else:
        raise RuleError(f"{path}: no such conventions file or folder")
    if not files:
        raise RuleError(f"{path}: no *.toml conventions files in this folder")
    forms: list[Form] = []
    seen: dict[str, str] = {}
    for f in files:
        try:
            with f.open("rb") as fh:
                data = tomllib.load(fh)
        except OSError as exc:
            raise RuleError(f"{f}: cannot read conventions file: {exc.strerror}") from None
        except tomllib.TOMLDecodeError as exc:
            raise RuleError(f"{f}: not valid TOML: {exc}") from None
        for key in data:
            if key != "form":
                raise RuleError(f"{f}: unknown top-level key '{key}' (a form is a [[form]] table)")
        raw_forms = data.get("form", [])
        if not isinstance(raw_forms, list):
            raise RuleError(f"{f}: 'form' must be an array of tables ([[form]])")
        for raw in raw_forms:
            form = _form(raw, str(f))
            if form.id in seen:
                raise RuleError(f"{f}: form {form.id}: duplicate id (also in {seen[form.id]})")
            seen[form.id] = str(f)
            forms.append(form)
    return Catalogue(tuple(forms))
