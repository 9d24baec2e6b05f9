"""Stage stub: spacing."""
STAGE = "spacing"
CHECKS: dict = {}


def run(page):
    return page
