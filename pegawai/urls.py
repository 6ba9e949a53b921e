app_name = "pegawai"
urlpatterns = []
