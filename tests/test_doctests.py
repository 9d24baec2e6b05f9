"""The examples in the package's docstrings run: a doctest that fails is a failing test."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import warnings

import pytest

import cleaner

MODULES = sorted(m.name for m in pkgutil.walk_packages(cleaner.__path__, "cleaner.") if not m.name.endswith("__main__"))
OPTIONAL = {"cleaner.dask": "dask"}  # modules of an optional extra


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if OPTIONAL.get(name) == exc.name:
            pytest.skip(f"{name} needs the optional {exc.name}")
        raise
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_every_module_is_listed():
    assert "cleaner.outpaths" in MODULES and "cleaner.synth.page" in MODULES and len(MODULES) > 20
