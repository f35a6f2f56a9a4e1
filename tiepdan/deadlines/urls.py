from django.urls import path

from tiepdan.deadlines import views

app_name = "deadlines"
urlpatterns = [
    path("", views.deadline_list, name="deadline_list"),
    path("lich/", views.calendar_view, name="calendar"),
    path("lich/<int:pk>/huy/", views.calendar_withdraw, name="calendar_withdraw"),
]
