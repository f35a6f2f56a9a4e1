from django.urls import path

from tiepdan.letters import views

app_name = "letters"
urlpatterns = [
    path("", views.letter_list, name="letter_list"),
    path("<str:code>/", views.letter_detail, name="letter_detail"),
]
