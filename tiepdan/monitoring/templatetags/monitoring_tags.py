from django import template

from tiepdan.monitoring.selectors import commune_label, factor_rows, level_label, status_label

register = template.Library()


@register.filter
def top_factors(factors, count=3):
    """The factors that gave most points, for a one-line "why"."""
    return [r for r in factor_rows(factors or []) if r.points > 0][: int(count)]


@register.filter
def risk_level(level: str) -> str:
    return level_label(level)


@register.filter
def commune(code) -> str:
    return commune_label(code)


@register.filter
def iso_date(value: str) -> str:
    """"2026-03-15" → "15/03/2026" (dates stored in JSON)."""
    try:
        year, month, day = str(value).split("-")
    except ValueError:
        return str(value)
    return f"{day}/{month}/{year}"


@register.filter
def status_name(status: str) -> str:
    try:
        return status_label(status)
    except ValueError:
        return status
