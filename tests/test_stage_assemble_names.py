"""Speed-only helpers of the assemble stage give what the computation they replace gave."""

from cleaner.stages.assemble.reunite import _names, names_of, text_names


def test_names_of_is_names_of_the_joined_texts():
    texts = ["丰源县示范区彭立新说", "记者 从丰源县获悉：AB12 几分钟就到", "", "县示范", "新说丰源"]
    assert names_of(texts) == _names(texts)
    # (a run ends at its text's end: no name across two texts, 新说 + 丰源 -> 说丰源)
    assert "说丰源" not in names_of(["彭立新说", "丰源县"])
    assert "说丰源" in names_of(["彭立新说丰源县"])


def test_text_names_kept_per_text():
    assert text_names("丰源县示范区") == frozenset({"丰源县", "源县示", "县示范", "示范区"})
    assert names_of([]) == set()
