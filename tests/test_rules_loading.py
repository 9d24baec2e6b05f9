"""Rule files: strict validation with errors a user can act on, user files layered on top.

Every error names the file, the rule id and the key (with a did-you-mean suggestion for a
misspelt key), as ``rules/rejoin.toml: rule J001: unknown key 'width_tolerence' (did you mean
'width_tolerance'?)``. ``--rules FILE_OR_DIR`` layers a user's rules over the shipped ones:
a known id updates the shipped rule key by key (parameters merged), a new id adds a rule.
"""

from __future__ import annotations

import pickle
import re
import string
import textwrap
from cleaner.model import replace
from pathlib import Path

import pytest

import cleaner
from cleaner.cli import main
from cleaner.errors import RuleError
from cleaner.rules import SHIPPED_DIR

BODY = ("近日，北京市科委、中关村管委会投入首批支持高品质\n"
        "科技园区建设资金，支持中关村生命科学园等科技园区的\n"
        "10个项目，项目涉及医药健康等7个产业领域。\n")

NEW_RULE = """
stage = "label"

[[rule]]
id = "L901"
name = "house-furniture"
check = "whole_block"
summary = "Our paper's own page furniture."
message = "{kind}: '{text}'"
params = { kind = "furniture", max_length = 20, patterns = ['^本刊热线$'] }
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return p


def rule_error(path, **kw) -> str:
    with pytest.raises(RuleError) as exc:
        cleaner.load_rules(path, **kw)
    return str(exc.value)


# --- shipped rules ------------------------------------------------------------------------

def test_shipped_rules_load():
    rules = cleaner.load_rules()
    assert len(rules.rules) >= 20
    stages = {r.stage for r in rules.rules}
    assert stages == {"pdf", "normalise", "ocr", "lines", "columns", "dedouble", "rejoin", "label", "spacing", "assemble"}
    assert all(r.origin.endswith(".toml") for r in rules.rules)


def test_shipped_rules_have_one_file_per_stage():
    files = sorted(p.stem for p in Path(SHIPPED_DIR).glob("*.toml"))
    assert files == sorted({r.stage for r in cleaner.load_rules().rules})


# --- layering -------------------------------------------------------------------------

def test_user_file_updates_a_shipped_rule(tmp_path):
    path = write(tmp_path, "mine.toml", """
        stage = "dedouble"
        [[rule]]
        id = "D001"
        params = { min_coverage = 0.95 }
        """)
    shipped = cleaner.load_rules()["D001"]
    mine = cleaner.load_rules(path)["D001"]
    assert mine.params["min_coverage"] == 0.95
    assert mine.params["protected"] == shipped.params["protected"]  # params merge key by key
    assert (mine.summary, mine.check, mine.name) == (shipped.summary, shipped.check, shipped.name)
    assert mine.origin == str(path)


def test_ocr_numbers_replace_a_rules_own_on_ocr_output_only(tmp_path):
    path = write(tmp_path, "ocr.toml", """
        stage = "rejoin"
        [[rule]]
        id = "J001"
        params = { ocr = { blank_line = 0.25, short_deficit = 3.5 } }
        """)
    rules = cleaner.load_rules(path)
    text, ocr = rules["J001"].params, rules.on_ocr()["J001"].params
    shipped = cleaner.load_rules()["J001"].params
    assert text["weights"] == shipped["weights"] and text["short_deficit"] == shipped["short_deficit"]
    assert ocr["weights"]["blank_line"] == 0.25 and ocr["short_deficit"] == 3.5  # a cue, a parameter
    shipped_ocr = cleaner.load_rules().on_ocr()["J001"].params["weights"]
    assert {k: v for k, v in ocr["weights"].items() if k != "blank_line"} == \
        {k: v for k, v in shipped_ocr.items() if k != "blank_line"}  # a layer's entry, the others kept
    assert rules.on_ocr() is rules.on_ocr()  # built once
    pickle.loads(pickle.dumps(rules.on_ocr()))


def test_an_ocr_number_must_name_a_number_of_the_rule(tmp_path):
    path = write(tmp_path, "ocr.toml", """
        stage = "rejoin"
        [[rule]]
        id = "J001"
        params = { ocr = { blank_lines = 0.25 } }
        """)
    msg = rule_error(path)
    assert "J001" in msg and "'ocr'" in msg and "did you mean 'blank_line'" in msg


def test_user_file_adds_a_rule(tmp_path):
    path = write(tmp_path, "mine.toml", NEW_RULE)
    rules = cleaner.load_rules(path)
    assert "L901" in rules and rules["L901"].stage == "label"
    assert [r.id for r in rules.rules][:len(cleaner.load_rules().rules)] == \
        [r.id for r in cleaner.load_rules().rules]  # shipped order kept, new rules after
    page = cleaner.clean(BODY + "本刊热线\n", rules=rules)
    assert [(b.kind, b.text) for b in page.dropped] == [("furniture", "本刊热线")]
    assert [c.rule for c in page.changes if c.after == "furniture"] == ["L901"]


def test_user_file_disables_a_rule(tmp_path):
    path = write(tmp_path, "off.toml", """
        stage = "dedouble"
        [[rule]]
        id = "D001"
        enabled = false
        """)
    rules = cleaner.load_rules(path)
    assert not rules.enabled("D001")
    page = cleaner.clean(BODY + "智能制造智能制造\n", rules=rules)
    assert "D001" not in {c.rule for c in page.changes}


def test_user_directory_and_list_of_layers(tmp_path):
    d = tmp_path / "rules.d"
    d.mkdir()
    write(d, "a.toml", NEW_RULE)
    write(d, "b.toml", """
        stage = "label"
        [[rule]]
        id = "L901"
        params = { max_length = 30 }
        """)
    rules = cleaner.load_rules(d)
    assert rules["L901"].params["max_length"] == 30  # files of a directory apply in name order
    later = write(tmp_path, "later.toml", """
        stage = "label"
        [[rule]]
        id = "L901"
        params = { max_length = 12 }
        """)
    assert cleaner.load_rules([d, later])["L901"].params["max_length"] == 12


def test_user_rule_cannot_change_stage(tmp_path):
    path = write(tmp_path, "moved.toml", """
        stage = "label"
        [[rule]]
        id = "D001"
        summary = "moved"
        """)
    msg = rule_error(path)
    assert str(path) in msg and "D001" in msg and "dedouble" in msg


# --- errors name file, rule id and key ------------------------------------------------

def test_misspelt_key_suggests(tmp_path):
    path = write(tmp_path, "typo.toml", """
        stage = "dedouble"
        [[rule]]
        id = "D001"
        sumary = "Doubled headlines."
        """)
    msg = rule_error(path)
    assert str(path) in msg and "D001" in msg and "'sumary'" in msg
    assert "did you mean 'summary'" in msg


def test_unknown_parameter_suggests(tmp_path):
    path = write(tmp_path, "param.toml", """
        stage = "dedouble"
        [[rule]]
        id = "D001"
        params = { min_coverag = 0.9 }
        """)
    msg = rule_error(path)
    assert str(path) in msg and "D001" in msg and "'min_coverag'" in msg
    assert "did you mean 'min_coverage'" in msg


@pytest.mark.parametrize("body, key", [
    ('params = { min_coverage = "high" }', "min_coverage"),
    ('params = { max_length = 1.5 }', "max_length"),
    ('enabled = "no"', "enabled"),
    ('summary = 3', "summary"),
    ('safety = "maybe"', "safety"),
])
def test_wrong_type(tmp_path, body, key):
    path = write(tmp_path, "type.toml", f'stage = "dedouble"\n[[rule]]\nid = "D001"\n{body}\n')
    msg = rule_error(path)
    assert str(path) in msg and "D001" in msg and key in msg


def test_bad_regex(tmp_path):
    path = write(tmp_path, "regex.toml", NEW_RULE.replace("'^本刊热线$'", "'^(本刊热线'"))
    msg = rule_error(path)
    assert str(path) in msg and "L901" in msg and "patterns" in msg and "^(本刊热线" in msg


def test_unknown_check_suggests(tmp_path):
    path = write(tmp_path, "check.toml", NEW_RULE.replace('check = "whole_block"', 'check = "whole_blok"'))
    msg = rule_error(path)
    assert str(path) in msg and "L901" in msg and "check" in msg
    assert "did you mean 'whole_block'" in msg


def test_missing_parameter(tmp_path):
    path = write(tmp_path, "missing.toml", NEW_RULE.replace("max_length = 20, ", ""))
    msg = rule_error(path)
    assert str(path) in msg and "L901" in msg and "max_length" in msg


def test_missing_required_key(tmp_path):
    path = write(tmp_path, "nosummary.toml", NEW_RULE.replace('summary = "Our paper\'s own page furniture."\n', ""))
    msg = rule_error(path)
    assert str(path) in msg and "L901" in msg and "summary" in msg


def test_unknown_stage_and_top_level_key(tmp_path):
    msg = rule_error(write(tmp_path, "stage.toml", NEW_RULE.replace('stage = "label"', 'stage = "lable"')))
    assert "stage.toml" in msg and "label" in msg
    msg = rule_error(write(tmp_path, "top.toml", "stages = 'label'\n" + NEW_RULE))
    assert "top.toml" in msg and "'stages'" in msg and "did you mean 'stage'" in msg


def test_invalid_toml_and_missing_file(tmp_path):
    msg = rule_error(write(tmp_path, "broken.toml", "stage = \n"))
    assert "broken.toml" in msg and "TOML" in msg
    msg = rule_error(tmp_path / "nowhere.toml")
    assert "nowhere.toml" in msg


def test_duplicate_id_in_shipped_rules(tmp_path):
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    for f in Path(SHIPPED_DIR).glob("*.toml"):
        (shipped / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    write(shipped, "zz-extra.toml", NEW_RULE)
    write(shipped, "zz-more.toml", NEW_RULE)
    msg = rule_error(None, shipped=shipped)
    assert "zz-more.toml" in msg and "L901" in msg and "duplicate" in msg


def test_duplicate_id_in_one_user_file(tmp_path):
    path = write(tmp_path, "dup.toml", NEW_RULE + NEW_RULE.split('stage = "label"')[1])
    msg = rule_error(path)
    assert "dup.toml" in msg and "L901" in msg and "duplicate" in msg


def test_errors_are_cleaner_errors():
    assert issubclass(RuleError, cleaner.CleanerError)


# --- the CLI --------------------------------------------------------------------------

def test_cli_rules_lists_every_rule(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for r in cleaner.load_rules().rules:
        assert r.id in out and r.summary[:20] in out


def test_cli_rules_with_a_user_file(tmp_path, capsys):
    path = write(tmp_path, "mine.toml", NEW_RULE)
    assert main(["rules", "--rules", str(path)]) == 0
    assert "L901" in capsys.readouterr().out


def test_cli_bad_rule_file_is_a_user_error(tmp_path, capsys):
    path = write(tmp_path, "typo.toml", 'stage = "dedouble"\n[[rule]]\nid = "D001"\nsumary = "x"\n')
    page = write(tmp_path, "page.txt", BODY)
    for argv in (["rules", "--rules", str(path)], ["clean", str(page), "--format", "json", "--rules", str(path)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("cleaner: error: ") and "typo.toml" in err and "D001" in err and "sumary" in err
        assert "Traceback" not in err


# --- a RuleSet travels to worker processes --------------------------------------------

def test_ruleset_pickles():
    rules = cleaner.load_rules().with_options(convert="none")
    again = pickle.loads(pickle.dumps(rules))
    assert again == rules
    assert again["D001"].params == rules["D001"].params
    assert again.option("convert") == "none"
    text = BODY + "智能制造智能制造\n"
    assert cleaner.page_dict(cleaner.clean(text, rules=again)) == cleaner.page_dict(cleaner.clean(text, rules=rules))


def test_rule_is_frozen():
    rule = cleaner.load_rules()["D001"]
    with pytest.raises(AttributeError):
        rule.enabled = False  # type: ignore[misc]
    assert replace(rule, enabled=False).enabled is False


def test_a_user_file_sets_one_cue_weight_and_keeps_the_others(tmp_path):
    from cleaner.rules import load_rules

    (tmp_path / "r.toml").write_text('stage = "rejoin"\n[[rule]]\nid = "J001"\nparams = { weights = { blank_line = 0.5 } }\n',
                                     encoding="utf-8")
    rules = load_rules(str(tmp_path))
    assert rules["J001"].params["weights"]["blank_line"] == 0.5
    assert rules["J001"].params["weights"]["opener"] == load_rules()["J001"].params["weights"]["opener"]


@pytest.mark.parametrize("table, message", [
    ("{ blank_lines = 0.5 }", "unknown entry 'blank_lines' (did you mean 'blank_line'?)"),
    ('{ blank_line = "x" }', "entry 'blank_line' must be a number"),
])
def test_bad_cue_weights_are_named(tmp_path, table, message):
    from cleaner.errors import RuleError
    from cleaner.rules import load_rules

    (tmp_path / "r.toml").write_text(f'stage = "rejoin"\n[[rule]]\nid = "J001"\nparams = {{ weights = {table} }}\n',
                                     encoding="utf-8")
    with pytest.raises(RuleError, match=re.escape(message)):
        load_rules(str(tmp_path))


def _user_rules(tmp_path, text: str):
    from cleaner.rules import load_rules

    (tmp_path / "r.toml").write_text(textwrap.dedent(text), encoding="utf-8")
    return load_rules(str(tmp_path))


@pytest.mark.parametrize("text, message", [
    ('stage = "label"\nrule = "x"\n', "'rule' must be an array of tables"),
    ('stage = ["label"]\n', "'stage' must be one of"),
    ('stage = "label"\nrule = ["x"]\n', "rule #1: a rule must be a table"),
    ('stage = "assemble"\n[[rule]]\nid = "A002"\nparams = { short_article = ["x", 1] }\n',
     "parameter 'short_article': element 0 must be a number, got str"),
    ('stage = "assemble"\n[[rule]]\nid = "A002"\nparams = { short_article = [[1.0], 2.0] }\n',
     "element 0 must be a number, got list"),
    ('stage = "label"\n[[rule]]\nid = "L001"\nparams = { kind = "paragraph" }\n',
     "parameter 'kind': expected one of 'furniture', 'credit', got 'paragraph'"),
    ('stage = "normalise"\n[[rule]]\nid = "N005"\nparams = { config = "../../../../etc/passwd" }\n',
     "parameter 'config': expected one of 't2s'"),
    ('stage = "label"\n[[rule]]\nid = "L001"\nmessage = "{kind.nope}"\n', "only plain {name} fields"),
    ('stage = "label"\n[[rule]]\nid = "L001"\nmessage = "{text:>200000000}"\n', "only plain {name} fields"),
    ('stage = "rejoin"\n[[rule]]\nid = "J001"\nenabled = false\n', "cannot be disabled"),
    ('stage = "assemble"\n[[rule]]\nid = "A003"\nenabled = false\n', "cannot be disabled"),
    ('stage = "rejoin"\n[J001]\nenabled = false\n', "a rule is a [[rule]] table with id ="),
    ('stage = "rejoin"\n[[rule]]\nid = "J001"\nparams = { paragraph_openers = ["(unclosed"] }\n', "bad pattern"),
])
def test_hostile_rule_files_are_refused_with_one_clear_error(tmp_path, text, message):
    with pytest.raises(RuleError, match=re.escape(message)):
        _user_rules(tmp_path, text)


def test_rules_that_may_be_disabled_still_can_be(tmp_path):
    rules = _user_rules(tmp_path, 'stage = "assemble"\n[[rule]]\nid = "A008"\nenabled = false\n')
    assert not rules.enabled("A008")


@pytest.mark.parametrize("stage, rid, key, pattern", [
    ("label", "L001", "patterns", r"^(\w|\w)*Z"),
    ("label", "L004", "patterns", r"^(a+)+$"),
    ("lines", "T001", "trailing_pattern", r"(\s*\S+\s*)*X"),
    ("rejoin", "J001", "dateline_alone", r"^(\d+\d+)+!"),  # a pattern list whose name says no 'pattern'
    ("assemble", "A003", "reporter_credit", r"(\S+\S+)+$"),
])
def test_a_pattern_that_backtracks_without_bound_is_refused_at_load(tmp_path, stage, rid, key, pattern):
    value = f"['{pattern}']" if key.endswith("s") or key == "dateline_alone" else f"'{pattern}'"
    path = write(tmp_path, "slow.toml", f'stage = "{stage}"\n\n[[rule]]\nid = "{rid}"\nparams = {{ {key} = {value} }}\n')
    with pytest.raises(RuleError, match="can backtrack without bound"):
        cleaner.load_rules([path])


def test_a_pattern_that_runs_out_of_time_is_recorded_and_not_searched_again(tmp_path):
    # (?i) keeps the parser from judging it at load; each 20,000-character line costs the
    # search its whole time limit: 20 lines took 10 s, silently
    path = write(tmp_path, "slow.toml", 'stage = "rejoin"\n\n[[rule]]\nid = "J001"\n'
                                        "params = { paragraph_openers = ['(?i)^(a+)+$'] }\n")
    page = cleaner.clean(("a" * 20000 + "!\n") * 20 + "北京启动建设。\n", rules=cleaner.load_rules([path]))
    flags = [c for c in page.changes if c.action == "flag" and "ran out of time" in c.reason]
    assert [(c.rule, c.safety) for c in flags] == [("J001", "review")]


def test_a_standalone_pattern_that_runs_out_of_time_is_recorded_once_for_the_whole_alternation(tmp_path):
    # the rejoin stage searches the standalone rules (L001-L004) group by group
    # (rules.any_match), but times and records them as their one alternation: one flag,
    # under its first pattern's rule, and no line searched after the first that ran out
    path = write(tmp_path, "slow.toml", 'stage = "label"\n\n[[rule]]\nid = "L004"\n'
                                        "params = { patterns = ['(?i)^(\\w|\\w)+$'] }\n")
    lines = ["".join(string.ascii_lowercase[(i * 7 + k * 3) % 26] for i in range(28)) + "-" for k in range(5)]
    page = cleaner.clean("\n\n".join(lines) + "\n\n北京启动建设。\n", rules=cleaner.load_rules([path]))
    flags = [c for c in page.changes if c.action == "flag" and "ran out of time" in c.reason]
    assert [(c.rule, c.safety) for c in flags] == [("L001", "review")]
