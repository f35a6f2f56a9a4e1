"""The register's search finds the same letters in the same order whichever way it is planned: counted in
a window of the newest matches (SQLite) or letters (PostgreSQL) or over every match, paged from the
window, walked along an index, or fetched through the full-text index (selectors.register_listing; the
windows and the cap made tiny here)."""

from datetime import date, timedelta

import pytest

from tiepdan.letters import selectors
from tiepdan.letters.selectors import RegisterFilters

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(register, citizen_sender):
    """Twelve letters about a festival (received on shuffled days, two types) and three about karaoke."""
    festival = []
    for n in range(12):
        festival.append(register(
            summary=f"Kiến nghị về lễ hội đền số {n}", senders=[citizen_sender],
            matter_type="feedback" if n % 3 else "petition",
            received_on=date(2026, 11, 1) + timedelta(days=(n * 7) % 12),
        ))
    for n in range(3):
        register(summary=f"Phản ánh quán karaoke số {n}", senders=[citizen_sender], matter_type="feedback")
    return festival


def _expected(user, filters, page, size):
    """The plain way: every match, sorted by the database, sliced."""
    qs = selectors.register(user, filters, today=date(2026, 11, 27))
    start = (page - 1) * size
    rows = list(qs[start:start + size + 1])
    return [r.code for r in rows[:size]], len(rows) > size, qs.count()


@pytest.mark.parametrize(("window", "cap"), [(100, 100), (100, 5), (4, 100), (4, 3), (20, 3)])
@pytest.mark.parametrize("sort", ["", "-received_on", "received_on", "-id"])
@pytest.mark.parametrize("matter_type", ["", "feedback"])
@pytest.mark.parametrize("who", ["leader", "officer"])  # the whole agency; one unit's letters
def test_every_plan_gives_the_plain_result(request, monkeypatch, archive, window, cap, sort, matter_type, who):
    user = request.getfixturevalue(who)
    monkeypatch.setattr(selectors, "SEARCH_WINDOW", window)  # SQLite: the newest matches
    monkeypatch.setattr(selectors, "PG_WINDOW", window)  # PostgreSQL: the newest letters
    monkeypatch.setattr(selectors, "COUNT_CAP", cap)
    filters = RegisterFilters(query="le hoi", sort=sort, matter_type=matter_type)
    size = 2
    for page in (1, 2, 3, 4):
        codes, has_next, count = _expected(user, filters, page, size)
        listing = selectors.register_listing(user, filters, today=date(2026, 11, 27), page=page, size=size)
        assert [r.code for r in listing.rows] == codes, (page, window, cap)
        assert listing.has_next == has_next
        assert (listing.total, listing.exact) == ((count, True) if count <= cap else (cap, False))
    if who == "officer":
        assert count > 0  # the officer's unit handles these letters: the scoped way was taken


def test_a_word_with_no_match_and_a_rare_word(leader, archive):
    today = date(2026, 11, 27)
    assert selectors.register_listing(leader, RegisterFilters(query="xyzxyz"), today=today).total == 0
    found = selectors.register_listing(leader, RegisterFilters(query="karaoke", sort="received_on"), today=today)
    assert (found.total, found.exact, len(found.rows)) == (3, True, 3)


def test_the_raw_indexes_come_back_after_a_table_rebuild():
    from django.db import connection

    from tiepdan.letters.search_index import RAW_INDEXES, ensure_sqlite_search_index

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL keeps its indexes through ALTER TABLE")
    with connection.cursor() as cursor:  # what Django's table rebuild does to an index the model does not list
        for name, _ in RAW_INDEXES:
            cursor.execute(f"DROP INDEX {name}")
    assert ensure_sqlite_search_index() is True
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'letters_letter'")
        assert {name for name, _ in RAW_INDEXES} <= {row[0] for row in cursor.fetchall()}
    assert ensure_sqlite_search_index() is False
