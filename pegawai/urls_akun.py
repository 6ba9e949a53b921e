from django.contrib.auth import views as auth_views
from django.urls import path

urlpatterns = [
    path("masuk/", auth_views.LoginView.as_view(template_name="akun/login.html"), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("sandi/ubah/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("sandi/lupa/", auth_views.PasswordResetView.as_view(), name="password_reset"),
]
