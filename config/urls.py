from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
    path("", include("tiepdan.core.urls")),
    path("to-chuc/", include("tiepdan.org.urls")),
    path("cong-dan/", include("tiepdan.people.urls")),
    path("tiep-dan/", include("tiepdan.reception.urls")),
    path("don/", include("tiepdan.letters.urls")),
    path("vu-viec/", include("tiepdan.cases.urls")),
    path("thoi-han/", include("tiepdan.deadlines.urls")),
    path("van-ban/", include("tiepdan.documents.urls")),
    path("dieu-phoi/", include("tiepdan.coordination.urls")),
    path("theo-doi/", include("tiepdan.monitoring.urls")),
    path("bao-cao/", include("tiepdan.reports.urls")),
]
