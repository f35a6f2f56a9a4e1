from django.contrib.auth import views as auth_views
from django.urls import path

from tiepdan.core import views

urlpatterns = [
    path("", views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("doi-mat-khau/xong/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("thong-bao/", views.notifications, name="notifications"),
    path("van-ban-phap-luat/", views.legal_documents, name="legal_documents"),
    path("healthz", views.healthz, name="healthz"),
]
