"""The two training exports write through inti.lembar: free text typed by people (a reason, a
name) that looks like a formula arrives as a text cell with its exact value, never a live formula."""

import io
from datetime import date

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pegawai.models import Pegawai
from pelatihan.models import StatusPenugasan
from pelatihan.tests.factories import penugasan_buat

RUMUS = '=HYPERLINK("http://x")'


def _baris(r) -> list:
    ws = load_workbook(io.BytesIO(b"".join(r.streaming_content))).active
    return list(ws.iter_rows())


def test_ekspor_penugasan_alasan_serupa_rumus_tetap_teks(c, dp):
    penugasan_buat(dp.org.anggota, dp.p_prima, status=StatusPenugasan.DIBATALKAN, alasan=RUMUS)
    baris = _baris(c["hr"].get(reverse("pelatihan:penugasan_ekspor")))
    kolom = [sel.value for sel in baris[0]].index("Alasan")
    sel = baris[1][kolom]
    assert (sel.value, sel.data_type) == (RUMUS, "s")


def test_ekspor_jp_nama_serupa_rumus_tetap_teks(c, dp):
    Pegawai.objects.filter(pk=dp.org.anggota.pk).update(nama=RUMUS, gelar_depan="", gelar_belakang="")
    ini = timezone.localdate().year
    penugasan_buat(
        dp.org.anggota, dp.p_prima, status=StatusPenugasan.SELESAI, tanggal_selesai=date(ini, 1, 5), jp_diperoleh=24
    )
    baris = _baris(c["hr"].get(reverse("pelatihan:jp"), {"format": "xlsx", "tahun": ini}))
    kolom = [sel.value for sel in baris[0]].index("Nama")
    sel = next(b[kolom] for b in baris[1:] if b[kolom].value == RUMUS)
    assert sel.data_type == "s"
    # Numbers stay numbers.
    assert next(b[4] for b in baris[1:] if b[kolom].value == RUMUS).value == 24
