"""Traditional/Simplified detection and the OpenCC converters, built once per process.

OpenCC converters cannot be pickled, so they are never part of a configuration object: a
worker process builds its own on first use and keeps it.
"""

from __future__ import annotations

import functools
import re

from .chars import HAN_RE
from .errors import CleanerError


@functools.lru_cache(maxsize=8)
def converter(config: str):
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - a broken install
        raise CleanerError("opencc is not installed: pip install opencc") from exc
    if not hasattr(opencc, "OpenCC"):  # pragma: no cover
        raise CleanerError("the installed 'opencc' module is not OpenCC's official binding")
    return opencc.OpenCC(config)


@functools.lru_cache(maxsize=None)
def _is_traditional_only(c: str) -> bool:
    """A character OpenCC's t2s maps to something else on its own (頭 → 头, 區 → 区)."""
    return converter("t2s").convert(c) != c


_TRAD_CACHE: dict[str, bool] = {}


def traditional_share(text: str) -> tuple[int, int]:
    """(Traditional-only Han characters, all Han characters) in ``text``."""
    han = HAN_RE.findall(text)
    trad = 0
    cache = _TRAD_CACHE
    for c in han:
        v = cache.get(c)
        if v is None:
            v = cache[c] = _is_traditional_only(c)
        trad += v
    return trad, len(han)


_SPLIT = re.compile(r"\s+")
