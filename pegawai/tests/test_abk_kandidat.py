"""Needs-based candidates: who may fill a shortage, in which order, who is left out and why;
and the reverse view for a surplus."""

from datetime import date
from decimal import Decimal

import pytest

from pegawai.models import HukumanDisiplin, JenisJabatan, JenjangJabatan, KinerjaTahunan, Kompetensi, Predikat
from pegawai.selectors.abk import BOBOT_SKOR, abk_kandidat, abk_tujuan, pegawai_dalam_usulan
from pegawai.tests.factories import JabatanFactory, UnitKerjaFactory, pegawai_di
from pegawai.tests.test_abk_hitung import tugas

pytestmark = pytest.mark.django_db

HARI = date(2026, 6, 15)
ENAM_TAHUN = date(2020, 1, 1)  # at or past MUTASI_MAX_TAHUN on HARI
TIGA_TAHUN = date(2023, 6, 15)  # 3.0 years
SATU_TAHUN = date(2025, 6, 15)  # under MUTASI_MIN_TAHUN

# Filled by tests; read through the ABK_PEGAWAI_DALAM_USULAN hook.
DALAM_USULAN: set[int] = set()


def usulan_palsu() -> set[int]:
    return set(DALAM_USULAN)


@pytest.fixture(autouse=True)
def _kosongkan_usulan():
    DALAM_USULAN.clear()
    yield
    DALAM_USULAN.clear()


@pytest.fixture
def dunia():
    """Target unit short of 'Perawat' by 2; S1 has a surplus of 3, S2 of 1, S3 a surplus of an
    equivalent position; N is balanced; X has a surplus of an unrelated position."""
    k1 = Kompetensi.objects.create(nama="Asuhan keperawatan", jenis="TEKNIS")
    k2 = Kompetensi.objects.create(nama="Pelayanan publik", jenis="SOSIAL_KULTURAL")
    perawat = JabatanFactory(nama="Perawat Terampil", jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.TERAMPIL)
    perawat.kompetensi.set([k1, k2])
    setara = JabatanFactory(nama="Perawat Pelaksana", jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.TERAMPIL)
    perawat.setara.add(setara)
    lain = JabatanFactory(nama="Pengemudi")
    u = UnitKerjaFactory(nama="Puskesmas Tujuan")
    s1 = UnitKerjaFactory(nama="RSUD Sumber Satu")
    s2 = UnitKerjaFactory(nama="Puskesmas Sumber Dua")
    s3 = UnitKerjaFactory(nama="Puskesmas Sumber Tiga")
    n = UnitKerjaFactory(nama="Puskesmas Seimbang")
    x = UnitKerjaFactory(nama="Dinas Lain")
    tugas(u, perawat, 3750, 1)  # 3 needed
    pegawai_di(u, perawat, mulai=ENAM_TAHUN)  # 1 held: short by 2
    tugas(s1, perawat, 1250, 1)  # 1 needed; 4 held below: surplus 3
    tugas(s2, perawat, 1250, 1)  # 1 needed; 2 held below: surplus 1
    tugas(s3, setara, 0, 1)  # 0 needed; 1 held below: surplus 1
    tugas(n, perawat, 2500, 1)
    pegawai_di(n, perawat, mulai=ENAM_TAHUN)
    pegawai_di(n, perawat, mulai=ENAM_TAHUN)  # balanced: nobody from here
    tugas(x, lain, 0, 1)
    pegawai_di(x, lain, mulai=ENAM_TAHUN)  # surplus of an unrelated position
    return {"k1": k1, "k2": k2, "perawat": perawat, "setara": setara, "u": u, "s1": s1, "s2": s2, "s3": s3, "n": n}


def _isi_sumber(d, **kw):
    """Fill S1 (4 holders), S2 (2) and S3 (1); kw overrides per name."""
    orang = {}
    spec = {
        "a": (d["s1"], d["perawat"], ENAM_TAHUN),
        "b": (d["s1"], d["perawat"], TIGA_TAHUN),
        "c": (d["s1"], d["perawat"], ENAM_TAHUN),
        "d": (d["s1"], d["perawat"], ENAM_TAHUN),
        "e": (d["s2"], d["perawat"], ENAM_TAHUN),
        "f": (d["s2"], d["perawat"], ENAM_TAHUN),
        "g": (d["s3"], d["setara"], ENAM_TAHUN),
    }
    for nama, (unit, jabatan, mulai) in spec.items():
        extra = kw.get(nama, {})
        orang[nama] = pegawai_di(
            unit, jabatan, mulai=extra.pop("mulai", mulai), nama=f"Pegawai {nama.upper()}", **extra
        )
    return orang


def _nama(daftar):
    return [k.pegawai.nama for k in daftar]


def test_candidates_come_from_surplus_units_of_the_position_or_an_equivalent(dunia):
    orang = _isi_sumber(dunia)
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    semua = {k.pegawai for k in hasil.kandidat + hasil.dikecualikan}
    assert semua == {orang[n] for n in "abcdefg"}
    assert hasil.posisi.kekurangan == 2
    assert [j.nama for j in hasil.setara] == ["Perawat Pelaksana"]
    assert [(s[0].nama, s[2].kelebihan) for s in hasil.sumber] == [
        ("RSUD Sumber Satu", 3),
        ("Puskesmas Sumber Dua", 1),
        ("Puskesmas Sumber Tiga", 1),
    ]


def test_every_part_of_the_score_is_shown(dunia):
    orang = _isi_sumber(dunia)
    orang["a"].kompetensi.set([dunia["k1"], dunia["k2"]])
    KinerjaTahunan.objects.create(pegawai=orang["a"], tahun=2025, predikat=Predikat.SANGAT_BAIK)
    orang["b"].kompetensi.set([dunia["k1"]])
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    a = next(k for k in hasil.kandidat if k.pegawai == orang["a"])
    assert a.nilai == {"kelebihan": 30, "masa": 30, "predikat": 20, "kompetensi": 20}
    assert a.skor == 100
    b = next(k for k in hasil.kandidat if k.pegawai == orang["b"])
    # 3.0 years: a third of the way from 2 to 5 -> 3.3 of 10; half the competences -> 10; no predicate -> 0.
    assert b.nilai == {"kelebihan": 30, "masa": 3.3, "predikat": 0, "kompetensi": 10}
    assert b.predikat_label == "Belum tercatat"
    assert [c.kunci for c in b.komponen] == ["kelebihan", "masa", "predikat", "kompetensi"]
    assert all(c.keterangan for c in b.komponen)


def test_score_weights_are_capped_at_100():
    maks = (
        BOBOT_SKOR["kelebihan_maks"]
        + BOBOT_SKOR["masa_wajib"]
        + max(BOBOT_SKOR["predikat"].values())
        + BOBOT_SKOR["kompetensi"]
    )
    assert maks == 100


def test_order_prefers_long_tenure_then_predicate(dunia):
    orang = _isi_sumber(dunia)
    KinerjaTahunan.objects.create(pegawai=orang["c"], tahun=2025, predikat=Predikat.BAIK)
    KinerjaTahunan.objects.create(pegawai=orang["d"], tahun=2024, predikat=Predikat.SANGAT_BAIK)
    KinerjaTahunan.objects.create(pegawai=orang["d"], tahun=2025, predikat=Predikat.BUTUH_PERBAIKAN)  # latest counts
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    urutan = _nama(hasil.kandidat)
    # Same source (surplus 3), 6 years: Baik (c) > none (a) > Butuh Perbaikan (d); then b (3 years) last of S1.
    assert urutan.index("Pegawai C") < urutan.index("Pegawai A") < urutan.index("Pegawai D")
    assert urutan.index("Pegawai A") < urutan.index("Pegawai B")
    d = next(k for k in hasil.kandidat if k.pegawai == orang["d"])
    assert (d.predikat, d.tahun_predikat, d.nilai["predikat"]) == (Predikat.BUTUH_PERBAIKAN, 2025, -10)
    assert [k.skor for k in hasil.kandidat] == sorted((k.skor for k in hasil.kandidat), reverse=True)


def test_predicate_order_sangat_baik_baik_none_lower():
    p = BOBOT_SKOR["predikat"]
    assert p[Predikat.SANGAT_BAIK] > p[Predikat.BAIK] > p[None] > p[Predikat.BUTUH_PERBAIKAN] > p[Predikat.KURANG]
    assert p[Predikat.KURANG] > p[Predikat.SANGAT_KURANG]


def test_larger_surplus_at_the_source_ranks_higher(dunia):
    _isi_sumber(dunia)
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    skor = {k.pegawai.nama: k for k in hasil.kandidat}
    # a (S1, surplus 3) and e (S2, surplus 1) are alike otherwise.
    assert skor["Pegawai A"].nilai["kelebihan"] == 30
    assert skor["Pegawai E"].nilai["kelebihan"] == 10
    assert skor["Pegawai A"].skor > skor["Pegawai E"].skor


def test_competence_match_raises_the_score(dunia):
    orang = _isi_sumber(dunia)
    orang["c"].kompetensi.set([dunia["k1"], dunia["k2"]])
    orang["d"].kompetensi.set([dunia["k2"]])
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    skor = {k.pegawai.nama: k.nilai["kompetensi"] for k in hasil.kandidat}
    assert (skor["Pegawai C"], skor["Pegawai D"], skor["Pegawai A"]) == (20, 10, 0)
    assert _nama(hasil.kandidat)[:2] == ["Pegawai C", "Pegawai D"]


def test_equivalent_position_holders_are_candidates(dunia):
    orang = _isi_sumber(dunia)
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    g = next(k for k in hasil.kandidat if k.pegawai == orang["g"])
    assert g.riwayat.jabatan == dunia["setara"]
    # The equivalence is symmetric: a shortage of the equivalent finds the perawat surplus too.
    tugas(dunia["u"], dunia["setara"], 2500, 1)
    hasil = abk_kandidat(dunia["u"], dunia["setara"], hari=HARI)
    assert orang["a"] in {k.pegawai for k in hasil.kandidat}


def test_without_equivalence_other_positions_are_not_candidates(dunia):
    dunia["perawat"].setara.clear()
    orang = _isi_sumber(dunia)
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    assert orang["g"] not in {k.pegawai for k in hasil.kandidat + hasil.dikecualikan}


def test_too_early_is_excluded_with_reason(dunia):
    orang = _isi_sumber(dunia, c={"mulai": SATU_TAHUN})
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    c = next(k for k in hasil.dikecualikan if k.pegawai == orang["c"])
    assert len(c.alasan) == 1 and c.alasan[0].startswith("Terlalu dini")
    assert orang["c"] not in {k.pegawai for k in hasil.kandidat}


def test_exactly_two_years_is_allowed(dunia):
    orang = _isi_sumber(dunia, c={"mulai": date(2024, 6, 15)})
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    c = next(k for k in hasil.kandidat if k.pegawai == orang["c"])
    assert c.nilai["masa"] == 0


def test_active_sanction_excludes_but_past_or_future_does_not(dunia):
    orang = _isi_sumber(dunia)
    HukumanDisiplin.objects.create(
        pegawai=orang["c"], tingkat="SEDANG", jenis="Penundaan kenaikan pangkat", mulai=date(2026, 1, 1), selesai=HARI
    )
    HukumanDisiplin.objects.create(
        pegawai=orang["d"], tingkat="RINGAN", jenis="Teguran", mulai=date(2024, 1, 1), selesai=date(2025, 1, 1)
    )
    HukumanDisiplin.objects.create(
        pegawai=orang["a"], tingkat="RINGAN", jenis="Teguran", mulai=date(2026, 7, 1), selesai=date(2026, 12, 1)
    )
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    c = next(k for k in hasil.dikecualikan if k.pegawai == orang["c"])
    assert c.alasan == ["Sedang menjalani hukuman disiplin s.d. 15-06-2026"]
    assert {orang["a"], orang["d"]} <= {k.pegawai for k in hasil.kandidat}


def test_retiring_within_a_year_is_excluded(dunia):
    # BUP for a fungsional terampil: the generic fungsional row, 58. Born Sept 1968 -> TMT pensiun 1 Oct 2026.
    orang = _isi_sumber(dunia, e={"tanggal_lahir": date(1968, 9, 10)}, f={"tanggal_lahir": date(1969, 7, 20)})
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    e = next(k for k in hasil.dikecualikan if k.pegawai == orang["e"])
    assert e.tanggal_pensiun == date(2026, 10, 1)
    assert e.alasan == ["Pensiun dalam 1 tahun (TMT pensiun 01-10-2026)"]
    f = next(k for k in hasil.kandidat if k.pegawai == orang["f"])  # pension 1 Aug 2027: more than a year away
    assert f.tanggal_pensiun == date(2027, 8, 1)


def test_retirement_age_follows_the_jenjang_row(dunia):
    from pegawai.models import BatasUsiaPensiun

    BatasUsiaPensiun.objects.create(jenis=JenisJabatan.FUNGSIONAL, jenjang=JenjangJabatan.TERAMPIL, usia=60)
    orang = _isi_sumber(dunia, e={"tanggal_lahir": date(1968, 9, 10)})
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    e = next(k for k in hasil.kandidat if k.pegawai == orang["e"])
    assert e.tanggal_pensiun == date(2028, 10, 1)


def test_in_proposal_hook(settings, dunia):
    orang = _isi_sumber(dunia)
    settings.ABK_PEGAWAI_DALAM_USULAN = "pegawai.tests.test_abk_kandidat.usulan_palsu"
    DALAM_USULAN.add(orang["a"].pk)
    assert pegawai_dalam_usulan() == {orang["a"].pk}
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    a = next(k for k in hasil.dikecualikan if k.pegawai == orang["a"])
    assert a.alasan == ["Sudah dalam usulan mutasi yang masih berjalan"]
    assert a.dalam_usulan


def test_no_hook_means_nobody_in_a_proposal(settings, dunia):
    settings.ABK_PEGAWAI_DALAM_USULAN = None
    _isi_sumber(dunia)
    assert pegawai_dalam_usulan() == set()
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    assert not any(k.dalam_usulan for k in hasil.kandidat + hasil.dikecualikan)


def test_every_reason_is_listed(settings, dunia):
    settings.ABK_PEGAWAI_DALAM_USULAN = "pegawai.tests.test_abk_kandidat.usulan_palsu"
    orang = _isi_sumber(dunia, c={"mulai": SATU_TAHUN, "tanggal_lahir": date(1968, 9, 10)})
    HukumanDisiplin.objects.create(pegawai=orang["c"], tingkat="BERAT", jenis="x", mulai=HARI, selesai=date(2027, 1, 1))
    DALAM_USULAN.add(orang["c"].pk)
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    c = next(k for k in hasil.dikecualikan if k.pegawai == orang["c"])
    assert len(c.alasan) == 4


def test_inactive_employees_are_never_candidates(dunia):
    orang = _isi_sumber(dunia)
    orang["a"].aktif = False
    orang["a"].save()
    hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    assert orang["a"] not in {k.pegawai for k in hasil.kandidat + hasil.dikecualikan}


def test_candidate_queries_are_constant(settings, dunia, django_assert_num_queries):
    settings.ABK_PEGAWAI_DALAM_USULAN = None  # the hook's own query is the proposals app's business
    _isi_sumber(dunia)
    with django_assert_num_queries(8):
        abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    for _ in range(6):
        s = UnitKerjaFactory()
        tugas(s, dunia["perawat"], Decimal(0), 1)
        p = pegawai_di(s, dunia["perawat"], mulai=ENAM_TAHUN)
        KinerjaTahunan.objects.create(pegawai=p, tahun=2025, predikat=Predikat.BAIK)
        p.kompetensi.add(dunia["k1"])
    with django_assert_num_queries(8):
        hasil = abk_kandidat(dunia["u"], dunia["perawat"], hari=HARI)
    assert len(hasil.kandidat) == 13


# --- The reverse view -------------------------------------------------------------------------


def test_destinations_for_a_surplus_sorted_by_shortage(dunia):
    orang = _isi_sumber(dunia)
    lebih_kurang = UnitKerjaFactory(nama="Puskesmas Sangat Kurang")
    tugas(lebih_kurang, dunia["perawat"], 5000, 1)  # 4 needed, 0 held
    setara_kurang = UnitKerjaFactory(nama="Puskesmas Kurang Setara")
    tugas(setara_kurang, dunia["setara"], 1250, 1)  # 1 needed (equivalent), 0 held
    hasil = abk_tujuan(dunia["s1"], dunia["perawat"], hari=HARI)
    assert hasil.posisi.kelebihan == 3
    assert [(t.unit.nama, t.jabatan.nama, t.posisi.kekurangan) for t in hasil.tujuan] == [
        ("Puskesmas Sangat Kurang", "Perawat Terampil", 4),
        ("Puskesmas Tujuan", "Perawat Terampil", 2),
        ("Puskesmas Kurang Setara", "Perawat Pelaksana", 1),
    ]
    assert {k.pegawai for k in hasil.pegawai} == {orang[n] for n in "abcd"}
    assert all(k.nilai["kelebihan"] == 30 for k in hasil.pegawai)


def test_destinations_list_excluded_surplus_holders_apart(dunia):
    orang = _isi_sumber(dunia, b={"mulai": SATU_TAHUN})
    hasil = abk_tujuan(dunia["s1"], dunia["perawat"], hari=HARI)
    assert [k.pegawai for k in hasil.dikecualikan] == [orang["b"]]


def test_destination_queries_are_constant(settings, dunia, django_assert_num_queries):
    settings.ABK_PEGAWAI_DALAM_USULAN = None
    _isi_sumber(dunia)
    with django_assert_num_queries(9):
        abk_tujuan(dunia["s1"], dunia["perawat"], hari=HARI)
    for _ in range(5):
        tugas(UnitKerjaFactory(), dunia["perawat"], 2500, 1)
        pegawai_di(dunia["s1"], dunia["perawat"], mulai=ENAM_TAHUN)
    with django_assert_num_queries(9):
        hasil = abk_tujuan(dunia["s1"], dunia["perawat"], hari=HARI)
    assert len(hasil.tujuan) == 6
