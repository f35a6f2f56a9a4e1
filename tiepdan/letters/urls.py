from django.urls import path

from tiepdan.letters import views

app_name = "letters"
urlpatterns = [
    path("", views.letter_list, name="letter_list"),
    path("xuat-excel/", views.letter_export, name="letter_export"),
    path("moi/", views.letter_register, name="letter_register"),
    path("tra-cuu-cong-dan/", views.citizen_lookup, name="citizen_lookup"),
    path("goi-y/", views.suggest, name="suggest"),
    path("nhat-ky-bao-mat/", views.access_log, name="access_log"),
    path("<str:code>/", views.letter_detail, name="letter_detail"),
    path("<str:code>/phan-loai/", views.classify, name="classify"),
    path("<str:code>/tach/", views.split, name="split"),
    path("<str:code>/giao-don-vi/", views.route, name="route"),
    path("<str:code>/tra-loi/", views.record_reply, name="record_reply"),
    path("<str:code>/don-trung/", views.duplicates, name="duplicates"),
    path("<str:code>/xu-ly/<str:action>/", views.dispose, name="dispose"),
    path("<str:code>/nguoi-to-cao/", views.reveal, name="reveal"),
    path("<str:code>/ban-che/", views.redacted_copy, name="redacted_copy"),
    path("<str:code>/tep/<int:pk>/", views.attachment, name="attachment"),
    path("<str:code>/vu-viec/<str:case_code>/giao/", views.assign, name="assign"),
]
