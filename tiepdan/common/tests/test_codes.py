"""Random public codes: the alphabet read over the phone, and bulk loads that survive a taken code."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError

from tiepdan.common.codes import _ALPHABET, bulk_create_with_codes, new_public_code
from tiepdan.reception.models import Visit, new_visit_code


def test_a_code_has_its_prefix_and_length_and_no_ambiguous_letters():
    code = new_public_code("TD", 10)
    assert code.startswith("TD")
    assert len(code) == 12
    assert set(code[2:]) <= set(_ALPHABET)
    assert not set(code[2:]) & set("01IO")


def _visit(unit, officer, code):
    return Visit(unit=unit, code=code, received_at=datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
                 head_count=1, content="Phản ánh tiếng ồn karaoke", created_by=officer)


def test_a_bulk_load_draws_again_the_codes_taken_before_or_twice_in_the_batch(unit, officer, make_visit):
    taken = make_visit().code
    codes = (taken, "TDBBBBBBBBBB", "TDBBBBBBBBBB", new_visit_code())
    batch = [_visit(unit("ttr-pc"), officer, code) for code in codes]
    saved = bulk_create_with_codes(Visit, batch, new_visit_code)
    codes = [visit.code for visit in saved]
    assert all(visit.pk for visit in saved)
    assert len(set(codes)) == 4
    assert taken not in codes
    assert Visit.objects.count() == 5


def test_another_integrity_error_is_let_through(unit, officer):
    bad = _visit(unit("ttr-pc"), officer, new_visit_code())
    bad.content = None  # NOT NULL: not a code collision, not to be hidden by drawing codes again
    with pytest.raises(IntegrityError):
        bulk_create_with_codes(Visit, [bad], new_visit_code)
