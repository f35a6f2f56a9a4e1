from django.urls import path

from tiepdan.people import views

app_name = "people"
urlpatterns = [
    path("", views.citizen_list, name="citizen_list"),
    path("<int:pk>/", views.citizen_detail, name="citizen_detail"),
]
