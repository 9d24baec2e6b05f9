"""The stages, in the order they run. Each is a pure function ``Page -> Page``.

normalise → ocr → lines → dedouble → rejoin → label → spacing → assemble
"""

from . import assemble, dedouble, label, lines, normalise, ocr, rejoin, spacing

#: The pipeline: one place lists every stage, in order.
PIPELINE = (normalise, ocr, lines, dedouble, rejoin, label, spacing, assemble)
