app_name = "mutasi"
urlpatterns = []
