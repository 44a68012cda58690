"""Exception classes of crm_rules, raised by the native module by category.

Every error carries a stable ``code`` (e.g. ``"input.invalid_date"``), the dotted
``path`` of the offending field inside the input (or the parameter name for the
typed functions; ``None`` when the error is not about a field) and a human
``message``. See docs/API.md, "Errors".
"""

from __future__ import annotations

from typing import Optional, Tuple, TypedDict

class ErrorDict(TypedDict):
    """An error as JSON: ``{"code", "path", "message"}``."""

    code: str
    path: Optional[str]
    message: str


class CrmError(ValueError):
    """Base class of every crm_rules error.

    >>> import crm_rules
    >>> try:
    ...     crm_rules.evaluate("calendar.is_business_day", {"date": "2023-02-29"})
    ... except crm_rules.CrmError as e:
    ...     print(e.code, e.path)
    input.invalid_date date
    """

    code: str
    path: Optional[str]
    message: str

    def __init__(self, code: str, path: Optional[str], message: str) -> None:
        super().__init__(code, path, message)
        self.code = code
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, path={self.path!r}, message={self.message!r})"

    def __reduce__(self) -> Tuple[type, Tuple[str, Optional[str], str]]:
        return (type(self), (self.code, self.path, self.message))

    def to_dict(self) -> ErrorDict:
        """The error as JSON-shaped data, as the other bindings report it.

        >>> CrmError("input.invalid", "on", "on: invalid input").to_dict()
        {'code': 'input.invalid', 'path': 'on', 'message': 'on: invalid input'}
        """
        return {"code": self.code, "path": self.path, "message": self.message}


class ValidationError(CrmError):
    """The input is malformed or inconsistent (codes ``input.*``).

    Also raised, with code ``input.invalid`` and the parameter name as ``path``,
    when a typed function gets a Python value of the wrong type (for example a
    ``str`` where a ``datetime.date`` is required).
    """


class PolicyError(CrmError):
    """A policy value fails validation (code ``policy.invalid``)."""


class OutOfRangeError(ValidationError):
    """A date or a result outside 1900-01-01..=2199-12-31 (code ``calendar.out_of_range``)."""


class UnknownRuleError(CrmError):
    """``evaluate`` was called with a rule name that does not exist (code ``rule.unknown``)."""
