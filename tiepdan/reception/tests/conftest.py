"""Fixtures of the reception tests: a fixed clock and a ready visit input."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=TZ)


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def visit_input():
    """A valid input for `record_visit`; override any field by keyword."""
    from tiepdan.reception.services import VisitInput, VisitorInput

    def make(**kw):
        defaults = {
            "received_at": datetime(2026, 11, 26, 9, 30, tzinfo=TZ),
            "matter_types": ("complaint",),
            "content": "Khiếu nại quyết định xử phạt hoạt động karaoke",
            "outcome": "letter_received",
            "visitors": (VisitorInput(full_name="Nguyễn Văn Bình", id_number="027090001234", phone="0912000111"),),
            "head_count": 1,
        }
        defaults.update(kw)
        return VisitInput(**defaults)

    return make


def group(n_named: int, representatives: int, start: int = 100):
    """Visitor rows for a group: `n_named` people, the first `representatives` of them representatives."""
    from tiepdan.reception.services import VisitorInput

    return tuple(
        VisitorInput(
            full_name=f"Trần Văn Đoàn {i}", id_number=f"027090{start + i:06d}", is_representative=i < representatives
        )
        for i in range(n_named)
    )
