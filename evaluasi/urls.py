app_name = "evaluasi"
urlpatterns = []
