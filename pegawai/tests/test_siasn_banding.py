"""Compare before trusting: an employee's SIASN data next to ours, field by field; chosen values
taken over (validated, audited with before/after, refused cleanly on bad data); a whole unit
compared, at once or in the worker, with its spreadsheet."""

from datetime import date
from io import BytesIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from inti.galat import LayananError
from inti.models import CatatanAudit
from inti.tugas import ProgresTugas
from pegawai.selectors.siasn import siasn_bandingkan
from pegawai.services.siasn import siasn_ambil_alih, siasn_banding_unit
from pegawai.siasn.klien import SiasnNonaktif, SiasnTidakDitemukan, klien_siasn
from pegawai.tests.factories import pegawai_di

pytestmark = pytest.mark.django_db


def _siasn_seperti(siasn, p, **ubah):
    """SIASN knows `p` exactly as we do, except `ubah` (SIASN's field names)."""
    posisi = p.posisi_sekarang
    data = {
        "nama": p.nama.upper(),
        "gelarDepan": p.gelar_depan,
        "gelarBelakang": p.gelar_belakang,
        "tempatLahir": p.tempat_lahir,
        "tglLahir": f"{p.tanggal_lahir:%d-%m-%Y}",
        "jenisKelamin": "M" if p.jenis_kelamin == "L" else "F",
        "golRuangAkhir": p.golongan,
        "pendidikanTerakhirNama": p.pendidikan,
        "email": p.email,
        "noHp": p.telepon,
        "jabatanNama": posisi.jabatan.nama,
        "unorNama": posisi.unit.nama,
        "tmtJabatan": f"{posisi.mulai:%d-%m-%Y}",
    }
    data.update(ubah)
    return siasn.daftar(p.nip, **data)


def test_same_data_no_differences(org, siasn):
    _siasn_seperti(siasn, org.anggota)
    hasil = siasn_bandingkan(org.anggota, klien_siasn())
    assert hasil.jumlah_beda == 0 and hasil.nilai_siasn == {}


def test_differences_field_by_field(org, siasn):
    p = org.anggota
    _siasn_seperti(
        siasn,
        p,
        gelarBelakang="S.Kom.",
        golRuangAkhir="III/c",
        tempatLahir="SIDOARJO",
        jabatanNama="Analis Kebijakan",
        tmtJabatan="01-02-2022",
        jenisKelamin="??",
    )
    siasn.rw_golongan[p.nip] = [{"golongan": "III/c", "tmtGolongan": "01-04-2024", "skNomor": "823/1"}]
    hasil = siasn_bandingkan(p, klien_siasn())
    beda = {b.kunci: b for b in hasil.baris if b.beda}
    assert set(beda) == {"gelar_belakang", "golongan", "tempat_lahir", "jabatan", "tmt_jabatan", "jenis_kelamin"}
    assert hasil.nilai_siasn == {"gelar_belakang": "S.Kom.", "golongan": "III/c", "tempat_lahir": "SIDOARJO"}
    assert not beda["jabatan"].bisa_ambil and "pindah jabatan" in beda["jabatan"].catatan
    assert not beda["jenis_kelamin"].bisa_ambil and beda["jenis_kelamin"].catatan == "Nilai SIASN tidak dikenali."
    assert beda["tmt_jabatan"].siasn == "01-02-2022"
    assert hasil.riwayat_golongan == [{"golongan": "III/c", "tmt": "01-04-2024", "nomor_sk": "823/1"}]


def test_unknown_to_siasn(org, siasn):
    with pytest.raises(SiasnTidakDitemukan):
        siasn_bandingkan(org.anggota, klien_siasn())


def test_take_over_writes_audits_before_and_after(org, siasn):
    p = org.anggota
    lama_gol = p.golongan
    _siasn_seperti(siasn, p, golRuangAkhir="III/c", gelarBelakang="S.Kom.")
    hasil = siasn_bandingkan(p, klien_siasn())
    siasn_ambil_alih(oleh=org.hr.akun, pegawai=p, nilai=hasil.nilai_siasn)
    p.refresh_from_db()
    assert (p.golongan, p.gelar_belakang) == ("III/c", "S.Kom.")
    a = CatatanAudit.objects.get(aksi="pegawai.siasn_ambil")
    assert a.oleh == org.hr.akun and a.objek_id == str(p.pk)
    assert a.perubahan == {"golongan": [lama_gol, "III/c"], "gelar_belakang": ["", "S.Kom."]}


def test_take_over_refused_cleanly_on_bad_data(org, siasn):
    p = org.anggota
    lahir = date(p.tanggal_lahir.year + 1, 1, 2)  # disagrees with the NIP
    sebelum = (p.tanggal_lahir, p.nama)
    with pytest.raises(LayananError, match="tidak dapat diambil"):
        siasn_ambil_alih(oleh=org.hr.akun, pegawai=p, nilai={"tanggal_lahir": lahir.isoformat(), "nama": "X"})
    p.refresh_from_db()
    assert (p.tanggal_lahir, p.nama) == sebelum and not CatatanAudit.objects.filter(aksi="pegawai.siasn_ambil").exists()
    with pytest.raises(LayananError, match="tidak dapat diambil dari SIASN: nip"):
        siasn_ambil_alih(oleh=org.hr.akun, pegawai=p, nilai={"nip": "1"})
    with pytest.raises(LayananError, match="staf BKPSDM"):
        siasn_ambil_alih(oleh=org.kepala.akun, pegawai=p, nilai={"nama": "X"})
    with pytest.raises(LayananError, match="Pilih dulu"):
        siasn_ambil_alih(oleh=org.hr.akun, pegawai=p, nilai={})


def test_unit_comparison_inline_for_a_few(org, siasn):
    _siasn_seperti(siasn, org.kepala)
    _siasn_seperti(siasn, org.anggota, golRuangAkhir="IV/a")
    p = siasn_banding_unit(oleh=org.hr.akun, unit=org.unit)
    assert p.status == ProgresTugas.Status.SELESAI and not p.tugas_path
    baris = {b["nip"]: b for b in p.hasil["baris"]}
    assert set(baris) == {org.kepala.nip, org.anggota.nip}  # the unit and its sub-unit
    assert baris[org.kepala.nip]["beda"] == []
    assert [d["kunci"] for d in baris[org.anggota.nip]["beda"]] == ["golongan"]
    assert "2 pegawai dibandingkan: 1 berbeda" in p.pesan


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens connections
def test_unit_comparison_in_the_worker_for_many(org, siasn, settings):
    settings.SIASN_BANDING_LATAR_JUMLAH = 2
    for _ in range(2):
        _siasn_seperti(siasn, pegawai_di(org.subunit))
    _siasn_seperti(siasn, org.anggota, tempatLahir="MALANG")
    # org.kepala is unknown to SIASN: reported, the rest goes on
    p = siasn_banding_unit(oleh=org.hr.akun, unit=org.unit)
    assert p.status == ProgresTugas.Status.MENUNGGU and p.total == 4
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)
    p.refresh_from_db()
    assert p.status == ProgresTugas.Status.SELESAI and p.selesai == 4
    assert "1 berbeda, 1 tidak terbaca" in p.pesan
    assert p.ke_json()["url"] == f"/pegawai/siasn/unit/{p.pk}/"


def test_unit_comparison_when_off(org):
    with pytest.raises(SiasnNonaktif):
        siasn_banding_unit(oleh=org.hr.akun, unit=org.unit)
    assert not ProgresTugas.objects.exists()


def test_unit_result_as_spreadsheet(org, siasn, clients):
    _siasn_seperti(siasn, org.kepala, nama="=HYPERLINK(1)")
    p = siasn_banding_unit(oleh=org.hr.akun, unit=org.subunit)  # org.anggota: unknown to SIASN
    p2 = siasn_banding_unit(oleh=org.hr.akun, unit=org.unit)
    for progres in (p, p2):
        r = clients["hr"].get(f"/pegawai/siasn/unit/{progres.pk}.xlsx")
        assert r.status_code == 200
        ws = load_workbook(BytesIO(b"".join(r.streaming_content))).active
        nilai = [[c.value for c in row] for row in ws.iter_rows()]
        assert ["NIP", "Nama", "Data", "SIMUTASI", "SIASN", "Catatan"] in nilai
    assert any(row[4] == "=HYPERLINK(1)" and row[2] == "Nama" for row in nilai)  # text, never a formula
    assert ws.cell(row=[r[4] for r in nilai].index("=HYPERLINK(1)") + 1, column=5).data_type == "s"


def test_unit_comparison_stops_when_siasn_goes_down(org, siasn, settings):
    settings.SIASN_ULANG = 0
    _siasn_seperti(siasn, org.kepala)
    siasn.mode = "sibuk_503"
    p = siasn_banding_unit(oleh=org.hr.akun, unit=org.unit)
    assert p.status == ProgresTugas.Status.GAGAL
    assert "gangguan" in p.pesan and "berhenti setelah 0 dari 2 pegawai" in p.pesan
    assert len(siasn.jalur("/oauth2/token")) == 1  # one failed call, not one per employee
