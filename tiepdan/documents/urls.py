from django.urls import path

from tiepdan.documents import views

app_name = "documents"
urlpatterns = [
    path("<str:code>/tai-ve/", views.download, name="download"),
    path("<str:code>/pdf/", views.pdf, name="pdf"),
]
