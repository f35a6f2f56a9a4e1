"""Demo data: fixed seed, realistic Vietnamese records, work in progress for every role to see."""

import re
from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction

from tiepdan.cases.models import Case
from tiepdan.core.demo.generate import generate
from tiepdan.deadlines.models import Deadline
from tiepdan.letters.models import Letter
from tiepdan.org.loader import load_demo_organisation
from tiepdan.people import geo
from tiepdan.people.models import Citizen
from tiepdan.reception.models import Visit


def _snapshot():
    return list(
        Letter.objects.order_by("id").values_list("received_on", "matter_type", "summary", "unit__code")
    )


class _Rollback(Exception):
    pass


def _generated(agency, seed):
    try:
        with transaction.atomic():
            generate(agency=agency, letters=200, seed=seed, today=date(2026, 11, 27), progress=False)
            snapshot = _snapshot()
            raise _Rollback
    except _Rollback:
        return snapshot


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_letters():
    agency = load_demo_organisation()
    first = _generated(agency, 7)
    assert len(first) == 200
    assert _generated(agency, 7) == first
    assert _generated(agency, 8) != first


@pytest.mark.django_db
def test_generated_citizens_look_vietnamese_and_live_in_real_bac_ninh_communes():
    agency = load_demo_organisation()
    generate(agency=agency, letters=300, seed=1, today=date(2026, 11, 27), progress=False)
    communes = {code for code, _ in geo.communes(geo.BAC_NINH)}
    assert len(communes) == 99
    for citizen in Citizen.objects.all()[:100]:
        assert len(citizen.full_name.split()) >= 3
        assert citizen.id_number is None or re.fullmatch(r"\d{12}", citizen.id_number)
        assert re.fullmatch(r"0\d{9}", citizen.phone)
        assert citizen.commune_code in communes
    dates = Letter.objects.values_list("received_on", flat=True)
    assert min(dates) >= date(2025, 5, 27)
    assert max(dates) <= date(2026, 11, 27)
    assert Visit.objects.filter(is_mass=True).exists()


@pytest.mark.django_db
def test_demo_command_loads_everything_once(capsys):
    call_command("tiepdan_demo", "--letters", "300", "--no-progress")
    out = capsys.readouterr().out
    assert "300 đơn" in out
    assert Case.objects.exists()
    assert Deadline.objects.filter(status="open").exists()
    loaded = Letter.objects.count()
    assert loaded >= 300  # the generated letters plus the hot-spot build-up of the monitoring demo
    call_command("tiepdan_demo", "--letters", "300", "--if-empty", "--no-progress")
    assert Letter.objects.count() == loaded


@pytest.mark.django_db
def test_a_generated_letter_or_visit_reads_as_its_type():
    from tiepdan.core.demo.vocabulary import summary_type

    agency = load_demo_organisation()
    generate(agency=agency, letters=300, seed=11, today=date(2026, 11, 27), progress=False)
    letters = list(Letter.objects.values_list("matter_type", "summary"))
    visits = list(Visit.objects.values_list("matter_type", "content"))
    assert len(letters) == 300
    assert visits
    mismatched = [(kind, text) for kind, text in letters + visits if summary_type(text) != kind]
    assert mismatched == []
    assert all("{" not in text for _, text in letters + visits)
