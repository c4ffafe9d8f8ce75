"""Rule reference pages: docs/rules/<CODE>.md is generated from each rule module's docstring."""

from __future__ import annotations

import json

from awesomeparse.linter.registry import RULES
from awesomeparse.linter.rule import Rule, options_of, touches_of

_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety")


def rule_page(code: str) -> str:
    rule = RULES[code]
    doc = (rule.__doc__ or "").strip()
    title, _, body = doc.partition("\n\n")
    sections = []
    for paragraph in body.split("\n\n"):
        head = next((name for name in _SECTIONS if paragraph.startswith(name)), None)
        if head is not None:
            rest = paragraph[len(head) :].lstrip(": ")
            sections.append(f"## {head}\n\n{' '.join(rest.split())}\n")
        else:
            sections.append(" ".join(paragraph.split()) + "\n")
    summary = title.split(":", 1)[1].strip() if ":" in title else title
    header = f"# {code} `{rule.NAME}`\n\n{' '.join(summary.split())}\n\nDefault severity: **{rule.SEVERITY}**.\n"
    return "\n".join([header, *sections, *_fix_scope(rule), *_options(rule)])


def _fix_scope(rule: Rule) -> list[str]:
    touched = touches_of(rule)
    if not any(case.fixed is not None for case in rule.INVALID):
        return []
    fields = ", ".join(f"`{name}`" for name in sorted(touched)) if touched else "nothing"
    return [f"A fix is applied only if re-parsing the list shows every entry kept, with changes to {fields} "
            "at most; otherwise it is reported as not applied.\n"]


def _options(rule: Rule) -> list[str]:
    options = options_of(rule)
    if not options:
        return []
    rows = [f"| `{option.name}` | `{json.dumps(option.default)}` | "
            f"{', '.join(f'`{json.dumps(choice)}`' for choice in option.choices) or 'any'} | {option.help} |"
            for option in options]
    example = options[0]
    value = json.dumps(example.choices[-1] if example.choices else example.default)
    return ["## Options\n\n| option | default | values | meaning |\n| --- | --- | --- | --- |\n" + "\n".join(rows)
            + f"\n\nIn `.awesomeparse.toml`:\n\n```toml\n[lint.rules.{rule.CODE}]\n{example.name} = {value}\n```\n\n"
            f"or under `[tool.awesomeparse.lint.rules.{rule.CODE}]` in `pyproject.toml`. An unknown option or "
            "a value not listed is a usage error (exit 2).\n"]


def index_page() -> str:
    rows = [f"| [{code}]({code}.md) | `{rule.NAME}` | {rule.SEVERITY} | {rule.SUMMARY} |"
            for code, rule in RULES.items()]
    return "# Lint rules\n\n| code | name | severity | finds |\n| --- | --- | --- | --- |\n" + "\n".join(rows) + "\n"


def main() -> None:
    """``python -m awesomeparse.linter.docs DIR``: write the pages."""
    import pathlib
    import sys

    target = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules")
    target.mkdir(parents=True, exist_ok=True)
    (target / "README.md").write_text(index_page(), encoding="utf-8")
    for code in RULES:
        (target / f"{code}.md").write_text(rule_page(code), encoding="utf-8")


if __name__ == "__main__":
    main()
