"""Exceptions raised by awesomeparse: small typed records the CLI turns into one line."""

from __future__ import annotations

from attrs import frozen


class AwesomeParseError(Exception):
    """Base class of every error awesomeparse raises on purpose."""

    def one_line(self) -> str:
        """The error as the CLI prints it (without the ``error:`` prefix)."""
        return str(self)


@frozen(auto_exc=True)
class SourceError(AwesomeParseError):
    """A file could not be read or decoded: ``path``, the line when known, and why."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"

    def one_line(self) -> str:
        return str(self).replace("\n", " ")


@frozen(auto_exc=True)
class SchemaError(AwesomeParseError):
    """JSON handed to ``from_json`` does not follow the document schema."""

    message: str

    def __str__(self) -> str:
        return self.message
