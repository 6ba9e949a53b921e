"""Property tests (hypothesis) of the transfer workflow's forms: the proposal (new and edited), the
employee's request, the objection and HR's answer to it. Whatever a browser POSTs, `is_valid()`
answers without raising; an invalid form names its own fields in error and keeps what was typed.
Deterministic and small (pegawai/tests/properti.py)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from mutasi.forms import JawabKeberatanForm, KeberatanForm, PermohonanForm, UsulanBaruForm, UsulanForm
from mutasi.models import DasarMutasi, JenisMutasi, KeputusanKeberatan, UsulanMutasi
from pegawai.tests.properti import FORM, data_post, isian, periksa_formulir

HARI_INI = date.today()
TANGGAL = st.dates(HARI_INI - timedelta(days=400), HARI_INI + timedelta(days=400)).map(date.isoformat)
ALASAN = ["Penyegaran dan pemerataan pegawai di lingkungan Pemerintah Kota.", "Dekat dengan keluarga."]


def _uji(bidang, buat, ganda=()) -> list[bool]:
    """Run the form property over generated POST bodies; return which examples were valid."""
    hasil = []

    @FORM
    @given(data=data_post(bidang, ganda))
    def properti(data):
        hasil.append(periksa_formulir(buat(data), data))

    properti()
    assert False in hasil  # the property was exercised on invalid input
    return hasil


def _bidang_usulan(dunia) -> dict:
    return {
        "pegawai": isian([str(dunia.org.anggota.pk), str(dunia.org.orang_luar.pk)]),
        "nip": isian([dunia.org.anggota.nip]),
        "jenis": isian(JenisMutasi.values),
        "dasar": isian(DasarMutasi.values),
        "tujuan_unit": isian([str(dunia.tujuan.pk), str(dunia.org.lain.pk)]),
        "tujuan_jabatan": isian([str(dunia.jabatan_tujuan.pk)]),
        "instansi_eksternal": isian(["Pemerintah Kabupaten Sidoarjo"]),
        "jabatan_eksternal": isian(["Analis Kebijakan"]),
        "tmt_usulan": isian(TANGGAL),
        "alasan": isian(ALASAN),
        "manfaat_organisasi": isian(["Pelayanan di unit tujuan lebih kuat."]),
        "manfaat_pegawai": isian(["Pengalaman di bidang baru."]),
        "alasan_tanpa_kekurangan": isian(["Unit tujuan akan membuka layanan baru."]),
    }


def test_the_new_proposal_form_takes_any_input(dunia):
    _uji(_bidang_usulan(dunia), UsulanBaruForm)


def test_the_proposal_edit_form_takes_any_input(dunia):
    usulan = dunia.usulan()
    _uji(_bidang_usulan(dunia), lambda data: UsulanForm(data, instance=UsulanMutasi.objects.get(pk=usulan.pk)))


def test_the_request_form_takes_any_input(dunia):
    bidang = {
        "jenis": isian([JenisMutasi.DALAM, JenisMutasi.KELUAR]),
        "alasan": isian(ALASAN),
        "unit_pilihan": isian([str(dunia.tujuan.pk), str(dunia.org.lain.pk)]),
        "instansi_tujuan": isian(["Pemerintah Kabupaten Sidoarjo"]),
    }
    _uji(bidang, lambda data: PermohonanForm(data, {}), ganda=("unit_pilihan",))


def test_the_objection_form_takes_any_input(db):
    _uji({"isi": isian(["Saya keberatan karena sedang merawat orang tua."])}, KeberatanForm)


def test_the_objection_answer_form_takes_any_input(dunia):
    bidang = {
        "keputusan": isian(KeputusanKeberatan.values),
        "jawaban": isian(["Keberatan diterima; TMT digeser."]),
        "tmt_baru": isian(TANGGAL),
        "tujuan_unit": isian([str(dunia.tujuan.pk)]),
        "tujuan_jabatan": isian([str(dunia.jabatan_tujuan.pk)]),
    }
    _uji(bidang, JawabKeberatanForm)
