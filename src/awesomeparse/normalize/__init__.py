"""Pure str -> value normalizers: no tokens, no I/O, each testable alone."""
