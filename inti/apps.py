from importlib import import_module
from typing import Any, ClassVar

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntiConfig(AppConfig):
    name = "inti"
    verbose_name = _("Inti (bersama)")


class AplikasiConfig(AppConfig):
    """The AppConfig of an app built on inti. Its ready() registers what the app declares, so each
    app lists its own and inti knows none:
    - its models' field-level trail: `<app>.auditlog_daftar.daftarkan_model()` (inti/jejak.py);
    - `tembolok_model`: the models whose saves make the app's cached figures stale (inti/tembolok.py,
      under the app's name as topic);
    - `notifikasi`: its kinds of notice, {key: (label, description)} (inti.notifikasi).
    An app with more to do overrides ready() and calls super().ready() first."""

    tembolok_model: ClassVar[tuple[str, ...]] = ()
    notifikasi: ClassVar[dict[str, tuple[Any, Any]]] = {}

    def ready(self) -> None:
        from inti import tembolok
        from inti.notifikasi import jenis_daftarkan

        import_module(f"{self.name}.auditlog_daftar").daftarkan_model()
        for nama in self.tembolok_model:
            tembolok.daftarkan(self.get_model(nama), self.name)
        for kunci, (label, keterangan) in self.notifikasi.items():
            jenis_daftarkan(kunci, label, keterangan=keterangan)
