"""The department's plan (../shared/plan-2024.txt) as data: its four assignees and their tasks,
progress reports and "who is late", and the plan regenerated as a Decree 30/2020 .docx."""

import io
from datetime import date

import pytest
from django.urls import reverse

from tiepdan.coordination import selectors, services
from tiepdan.coordination.models import PlanSection, PlanTask
from tiepdan.coordination.rules import PlanTaskState
from tiepdan.org.models import Unit


def test_the_plan_has_its_three_sections_and_four_assignees(plan):
    assert plan.number_symbol == "…/KH-SVHTTDL"
    assert plan.issued_month == "11/2024"
    assert plan.grounds.startswith("Thực hiện Kế hoạch số 409/KH-UBND ngày 23/10/2024")
    assert len(plan.lines(plan.purposes)) == 2
    assert plan.tasks.filter(section=PlanSection.CONTENT).count() == 2
    assignees = list(plan.assignees.order_by("order"))
    assert [a.heading for a in assignees] == [
        "Phòng Kế hoạch – Tổng hợp",
        "Thanh tra sở",
        "Các cơ quan, đơn vị thuộc sở",
        "Đề nghị Công đoàn, Đoàn thanh niên Sở",
    ]
    assert [a.tasks.count() for a in assignees] == [2, 4, 2, 1]
    assert [sorted(u.code for u in a.lead_units.all()) for a in assignees] == [
        ["khth"],
        ["thanh-tra"],
        [],
        ["cong-doan", "doan-thanh-nien"],
    ]
    assert assignees[2].all_units
    assert assignees[3].is_request
    assert plan.lines(plan.recipients)[0] == "TT.TU, TT.HĐND tỉnh (b/c)"
    assert plan.archive == "VT, KHTH, TTr"


def test_the_abolished_inspectorate_s_tasks_fall_to_its_successor(plan):
    task = PlanTask.objects.get(plan=plan, assignee__heading="Thanh tra sở", order=1)
    units = selectors.responsible_units(task, selectors.plan_units(plan.agency, date(2026, 3, 1)), date(2026, 3, 1))
    assert [u.code for u in units] == ["ttr-pc"]
    # Before 01/07/2025 the inspectorate itself answered for them.
    before = selectors.responsible_units(task, [], date(2025, 1, 10))
    assert [u.code for u in before] == ["thanh-tra"]


def test_who_is_late_lists_the_units_without_progress_reports(plan, inspector):
    today = date(2026, 3, 10)
    khth = Unit.objects.get(code="khth")
    first = PlanTask.objects.get(plan=plan, assignee__heading="Phòng Kế hoạch – Tổng hợp", order=1)
    progress = selectors.plan_progress(plan, today=today)
    late_units = {unit.code for unit, _tasks in progress.late}
    assert "khth" in late_units  # no report in the 30-day interval
    assert "ttr-pc" in late_units
    assert "cong-doan" in late_units
    services.report_plan_progress(
        task=first, unit=khth, actor=inspector, on=date(2026, 3, 5), progress=80, text="Đã bố trí phòng tiếp"
    )
    shares = next(
        tp for _a, tasks, _n in selectors.plan_progress(plan, today=today).sections for tp in tasks if tp.task == first
    ).shares
    assert [(s.unit.code, s.state) for s in shares] == [("khth", PlanTaskState.ON_TRACK)]


def test_a_unit_reports_on_its_own_share_only(plan, user, outsider):
    khth_task = PlanTask.objects.get(plan=plan, assignee__heading="Phòng Kế hoạch – Tổng hợp", order=1)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.report_plan_progress(
            task=khth_task,
            unit=Unit.objects.get(code="khth"),
            actor=outsider,
            on=date(2026, 3, 5),
            progress=10,
            text="x",
        )
    with pytest.raises(services.Refused):
        services.report_plan_progress(
            task=khth_task,
            unit=Unit.objects.get(code="bao-tang"),
            actor=outsider,
            on=date(2026, 3, 5),
            progress=10,
            text="x",
        )
    # A task for every unit: the museum reports on its own share.
    all_units_task = PlanTask.objects.get(plan=plan, assignee__all_units=True, order=1)
    services.report_plan_progress(
        task=all_units_task,
        unit=Unit.objects.get(code="bao-tang"),
        actor=outsider,
        on=date(2026, 3, 5),
        progress=50,
        text="Tiếp công dân theo lịch",
    )


def test_the_report_page_refuses_others_and_keeps_bad_input(clock, client, plan, user, outsider):
    khth_task = PlanTask.objects.get(plan=plan, assignee__heading="Phòng Kế hoạch – Tổng hợp", order=1)
    url = reverse("coordination:plan_task_report", args=[khth_task.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(user("khth"))
    response = client.post(url, {"unit": Unit.objects.get(code="khth").pk, "progress": "150", "text": "Đã bố trí"})
    assert response.status_code == 422
    assert 'value="150"' in response.content.decode()
    ok = client.post(url, {"unit": Unit.objects.get(code="khth").pk, "progress": "60", "text": "Đã bố trí"})
    assert ok.status_code == 302


def test_the_plan_page_shows_the_sections_and_who_is_late(clock, client, plan, user, django_assert_max_num_queries):
    client.force_login(user("khth"))
    with django_assert_max_num_queries(20):
        response = client.get(plan.get_absolute_url())
    body = response.content.decode()
    assert "I. MỤC ĐÍCH, YÊU CẦU" in body
    assert "II. NỘI DUNG KẾ HOẠCH" in body
    assert "III. TỔ CHỨC THỰC HIỆN" in body
    assert "nay: Phòng Thanh tra – Pháp chế" in body
    late = body.split('id="who-is-late"', 1)[1].split("</section>", 1)[0]
    assert "Phòng Kế hoạch – Tổng hợp" in late


# --- the .docx --------------------------------------------------------------------------------


def _paragraph_texts(document) -> list[str]:
    return [p.text.strip() for p in document.paragraphs if p.text.strip()]


def _cell_texts(document) -> list[str]:
    # A long line may carry a manual line break (the issuing body): compare on normalised spaces.
    return [
        " ".join(p.text.split())
        for table in document.tables
        for cell in table._cells
        for p in cell.paragraphs
        if p.text.strip()
    ]


@pytest.fixture
def plan_docx(plan):
    from tiepdan.coordination.documents import render_plan_docx

    return render_plan_docx(plan)


def test_the_regenerated_plan_opens_and_has_the_structure_of_a_real_plan(plan_docx):
    from docx import Document

    document = Document(io.BytesIO(plan_docx))
    body = _paragraph_texts(document)
    cells = _cell_texts(document)
    # Header (ND30 cells 1–4): issuing body, national name and motto, number and place/date.
    assert "UBND TỈNH BẮC NINH" in cells
    assert "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" in cells
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert any(c.startswith("Số:") and c.endswith("/KH-SVHTTDL") for c in cells)
    # Title and summary, then the three sections in order.
    assert body[0] == "KẾ HOẠCH"
    assert body[1].startswith("Phối hợp tổ chức tiếp công dân")
    positions = [body.index(h) for h in ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG KẾ HOẠCH", "III. TỔ CHỨC THỰC HIỆN")]
    assert positions == sorted(positions)
    # One subsection per assignee in section III, in the plan's order.
    subsections = [
        "1. Phòng Kế hoạch – Tổng hợp",
        "2. Thanh tra sở",
        "3. Các cơ quan, đơn vị thuộc sở",
        "4. Đề nghị Công đoàn, Đoàn thanh niên Sở",
    ]
    found = [body.index(s) for s in subsections]
    assert found == sorted(found)
    assert found[0] > positions[2]
    # The closing paragraph ends the body; recipients and the signature follow in their table.
    assert body[-1].startswith("Trên đây là Kế hoạch phối hợp")
    assert body[-1].endswith("giải quyết./.")
    assert "Nơi nhận:" in cells
    assert "- TT.TU, TT.HĐND tỉnh (b/c);" in cells
    assert "- Cổng TTĐT sở;" in cells
    assert "- Lưu: VT, KHTH, TTr." in cells
    assert "GIÁM ĐỐC" in cells
    assert "Nguyễn Văn Thành" in cells


def test_the_regenerated_plan_follows_the_standard_format(plan_docx):
    from docx import Document

    from tiepdan.documents.render import check_format

    assert check_format(plan_docx) == []
    document = Document(io.BytesIO(plan_docx))
    heading = next(p for p in document.paragraphs if p.text == "I. MỤC ĐÍCH, YÊU CẦU")
    assert all(run.bold for run in heading.runs)
    label = next(p for t in document.tables for c in t._cells for p in c.paragraphs if p.text == "Nơi nhận:")
    assert label.runs[0].bold
    assert label.runs[0].italic
    assert label.runs[0].font.size.pt == 12


def test_the_plan_downloads_as_docx(clock, client, plan, user):
    client.force_login(user("congdoan"))
    response = client.get(reverse("coordination:plan_docx", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument")
    assert response.content[:2] == b"PK"


def test_someone_without_a_staff_record_cannot_read_the_plan(client, plan, db):
    from django.contrib.auth import get_user_model

    stranger = get_user_model().objects.create_user("stranger", password="a-long-pass-1234")
    client.force_login(stranger)
    assert client.get(plan.get_absolute_url()).status_code == 404
    assert client.get(reverse("coordination:plan_docx", args=[plan.pk])).status_code == 404
