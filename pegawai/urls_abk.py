app_name = "abk"
urlpatterns = []
