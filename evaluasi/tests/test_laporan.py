"""Report figures on a fixed data set, computed by hand.

Transfers (all into the city):
  p1 -> A, analisis,   TMT 2024-03-01, before 2023 BAIK,            after final 12-month SANGAT_BAIK -> naik
  p2 -> A, rotasi,     TMT 2024-06-01, before 2023 BAIK,            after (no final review) 2025 BAIK -> tetap
  p3 -> B, rotasi,     TMT 2025-02-01, before 2024 SANGAT_BAIK,     after final 3-month BAIK        -> turun
  p4 -> B, permintaan, TMT 2025-05-01, no predicate before,         after final 3-month BAIK        -> belum
  p5 -> A, analisis,   TMT 2025-01-10, before 2023 BUTUH_PERBAIKAN + 2024 BAIK (latest: BAIK),
                       final 3-month SANGAT_BAIK and final 6-month BAIK (latest: 6-month BAIK)    -> tetap
  p6 -> B cancelled, p7 leaves the city: not counted.
Totals: 5 transfers, 4 comparable: naik 1 (25%), tetap 2 (50%), turun 1 (25%), belum 1.

Staffing of A (workload 3 people for position J in A; one holder s1 since 2021): the day before
A's first TMT (2024-02-29) J has 1 holder -> short 2; today 1 + p1, p2, p5 = 4 -> short 0, over 1.
B has no workload recorded: not analysed.
"""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from evaluasi.selectors.dampak import bandingkan, dampak_pegawai, dampak_usulan, kinerja_kurang, laporan_dampak
from evaluasi.tests.factories import evaluasi_final, kinerja, usulan_buat
from mutasi.models import JenisMutasi, StatusUsulan
from pegawai.models import Predikat, TugasJabatan
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, pegawai_di

pytestmark = pytest.mark.django_db
P = Predikat


@pytest.fixture
def data(org):
    asal = UnitKerjaFactory(nama="Unit Asal")
    a = UnitKerjaFactory(nama="Dinas A")
    b = UnitKerjaFactory(nama="Dinas B")
    j = JabatanFactory(nama="Pengelola Layanan")
    TugasJabatan.objects.create(unit=a, jabatan=j, uraian="Layanan", volume=Decimal(1250), norma_waktu=Decimal(3))
    s1 = pegawai_di(a, j, mulai=date(2021, 1, 1))
    p = {i: pegawai_di(asal, mulai=date(2020, 1, 1)) for i in range(1, 8)}
    u1 = usulan_buat(p[1], tujuan_unit=a, tujuan_jabatan=j, tmt=date(2024, 3, 1), dasar="ANALISIS")
    u2 = usulan_buat(p[2], tujuan_unit=a, tujuan_jabatan=j, tmt=date(2024, 6, 1), dasar="ROTASI")
    u3 = usulan_buat(p[3], tujuan_unit=b, tmt=date(2025, 2, 1), dasar="ROTASI")
    u4 = usulan_buat(p[4], tujuan_unit=b, tmt=date(2025, 5, 1), dasar="PERMINTAAN")
    u5 = usulan_buat(p[5], tujuan_unit=a, tujuan_jabatan=j, tmt=date(2025, 1, 10), dasar="ANALISIS")
    u6 = usulan_buat(p[6], tujuan_unit=b, tmt=date(2025, 3, 1), status=StatusUsulan.DIBATALKAN)
    u7 = usulan_buat(p[7], tujuan_unit=None, tmt=date(2025, 3, 1), jenis=JenisMutasi.KELUAR)
    kinerja(p[1], 2023, P.BAIK)
    kinerja(p[1], 2024, P.KURANG)  # the TMT's own year counts neither before nor after
    evaluasi_final(u1, bulan_ke=12, predikat=P.SANGAT_BAIK)
    kinerja(p[2], 2023, P.BAIK)
    kinerja(p[2], 2025, P.BAIK)
    kinerja(p[3], 2024, P.SANGAT_BAIK)
    evaluasi_final(u3, bulan_ke=3, predikat=P.BAIK)
    evaluasi_final(u4, bulan_ke=3, predikat=P.BAIK)
    kinerja(p[5], 2023, P.BUTUH_PERBAIKAN)
    kinerja(p[5], 2024, P.BAIK)
    evaluasi_final(u5, bulan_ke=3, predikat=P.SANGAT_BAIK)
    evaluasi_final(u5, bulan_ke=6, predikat=P.BAIK)
    kinerja(p[6], 2024, P.BAIK)
    return {"a": a, "b": b, "j": j, "s1": s1, "p": p, "u": [None, u1, u2, u3, u4, u5, u6, u7]}


def _hitung(k):
    return (k.jumlah, k.naik, k.tetap, k.turun, k.belum)


@pytest.mark.parametrize(
    ("sebelum", "sesudah", "hasil"),
    [
        (P.BAIK, P.SANGAT_BAIK, "naik"),
        (P.BAIK, P.BAIK, "tetap"),
        (P.SANGAT_BAIK, P.BUTUH_PERBAIKAN, "turun"),
        (P.SANGAT_KURANG, P.KURANG, "naik"),
        (None, P.BAIK, "belum"),
        (P.BAIK, None, "belum"),
    ],
)
def test_bandingkan(sebelum, sesudah, hasil):
    assert bandingkan(sebelum, sesudah) == hasil


def test_dampak_per_mutasi(data):
    u = data["u"]
    d1 = dampak_usulan(u[1])
    assert (d1.sebelum, d1.sebelum_tahun, d1.sesudah, d1.sesudah_sumber, d1.hasil) == (
        P.BAIK,
        2023,
        P.SANGAT_BAIK,
        "evaluasi",
        "naik",
    )
    d2 = dampak_usulan(u[2])
    assert (d2.sesudah, d2.sesudah_sumber, d2.sesudah_keterangan, d2.hasil) == (
        P.BAIK,
        "skp",
        "predikat tahunan 2025",
        "tetap",
    )
    assert dampak_usulan(u[3]).hasil == "turun"
    assert dampak_usulan(u[4]).hasil == "belum"
    d5 = dampak_usulan(u[5])
    assert (d5.sebelum, d5.sebelum_tahun, d5.sesudah, d5.sesudah_keterangan, d5.hasil) == (
        P.BAIK,
        2024,
        P.BAIK,
        "evaluasi 6 bulan",
        "tetap",
    )
    assert dampak_usulan(u[6]) is None
    assert dampak_usulan(u[7]) is None


def test_dampak_pegawai(data):
    [(baris, d)] = dampak_pegawai(data["p"][1].pk)
    assert baris["tujuan_unit__nama"] == "Dinas A" and d.hasil == "naik"


def test_laporan_angka(data):
    lap = laporan_dampak()
    assert _hitung(lap.total) == (5, 1, 2, 1, 1)
    assert lap.total.dibandingkan == 4
    assert (lap.total.persen_naik, lap.total.persen_tetap, lap.total.persen_turun) == (25.0, 50.0, 25.0)
    per_unit = {k.label: _hitung(k) for k in lap.per_unit}
    assert per_unit == {"Dinas A": (3, 1, 2, 0, 0), "Dinas B": (2, 0, 0, 1, 1)}
    assert [k.label for k in lap.per_unit] == ["Dinas A", "Dinas B"]
    per_dasar = {k.kunci: _hitung(k) for k in lap.per_dasar}
    assert per_dasar == {"ANALISIS": (2, 1, 1, 0, 0), "ROTASI": (2, 0, 1, 1, 0), "PERMINTAAN": (1, 0, 0, 0, 1)}
    per_tahun = {k.kunci: _hitung(k) for k in lap.per_tahun}
    assert per_tahun == {2024: (2, 1, 1, 0, 0), 2025: (3, 0, 1, 1, 1)}
    assert [k.persen_naik for k in lap.per_tahun] == [50.0, 0.0]


def test_laporan_saringan(data):
    assert _hitung(laporan_dampak(opd=data["a"].pk).total) == (3, 1, 2, 0, 0)
    assert _hitung(laporan_dampak(dari_tahun=2025).total) == (3, 0, 1, 1, 1)
    assert _hitung(laporan_dampak(sampai_tahun=2024).total) == (2, 1, 1, 0, 0)
    assert _hitung(laporan_dampak(dasar="ROTASI").total) == (2, 0, 1, 1, 0)


def test_formasi_sebelum_sesudah(data):
    lap = laporan_dampak()
    f = {x.nama: x for x in lap.formasi}
    a = f["Dinas A"]
    assert (a.masuk, a.acuan, a.dianalisis) == (3, date(2024, 2, 29), True)
    assert (a.kekurangan_sebelum, a.kelebihan_sebelum) == (2, 0)
    assert (a.kekurangan_sesudah, a.kelebihan_sesudah) == (0, 1)
    assert (a.tujuan_kurang_sebelum, a.tujuan_kurang_sesudah) == (2, 0)
    assert f["Dinas B"].dianalisis is False
    assert lap.grafik()["formasi"] == {"label": ["Dinas A"], "sebelum": [2], "sesudah": [0]}


def test_pelatihan_vs_hasil(data):
    from pelatihan.models import Pelatihan
    from pelatihan.models import PenugasanPelatihan as Penugasan

    pel = Pelatihan.objects.create(
        nama="Pelayanan Prima", jenis="TEKNIS", jp=20, penyelenggara="BKPSDM", mode="KLASIKAL"
    )
    pel2 = Pelatihan.objects.create(nama="Arsip", jenis="TEKNIS", jp=10, penyelenggara="BKPSDM", mode="KLASIKAL")
    u, p = data["u"], data["p"]
    sekarang = timezone.now()
    Penugasan.objects.create(
        pegawai=p[1],
        pelatihan=pel,
        usulan=u[1],
        tenggat=date(2024, 6, 1),
        status="SELESAI",
        tanggal_selesai=date(2024, 5, 1),
        jp_diperoleh=20,
        diverifikasi_pada=sekarang,
    )
    Penugasan.objects.create(
        pegawai=p[1], pelatihan=pel2, usulan=u[1], tenggat=date(2024, 6, 1), status="DIBATALKAN", alasan="Ditunda"
    )
    Penugasan.objects.create(pegawai=p[2], pelatihan=pel, usulan=u[2], tenggat=date(2024, 9, 1))
    rows = {k.kunci: _hitung(k) for k in laporan_dampak().pelatihan}
    assert rows == {"selesai": (1, 1, 0, 0, 0), "belum": (1, 0, 1, 0, 0), "tanpa": (3, 0, 1, 1, 1)}


def test_jumlah_kueri_tetap(data, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        lap = laporan_dampak()
    assert lap.total.jumlah == 5
    # More transfers: the same number of queries.
    for i in range(6):
        usulan_buat(pegawai_di(UnitKerjaFactory()), tujuan_unit=data["b"], tmt=date(2025, 7, 1 + i))
    with django_assert_max_num_queries(8):
        lap = laporan_dampak()
    assert lap.total.jumlah == 11


def test_kinerja_kurang(data):
    hasil = {b["pegawai_id"]: b["kurang"] for b in kinerja_kurang()}
    p = data["p"]
    assert hasil[p[1].pk] == [2022]
    assert hasil[p[4].pk] == [2023, 2024]
    assert p[5].pk not in hasil  # 2023 and 2024 both recorded


def test_ekspor_xlsx(data, clients):
    r = clients["hr"].get(reverse("evaluasi:laporan_ekspor"))
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    wb = load_workbook(io.BytesIO(b"".join(r.streaming_content)))
    assert "Rincian" in wb.sheetnames and "Per unit penerima" in wb.sheetnames
    ringkas = list(wb["Ringkasan"].iter_rows(values_only=True))
    assert ("Semua mutasi", 5, 4, 1, 2, 1, 1, 25.0, 50.0, 25.0) in ringkas
    rincian = list(wb["Rincian"].iter_rows(values_only=True))
    assert len(rincian) == 1 + 5
    assert {r[-1] for r in rincian[1:]} == {"Meningkat", "Tetap", "Menurun", "Belum dapat dibandingkan"}


RUMUS = '=HYPERLINK("http://x")'


def test_ekspor_teks_bebas_bukan_rumus(data, clients):
    """A unit or employee name typed as a formula comes out as that text, never a live formula."""
    data["a"].nama = RUMUS
    data["a"].save()
    p1 = data["p"][1]
    p1.nama = "+" + RUMUS[1:]
    p1.save()
    r = clients["hr"].get(reverse("evaluasi:laporan_ekspor"))
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(b"".join(r.streaming_content)))
    sel = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in sel if c.data_type == "f"]
    teks = {c.value: c.data_type for c in sel if isinstance(c.value, str) and "HYPERLINK" in c.value}
    assert teks == {RUMUS: "s", p1.nama: "s"}
    unit = {row[6] for row in wb["Rincian"].iter_rows(min_row=2, values_only=True)}
    assert RUMUS in unit
    # Numbers and dates stay numbers and dates.
    tmt = {row[8] for row in wb["Rincian"].iter_rows(min_row=2, values_only=True)}
    assert all(hasattr(t, "year") for t in tmt)


def test_halaman_laporan_dan_cetak(data, clients):
    r = clients["ppk"].get(reverse("evaluasi:laporan"))
    assert r.status_code == 200
    assert 'id="laporan-grafik"' in r.text and "Dinas A" in r.text
    r = clients["ppk"].get(reverse("evaluasi:laporan_cetak"), {"opd": data["a"].pk})
    assert r.status_code == 200
    assert "Dinas B" not in r.text.split('id="bagian-unit"')[1].split("</section>")[0]
    r = clients["hr"].get(reverse("evaluasi:laporan"), {"dari": 2025, "sampai": 2024})
    assert r.status_code == 200 and "Tahun akhir tidak boleh sebelum tahun awal." in r.text
