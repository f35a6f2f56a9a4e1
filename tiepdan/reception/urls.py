from django.urls import path

from tiepdan.reception import views

app_name = "reception"
urlpatterns = [
    path("", views.visit_list, name="visit_list"),
    path("so-tiep.xlsx", views.visit_export, name="visit_export"),
    path("moi/", views.visit_new, name="visit_new"),
    path("tra-cuu-cong-dan/", views.citizen_lookup, name="citizen_lookup"),
    path("lich-tiep/", views.schedule, name="schedule"),
    path("lich-tiep/moi/", views.session_new, name="session_new"),
    path("lich-tiep/nhiem-vu/<int:pk>/xong/", views.task_done, name="task_done"),
    path("lich-tiep/<str:code>/", views.session_detail, name="session_detail"),
    path("lich-tiep/<str:code>/ket-qua/", views.session_result, name="session_result"),
    path("lich-tiep/<str:code>/cong-khai/", views.session_publish, name="session_publish"),
    path("lich-tiep/<str:code>/ket-luan/", views.conclusion_new, name="conclusion_new"),
    path("<str:code>/", views.visit_detail, name="visit_detail"),
    path("<str:code>/sua/", views.visit_edit, name="visit_edit"),
    path("<str:code>/tra-loi/", views.visit_answer, name="visit_answer"),
    path("<str:code>/van-ban/<slug:kind>/", views.visit_document, name="visit_document"),
    path("<str:code>/dong-nguoi/", views.mass_summary, name="mass_summary"),
    path("<str:code>/dong-nguoi/da-nam/", views.mass_acknowledge, name="mass_acknowledge"),
    path("<str:code>/su-viec/", views.incident_new, name="incident_new"),
]
