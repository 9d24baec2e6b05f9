"""Stage stub: dedouble."""
STAGE = "dedouble"
CHECKS: dict = {}


def run(page):
    return page
