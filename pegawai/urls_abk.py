"""Needs analysis (Anjab/ABK), mounted at /abk/."""

from django.urls import path

from .views import abk as v
from .views import laporan

app_name = "abk"
urlpatterns = [
    path("", v.ikhtisar, name="ikhtisar"),
    path("opd/<int:pk>/", v.rincian, name="rincian"),
    path("unit/<int:pk>/", v.unit_detail, name="unit"),
    path("unit/<int:pk>/analisis/", v.jabatan_pilih, name="jabatan_pilih"),
    path("unit/<int:unit>/jabatan/<int:jabatan>/", v.tugas, name="tugas"),
    path("unit/<int:unit>/jabatan/<int:jabatan>/tambah/", v.tugas_tambah, name="tugas_tambah"),
    path("unit/<int:unit>/jabatan/<int:jabatan>/salin/", v.tugas_salin_view, name="tugas_salin"),
    path("unit/<int:unit>/jabatan/<int:jabatan>/kandidat/", v.kandidat, name="kandidat"),
    path("unit/<int:unit>/jabatan/<int:jabatan>/tujuan/", v.tujuan, name="tujuan"),
    path("tugas/<int:pk>/ubah/", v.tugas_ubah_view, name="tugas_ubah"),
    path("tugas/<int:pk>/hapus/", v.tugas_hapus_view, name="tugas_hapus"),
    path("rotasi/", v.rotasi, name="rotasi"),
    path("rotasi/ekspor.xlsx", laporan.rotasi_ekspor, name="rotasi_ekspor"),
]
