"""Stage stub: assemble."""
STAGE = "assemble"
CHECKS: dict = {}


def run(page):
    return page
