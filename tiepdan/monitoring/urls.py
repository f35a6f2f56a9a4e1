from django.urls import path

from tiepdan.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("xuat/<slug:table>/", views.dashboard_export, name="dashboard_export"),
    path("diem-nong/", views.hot_spot_list, name="hot_spot_list"),
    path("diem-nong/xuat/", views.hot_spot_list_export, name="hot_spot_list_export"),
    path("diem-nong/<str:code>/", views.hot_spot_detail, name="hot_spot_detail"),
    path("diem-nong/<str:code>/xuat/<slug:table>/", views.hot_spot_export, name="hot_spot_export"),
    path("diem-nong/<str:code>/giao/", views.hot_spot_assign, name="hot_spot_assign"),
    path("diem-nong/<str:code>/bien-phap/", views.hot_spot_action, name="hot_spot_action"),
    path("diem-nong/<str:code>/tinh-trang/", views.hot_spot_status, name="hot_spot_status"),
    path("rui-ro/", views.risk, name="risk"),
    path("rui-ro/xuat/<slug:table>/", views.risk_export, name="risk_export"),
    path("rui-ro/xa/<int:code>/", views.commune_risk, name="commune_risk"),
    path("rui-ro/xa/<int:code>/xuat/<slug:table>/", views.commune_risk_export, name="commune_risk_export"),
    path("rui-ro/vu-viec/<str:code>/", views.case_risk, name="case_risk"),
    path("rui-ro/vu-viec/<str:code>/xuat/<slug:table>/", views.case_risk_export, name="case_risk_export"),
    path("du-bao/", views.forecast, name="forecast"),
    path("du-bao/xuat/<slug:table>/", views.forecast_export, name="forecast_export"),
    path("ban-do/", views.commune_map, name="map"),
    path("cach-tinh/", views.method, name="method"),
]
