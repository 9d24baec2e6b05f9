"""The stages, in the order they run. Each is a pure function ``Page -> Page``.

normalise → lines → dedouble → rejoin → label → spacing → assemble
"""

from . import assemble, dedouble, label, lines, normalise, rejoin, spacing

#: The pipeline: one place lists every stage, in order.
PIPELINE = (normalise, lines, dedouble, rejoin, label, spacing, assemble)

#: stage name -> {check name -> parameter schema}, what rule files may configure.
CHECKS = {m.STAGE: m.CHECKS for m in PIPELINE}

#: checks a stage cannot do without: a rule file may not disable them (it may tune them)
ALWAYS_ON = frozenset(c for m in PIPELINE for c in getattr(m, "ALWAYS_ON", ()))
