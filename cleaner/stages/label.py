"""Stage stub: label."""
STAGE = "label"
CHECKS: dict = {}


def run(page):
    return page
