from django.urls import path

from tiepdan.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("moi/", views.report_create, name="report_create"),
    path("so-lieu/", views.statistics, name="statistics"),
    path("so-lieu/<str:form_slug>.xlsx", views.statistics_xlsx, name="statistics_xlsx"),
    path("trach-nhiem/", views.accountability, name="accountability"),
    path("trach-nhiem/<slug:unit_code>/", views.accountability_unit, name="accountability_unit"),
    path("kiem-tra/", views.check_list, name="check_list"),
    path("kiem-tra/<str:code>/", views.check_detail, name="check_detail"),
    path("kiem-tra/<str:code>/bien-phap/<int:measure_id>/hoan-thanh/", views.measure_done, name="measure_done"),
    path("kiem-tra/<str:code>/<slug:step>/", views.check_act, name="check_act"),
    path("<str:code>/", views.report_detail, name="report_detail"),
    path("<str:code>/don-vi/<slug:unit_code>/", views.contribution_edit, name="contribution_edit"),
    path("<str:code>/noi-dung/", views.report_narrative, name="report_narrative"),
    path("<str:code>/thao-tac/", views.report_action, name="report_action"),
    path("<str:code>/doi-chieu/", views.report_regenerate, name="report_regenerate"),
    path("<str:code>/bieu/<str:form_slug>/", views.report_form, name="report_form"),
    path("<str:code>/bieu/<str:form_slug>.xlsx", views.report_form_xlsx, name="report_form_xlsx"),
    path("<str:code>/ban-<int:number>.docx", views.report_docx, name="report_docx"),
    path("<str:code>/ban-<int:number>.pdf", views.report_pdf, name="report_pdf"),
]
