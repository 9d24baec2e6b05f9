"""Stage stub: rejoin."""
STAGE = "rejoin"
CHECKS: dict = {}


def run(page):
    return page
