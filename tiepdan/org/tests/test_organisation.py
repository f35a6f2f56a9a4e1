from datetime import date

import pytest

from tiepdan.org import services
from tiepdan.org.models import Unit, UnitChange, UnitChangeKind
from tiepdan.org.roles import Role
from tiepdan.org.selectors import advisory_unit, roles_of, units_visible_to, visible_unit_ids


def test_demo_department_has_the_units_of_its_plan(demo_org):
    names = set(Unit.objects.values_list("name", flat=True))
    assert {
        "Ban Giám đốc Sở",
        "Phòng Kế hoạch – Tổng hợp",
        "Thanh tra Sở",
        "Thư viện tỉnh",
        "Bảo tàng tỉnh",
        "Công đoàn Sở",
        "Đoàn Thanh niên Sở",
    } <= names


def test_inspectorate_abolished_on_1_july_2025_hands_the_advisory_role_on(demo_org):
    inspectorate = Unit.objects.get(code="thanh-tra")
    assert inspectorate.valid_to == date(2025, 6, 30)
    assert inspectorate.successor.code == "ttr-pc"
    assert advisory_unit(date(2025, 6, 30)).code == "thanh-tra"
    assert advisory_unit(date(2025, 7, 1)).code == "ttr-pc"
    change = UnitChange.objects.get(unit=inspectorate, kind=UnitChangeKind.ABOLISHED)
    assert change.effective_on == date(2025, 7, 1)
    assert "84/2025/QH15" in change.legal_basis


def test_unit_is_active_only_inside_its_validity_dates(demo_org):
    inspectorate = Unit.objects.get(code="thanh-tra")
    assert inspectorate.is_active_on(date(2025, 6, 30))
    assert not inspectorate.is_active_on(date(2025, 7, 1))


def test_roles_come_from_groups(officer, leader):
    assert roles_of(officer) == {Role.RECEPTION_OFFICER}
    assert roles_of(leader) == {Role.LEADERSHIP}


def test_a_unit_officer_sees_its_subtree_and_the_units_merged_into_it(officer, outsider, unit):
    ids = set(visible_unit_ids(officer))
    assert {unit("ttr-pc").pk, unit("thanh-tra").pk, unit("bp-bac-giang").pk} <= ids
    assert unit("bao-tang").pk not in ids
    museum = set(visible_unit_ids(outsider))
    assert unit("bql-di-tich").pk in museum  # a sub-unit of the museum
    assert unit("ttr-pc").pk not in museum


def test_leadership_inspection_and_auditor_see_the_whole_agency(leader, inspector, auditor):
    for user in (leader, inspector, auditor):
        assert visible_unit_ids(user) is None
        assert units_visible_to(user).count() == Unit.objects.count()


def test_renaming_keeps_the_old_name_in_history(demo_org, unit):
    library = unit("thu-vien")
    services.rename_unit(unit=library, new_name="Thư viện tỉnh Bắc Ninh", on=date(2025, 7, 1))
    library.refresh_from_db()
    assert library.name == "Thư viện tỉnh Bắc Ninh"
    assert library.changes.get(kind="renamed").old_name == "Thư viện tỉnh"


def test_ending_a_unit_needs_a_different_successor(demo_org, unit):
    with pytest.raises(ValueError, match="successor"):
        services.end_unit(
            unit=unit("thu-vien"),
            kind="merged",
            on=date(2026, 1, 1),
            successor=unit("thu-vien"),
            remappers=[],
        )
