"""Block rules, one construct per module; each is ``rule(state) -> bool``."""
