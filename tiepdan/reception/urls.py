from django.urls import path

from tiepdan.reception import views

app_name = "reception"
urlpatterns = [
    path("", views.visit_list, name="visit_list"),
    path("<str:code>/", views.visit_detail, name="visit_detail"),
]
