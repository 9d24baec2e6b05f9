"""The stages, in the order they run. Each is a pure function ``Page -> Page``.

normalise → lines → dedouble → rejoin → label → spacing → assemble
"""

from . import assemble, dedouble, label, lines, normalise, rejoin, spacing

#: The pipeline: one place lists every stage, in order.
PIPELINE = (normalise, lines, dedouble, rejoin, label, spacing, assemble)
