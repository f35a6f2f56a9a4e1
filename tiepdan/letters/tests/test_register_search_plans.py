"""The register's search finds the same letters in the same order whichever way it is planned: counted in
the window of the newest matches or over every match, paged from the window, walked along an index, or
looked up match by match (selectors.register_listing; the window and the cap made tiny here)."""

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


def _expected(leader, filters, page, size):
    """The plain way: every match, sorted by the database, sliced."""
    qs = selectors.register(leader, filters, today=date(2026, 11, 27))
    start = (page - 1) * size
    rows = list(qs[start:start + size + 1])
    return [r.code for r in rows[:size]], len(rows) > size, qs.count()


@pytest.mark.parametrize(("window", "cap"), [(100, 100), (100, 5), (4, 100), (4, 3), (20, 3)])
@pytest.mark.parametrize("sort", ["", "-received_on", "received_on", "-id"])
@pytest.mark.parametrize("matter_type", ["", "feedback"])
def test_every_plan_gives_the_plain_result(monkeypatch, leader, archive, window, cap, sort, matter_type):
    monkeypatch.setattr(selectors, "SEARCH_WINDOW", window)
    monkeypatch.setattr(selectors, "COUNT_CAP", cap)
    filters = RegisterFilters(query="le hoi", sort=sort, matter_type=matter_type)
    size = 2
    for page in (1, 2, 3, 4):
        codes, has_next, count = _expected(leader, filters, page, size)
        listing = selectors.register_listing(leader, filters, today=date(2026, 11, 27), page=page, size=size)
        assert [r.code for r in listing.rows] == codes, (page, window, cap)
        assert listing.has_next == has_next
        assert (listing.total, listing.exact) == ((count, True) if count <= cap else (cap, False))


def test_a_word_with_no_match_and_a_rare_word(leader, archive):
    today = date(2026, 11, 27)
    assert selectors.register_listing(leader, RegisterFilters(query="xyzxyz"), today=today).total == 0
    found = selectors.register_listing(leader, RegisterFilters(query="karaoke", sort="received_on"), today=today)
    assert (found.total, found.exact, len(found.rows)) == (3, True, 3)
