from django.urls import path

from tiepdan.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("tu-don/<str:code>/", views.open_from_letter, name="open_from_letter"),
    path("<str:code>/", views.case_detail, name="case_detail"),
    path("<str:code>/thao-tac/", views.case_act, name="case_act"),
    path("<str:code>/y-kien-cong-dan/", views.case_satisfaction, name="case_satisfaction"),
    path("<str:code>/dieu-chinh-ket-qua/", views.case_result_correct, name="case_result_correct"),
]
