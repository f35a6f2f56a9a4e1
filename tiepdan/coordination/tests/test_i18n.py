"""Coordination pages in the reader's language: flash messages, refusals of the services (translated
messages and the pure rules' English twins), labels of the rules and the titles the views pass.

Vietnamese by default; English after the language switch (the cookie the set_language view sets)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _vietnamese_afterwards():
    """The locale middleware activates the reader's language on the test's thread: leave it Vietnamese."""
    from django.utils import translation

    yield
    translation.activate("vi")


def _speak(client, language: str) -> None:
    response = client.post(reverse("set_language"), {"language": language, "next": "/"})
    assert response.status_code == 302


@pytest.fixture
def manager(client, clock, election, leader):
    client.force_login(leader)
    return leader


def _staff_of(period):
    from tiepdan.org.models import Staff

    return Staff.objects.filter(unit__agency=period.agency).order_by("pk").first()


@pytest.mark.parametrize(
    ("language", "saved", "rule_label", "other"),
    [
        ("vi", "Đã lưu quy tắc của đợt.", "Báo cáo tình hình hằng ngày", "Period rule saved."),
        ("en", "Period rule saved.", "Daily situation report", "Đã lưu quy tắc của đợt."),
    ],
)
def test_the_flash_message_after_saving_a_rule_is_in_the_reader_s_language(
    client, manager, election, language, saved, rule_label, other
):
    if language != "vi":
        _speak(client, language)
    response = client.post(
        reverse("coordination:period_rule", args=[election.pk]),
        {"kind": "daily_report", "phases": ["before", "during"]},
        follow=True,
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert saved in body
    assert other not in body
    assert rule_label in body  # the rule table of the period, from the pure module's (vi, en) pair


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("vi", "Ngày trực phải trong thời gian của đợt (05/03/2026 – 20/03/2026)."),
        ("en", "The duty day must fall within the event period (05/03/2026 – 20/03/2026)."),
    ],
)
def test_a_refusal_of_the_service_is_shown_beside_its_field_in_the_reader_s_language(
    client, manager, election, language, message
):
    if language != "vi":
        _speak(client, language)
    response = client.post(
        reverse("coordination:duty_shift", args=[election.pk]),
        {"on": "01/04/2026", "kind": "reception", "staff": _staff_of(election).pk},
    )
    assert response.status_code == 422
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("vi", "Thời hạn nội bộ không được dài hơn thời hạn luật định: tỷ lệ tối đa là 100%."),
        ("en", "An internal limit cannot be longer than the legal one: at most 100%."),
    ],
)
def test_a_pure_rule_s_refusal_comes_in_the_reader_s_language(client, manager, election, language, message):
    if language != "vi":
        _speak(client, language)
    response = client.post(
        reverse("coordination:period_rule", args=[election.pk]),
        {"kind": "internal_limit", "phases": ["during"], "value": 150},
    )
    assert response.status_code == 422
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("language", "title", "other"),
    [
        ("vi", "Ghi nhận buổi tuyên truyền, phổ biến pháp luật", "Record a legal dissemination session"),
        ("en", "Record a legal dissemination session", "Ghi nhận buổi tuyên truyền, phổ biến pháp luật"),
    ],
)
def test_the_title_a_view_passes_is_translated(client, manager, language, title, other):
    if language != "vi":
        _speak(client, language)
    body = client.get(reverse("coordination:dissemination_new")).content.decode()
    assert f"<h1>{title}</h1>" in body
    assert other not in body


def test_the_refusal_keeps_both_languages_whatever_the_active_one():
    from django.utils import translation
    from django.utils.translation import gettext_lazy

    from tiepdan.coordination import rules
    from tiepdan.coordination.services.common import Refused

    with translation.override("en"):
        translated = Refused(gettext_lazy("Cần chọn người xử lý."), field="handler")
        assert str(translated) == "Choose the handler."
    assert translated.message_vi == "Cần chọn người xử lý."
    assert translated.message_en == "Choose the handler."
    with translation.override("vi"):
        assert str(translated) == "Cần chọn người xử lý."  # raised in English, shown in Vietnamese
    twin = Refused.from_rule(rules.RuleError("Sai.", "Wrong."), "on")
    assert (twin.message_vi, twin.message_en, twin.field) == ("Sai.", "Wrong.", "on")
    with translation.override("en"):
        assert str(twin) == "Wrong."
    with translation.override("vi"):
        assert str(twin) == "Sai."
