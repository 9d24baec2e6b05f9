"""Errors a user can act on. Anything else that escapes the cleaner is a bug."""


class CleanerError(Exception):
    """Base of every error the CLI reports as ``cleaner: error: …`` without a traceback."""

    kind = "error"


class RuleError(CleanerError):
    """A rule file is malformed: the message names the file, the rule id and the key."""

    kind = "rules"


class InputError(CleanerError):
    """An input cannot be read or decoded."""

    kind = "input"


class OutputError(CleanerError):
    """An output cannot be written where it would go: an unsafe name, a path that resolves
    outside the output folder, or a folder that is full or not writable."""

    kind = "output"
