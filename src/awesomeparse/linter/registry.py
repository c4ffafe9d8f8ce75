"""The rule table: every built-in rule by code, in code order, and the checking of rule options."""

from __future__ import annotations

from collections.abc import Mapping

from awesomeparse.linter.context import OptionValue
from awesomeparse.linter.rule import Rule, as_rule, options_of
from awesomeparse.linter.rules import (
    ap101_stray_angle_bracket,
    ap102_bracket_then_url,
    ap103_bracket_without_target,
    ap104_double_slash,
    ap105_arxiv_link_style,
    ap106_unbalanced_link_brackets,
    ap201_misspelled_label,
    ap202_fullwidth_colon,
    ap203_malformed_bullet,
    ap204_label_url_mismatch,
    ap205_missing_label_colon,
    ap206_label_colon_space,
    ap207_label_case,
    ap301_broken_bold_title,
    ap302_underscore_for_colon,
    ap303_compatibility_character,
    ap304_title_colon_space,
    ap401_bullet_as_code,
    ap402_two_headings_one_line,
    ap403_heading_level_jump,
    ap404_empty_section,
    ap405_setext_heading,
    ap501_duplicate_entry,
    ap502_year_vs_arxiv,
    ap503_arxiv_version,
    ap504_insecure_http,
    ap505_entry_without_link,
    ap506_stacked_title_variants,
    ap507_title_names_other_paper,
    ap901_unused_suppression,
)

RULES: dict[str, Rule] = {
    rule.CODE: rule
    for rule in map(as_rule, (
        ap101_stray_angle_bracket, ap102_bracket_then_url, ap103_bracket_without_target, ap104_double_slash,
        ap105_arxiv_link_style, ap106_unbalanced_link_brackets,
        ap201_misspelled_label, ap202_fullwidth_colon, ap203_malformed_bullet, ap204_label_url_mismatch,
        ap205_missing_label_colon, ap206_label_colon_space, ap207_label_case,
        ap301_broken_bold_title, ap302_underscore_for_colon, ap303_compatibility_character, ap304_title_colon_space,
        ap401_bullet_as_code, ap402_two_headings_one_line, ap403_heading_level_jump, ap404_empty_section,
        ap405_setext_heading,
        ap501_duplicate_entry, ap502_year_vs_arxiv, ap503_arxiv_version, ap504_insecure_http,
        ap505_entry_without_link, ap506_stacked_title_variants, ap507_title_names_other_paper,
        ap901_unused_suppression,
    ))
}


class UnknownRuleError(LookupError):
    """A --select or --ignore code that names no rule."""


class OptionError(ValueError):
    """A rule option that does not exist or has a value the option does not take (one line)."""


def validate_options(raw: Mapping[str, object]) -> dict[str, dict[str, OptionValue]]:
    """Per-rule settings keyed by rule code or name (``AP105`` or ``arxiv-link-style``), checked
    against each rule's ``OPTIONS``; the result is keyed by code."""
    by_name = {rule.NAME: code for code, rule in RULES.items()}
    checked: dict[str, dict[str, OptionValue]] = {}
    for key, settings in raw.items():
        code = key.upper() if key.upper() in RULES else by_name.get(key)
        if code is None:
            raise OptionError(f"rule {key!r} does not exist")
        known = {option.name: option for option in options_of(RULES[code])}
        if not isinstance(settings, Mapping):
            raise OptionError(f"options of {code} must be a table of name = value")
        for name, value in settings.items():
            option = known.get(name)
            if option is None:
                offered = ", ".join(sorted(known)) or "none"
                raise OptionError(f"{code} has no option {name!r} (its options: {offered})")
            try:
                checked.setdefault(code, {})[name] = option.validate(value)
            except ValueError as exc:
                raise OptionError(f"{code} {exc}") from None
    return checked


def select(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """Rules chosen by code or code prefix (``AP2`` selects every label rule), minus the ignored."""
    chosen = [rule for code, rule in RULES.items() if not select or any(code.startswith(item) for item in select)]
    for item in (select or []) + (ignore or []):
        if not any(code.startswith(item) for code in RULES):
            raise UnknownRuleError(item)
    return [rule for rule in chosen if not any(rule.CODE.startswith(item) for item in ignore or [])]
