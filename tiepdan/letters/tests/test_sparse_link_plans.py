"""Lookups along the sparse links (a letter's visit, duplicates and parts; a visit's parts) and the open
letters in due order use an index on SQLite even with the statistics of a large archive, where almost every
letter has no visit, no duplicate and no parent: ANALYZE then records a million rows under NULL for the
plain foreign-key indexes, and the planner used to walk the whole register instead (seconds a page). A
unit's cases are read in the case list's order, and the open ones in due order, from their indexes.

The statistics are written by hand (sqlite_stat1), as ANALYZE would leave them on 1,000,000 letters and
500,000 visits; the plans are read with EXPLAIN QUERY PLAN."""

from datetime import date

import pytest
from django.db import connection

from tiepdan.coordination.selectors import unassigned
from tiepdan.letters.models import Letter
from tiepdan.letters.selectors import matter_letters, only_open, same_content_letters
from tiepdan.reception.models import Visit

pytestmark = pytest.mark.django_db


def _skew(table: str, rows: int, columns: dict[str, str]) -> None:
    """Statistics of a large table: `rows` rows in the table and in each full index, and for the plain
    indexes on `columns` the figures given; a partial index keeps what ANALYZE found (its few rows)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s", [table])
        indexes = cursor.fetchall()
        cursor.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        stats = dict(cursor.fetchall())
        stats[None] = str(rows)
        for name, sql in indexes:
            if name not in stats or (sql and " WHERE " in sql):
                continue
            skewed = next((stat for column, stat in columns.items() if sql and f'("{column}")' in sql), None)
            stats[name] = skewed or " ".join([str(rows), *stats[name].split()[1:]])
        cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = %s", [table])
        for name, stat in stats.items():
            cursor.execute("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, %s, %s)", [table, name, stat])
        cursor.execute("ANALYZE sqlite_schema")  # the planner reads the statistics again


@pytest.fixture
def large_archive(make_letter, make_visit):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's statistics know the share of NULLs: its plans do not depend on this")
    visit = make_visit()
    root = make_letter(visit=visit, due_on=date(2026, 3, 20))
    make_letter(duplicate_of=root, due_on=date(2026, 3, 10))
    million = "1000000 1000000"  # every row under one key: the NULLs
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    _skew("letters_letter", 1_000_000, {"visit_id": million, "duplicate_of_id": million, "split_from_id": million})
    _skew("reception_visit", 500_000, {"split_from_id": "500000 500000"})
    return root, visit


def _plan(qs) -> str:
    return qs.explain()


def _scans(plan: str, table: str) -> bool:
    return any(line.split(" 0 0 ", 1)[-1].startswith(f"SCAN {table}") for line in plan.splitlines())


def test_a_matter_s_letters_are_looked_up_not_scanned(large_archive):
    root, _ = large_archive
    for qs in (matter_letters(root), matter_letters(root).order_by("-received_on", "-id"),
               same_content_letters(root)):
        plan = _plan(qs)
        assert not _scans(plan, "letters_letter"), plan
    assert matter_letters(root).count() == 2


def test_a_visit_s_letters_and_parts_are_looked_up_not_scanned(large_archive):
    root, visit = large_archive
    letters = Letter.objects.filter(visit=visit)  # the model's order: newest received first
    plan = _plan(letters)
    assert not _scans(plan, "letters_letter"), plan
    assert list(letters) == [root]
    parts = Visit.objects.filter(split_from_id=visit.pk) | Visit.objects.filter(pk=visit.pk)
    plan = _plan(parts.order_by("id"))
    assert not _scans(plan, "reception_visit"), plan


def test_open_letters_are_read_in_due_order_from_their_index(large_archive, head):
    plan = _plan(only_open(Letter.objects.all()).order_by("due_on", "id")[:20])
    assert "letter_open_due" in plan, plan
    plan = _plan(only_open(Letter.objects.filter(unit_id=large_archive[0].unit_id)).order_by("due_on", "id")[:20])
    assert "letter_open_unit_due" in plan, plan
    assert [letter.due_on for letter in unassigned(head)["letters"]] == [date(2026, 3, 10), date(2026, 3, 20)]


def test_a_unit_s_cases_are_read_in_the_list_s_order_and_open_ones_in_due_order(large_archive, handler):
    from tiepdan.cases.models import Case
    from tiepdan.cases.selectors import cases_visible_to

    root, _ = large_archive
    Case.objects.create(track="complaint_first", status="accepted", unit=root.unit, letter=root, title="Vụ việc",
                        accepted_on=date(2026, 3, 5), due_on=date(2026, 4, 5))
    _skew("cases_case", 100_000, {})
    plan = _plan(cases_visible_to(handler)[:50])
    assert "case_unit_recent" in plan, plan
    plan = _plan(cases_visible_to(handler).filter(closed_on__isnull=True).order_by("due_on", "id")[:20])
    assert "case_open_unit_due" in plan, plan
    assert [case.title for case in unassigned(handler)["cases"]] == ["Vụ việc"]
