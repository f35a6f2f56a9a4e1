from django.urls import path

from tiepdan.people import views

app_name = "people"
urlpatterns = [
    path("", views.citizen_list, name="citizen_list"),
    path("moi/", views.citizen_create, name="citizen_create"),
    path("xa/", views.communes, name="communes"),
    path("<int:pk>/", views.citizen_detail, name="citizen_detail"),
    path("<int:pk>/sua/", views.citizen_edit, name="citizen_edit"),
    path("<int:pk>/gop/", views.citizen_merge, name="citizen_merge"),
]
