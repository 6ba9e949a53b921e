"""Property tests (hypothesis) of the rules any input must meet: the NIP rules, every import
kind and the employee form. Deterministic (derandomize) and small (pegawai/tests/properti.py),
so CI on SQLite and PostgreSQL runs the same examples quickly."""

from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from hypothesis import assume, example, given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from pegawai import nip
from pegawai.forms.pegawai import PegawaiBuatForm, PegawaiForm
from pegawai.impor.jenis import JENIS
from pegawai.models import JenisKompetensi, Kompetensi, Pegawai, RiwayatImpor
from pegawai.services.impor import impor_jalankan
from pegawai.tests.factories import pegawai_di
from pegawai.tests.fixtures.impor import buat_rujukan, tulis_csv, tulis_xlsx
from pegawai.tests.properti import CEPAT, DB, FORM, data_post, isian, periksa_formulir

HARI_INI = date.today()


# --- NIP -----------------------------------------------------------------------------------


@st.composite
def nip_pns(draw):
    """A valid PNS NIP and its parts: TMT CPNS 18 to 45 years after birth, not in the future."""
    lahir = draw(st.dates(date(1940, 1, 1), date(HARI_INI.year - 19, 12, 31)))
    bulan_ke = lahir.year * 12 + lahir.month - 1 + draw(st.integers(18 * 12, 45 * 12))
    tahun, bulan = divmod(bulan_ke, 12)
    bulan += 1
    assume(tahun <= HARI_INI.year)
    kelamin = draw(st.sampled_from("LP"))
    urut = draw(st.integers(0, 999))
    teks = f"{lahir:%Y%m%d}{tahun:04d}{bulan:02d}{'1' if kelamin == 'L' else '2'}{urut:03d}"
    return teks, lahir, tahun, bulan, kelamin, f"{urut:03d}"


@st.composite
def nip_pppk(draw):
    """A valid NI PPPK: digits 13-14 are any two digits, not a month."""
    lahir = draw(st.dates(date(1940, 1, 1), date(HARI_INI.year - 19, 12, 31)))
    tahun = lahir.year + draw(st.integers(18, 45))
    assume(tahun <= HARI_INI.year)
    tengah = draw(st.integers(0, 99))
    kelamin = draw(st.sampled_from("LP"))
    urut = draw(st.integers(0, 999))
    teks = f"{lahir:%Y%m%d}{tahun:04d}{tengah:02d}{'1' if kelamin == 'L' else '2'}{urut:03d}"
    return teks, lahir, tahun, kelamin, f"{urut:03d}"


def _tanggal_sah(delapan: str) -> bool:
    try:
        date(int(delapan[:4]), int(delapan[4:6]), int(delapan[6:8]))
    except ValueError:
        return False
    return True


@CEPAT
@given(nip_pns())
def test_a_valid_pns_nip_is_accepted_and_decoded_back(data):
    teks, lahir, tahun, bulan, kelamin, urut = data
    info = nip.parse(teks)
    assert (info.tanggal_lahir, info.tahun_masuk, info.bulan_masuk) == (lahir, tahun, bulan)
    assert (info.jenis_kelamin, info.urut) == (kelamin, urut)
    # Typed grouped, as printed on decrees, it reads the same.
    assert nip.parse(nip.tampil(teks)) == info
    assert nip.periksa(teks, status=nip.PNS, tanggal_lahir=lahir, jenis_kelamin=kelamin) == {}


@CEPAT
@given(nip_pppk())
def test_a_valid_pppk_number_is_accepted_and_decoded_back(data):
    teks, lahir, tahun, kelamin, urut = data
    info = nip.parse(teks, nip.PPPK)
    assert (info.tanggal_lahir, info.tahun_masuk, info.bulan_masuk) == (lahir, tahun, None)
    assert (info.jenis_kelamin, info.urut) == (kelamin, urut)
    assert nip.parse(nip.tampil(teks, nip.PPPK), nip.PPPK) == info


@st.composite
def nip_tanggal_mustahil(draw):
    """A valid NIP with one digit of its birth date changed so the date cannot exist (a 13th
    month, a 31 June, a 29 February outside a leap year, year 0000...)."""
    teks = draw(nip_pns())[0]
    calon = [
        teks[:i] + d + teks[i + 1 :]
        for i in range(8)
        for d in "0123456789"
        if not _tanggal_sah(teks[:i] + d + teks[i + 1 : 8])
    ]
    return draw(st.sampled_from(calon))


@CEPAT
@given(nip_tanggal_mustahil(), st.sampled_from([nip.PNS, nip.PPPK]))
def test_a_digit_of_the_birth_date_changed_into_an_impossible_date_is_refused(teks, status):
    with pytest.raises(ValidationError) as exc:
        nip.parse(teks, status)
    assert exc.value.code == "nip_tanggal_lahir"
    assert set(nip.periksa(teks, status=status, tanggal_lahir=None, jenis_kelamin=None)) == {"nip"}


# Text that looks like a NIP: digits of any script (Arabic-Indic, superscripts...), the
# separators people type, and anything else now and then.
TEKS_MIRIP_NIP = st.text(
    alphabet=st.one_of(
        st.sampled_from("0123456789"),
        st.sampled_from(" .-\t\xa0"),
        st.characters(categories=["Nd", "No"]),
        st.characters(),
    ),
    max_size=30,
)


@CEPAT
@given(st.one_of(TEKS_MIRIP_NIP, st.text(max_size=40)), st.sampled_from([nip.PNS, nip.PPPK]))
@example("19860926²015051001", nip.PNS)  # "²".isdigit() is True, int("²") raises
@example("١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١", nip.PNS)  # Arabic-Indic digits: int() reads them, a NIP may not hold them
@example("1986092620150510²1", nip.PNS)
def test_any_text_is_either_a_nip_of_18_ascii_digits_or_a_validation_error(teks, status):
    try:
        info = nip.parse(teks, status)
    except ValidationError as e:
        assert e.messages
    else:
        bersih = nip.normalisasi(teks)
        assert bersih.isascii() and bersih.isdigit() and len(bersih) == nip.PANJANG
        assert info.urut == bersih[15:]
    hasil = nip.periksa(teks, status=status, tanggal_lahir=date(1986, 9, 26), jenis_kelamin="L")
    assert set(hasil) <= {"nip", "tanggal_lahir", "jenis_kelamin"}
    assert isinstance(nip.tampil(teks, status), str)


@pytest.mark.parametrize(
    "teks",
    [
        "19860926²015051001",  # was a ValueError (a server error) instead of a validation error
        "1986092620150510²1",  # was accepted and stored with a superscript digit
        "١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١",  # Arabic-Indic digits: was accepted and stored as such
    ],
)
def test_a_nip_with_non_ascii_digits_is_refused(teks):
    with pytest.raises(ValidationError) as exc:
        nip.parse(teks)
    assert exc.value.code == "nip_format"


# --- Every import kind: any cell text, never a server error, all or nothing ------------------

NIP_ADA = "198609262015051001"  # the employee the per-employee kinds refer to (every template's example)
# The template's example row of each kind, pointed at the reference data of `dunia_impor`.
UBAH_CONTOH = {
    "pegawai": {"Jabatan": "Pengadministrasi Umum", "Unit Kerja": "KEL-MLY-KS", "Golongan": "III/a"},
    "riwayat_jabatan": {"Mulai": "2015-06-01"},  # not before the TMT CPNS in the NIP (2015-05)
}
AWALAN_RUMUS = "=+-@\t\r"


def _contoh(kode: str) -> dict[str, str]:
    spec = JENIS[kode]
    return {k.nama: k.contoh for k in spec.kolom} | UBAH_CONTOH.get(kode, {})


TEKS_SEL = st.one_of(
    st.text(max_size=40),
    st.builds(lambda a, t: a + t, st.sampled_from(AWALAN_RUMUS), st.text(max_size=20)),
    st.builds("".join, st.lists(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=5)),
    st.builds(lambda c, n: c * n, st.characters(), st.integers(300, 20_000)),  # very long
    st.sampled_from(["-", "'=1+1", '=HYPERLINK("http://x")', "@SUM(A1)", "1E+17", "00000", "9" * 40]),
    st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=18, max_size=18),
)


@st.composite
def tabel_acak(draw, kode: str):
    """The kind's example row once or twice, up to three of its cells replaced by arbitrary text."""
    contoh = _contoh(kode)
    judul = list(contoh)
    rows = []
    for _i in range(draw(st.integers(1, 2))):  # a second row repeats the key: a located error too
        baris = dict(contoh)
        for kolom in draw(st.lists(st.sampled_from(judul), max_size=3, unique=True)):
            baris[kolom] = draw(TEKS_SEL)
        rows.append([baris[k] for k in judul])
    return [judul, *rows]


def _isi_xlsx(v: str) -> str:
    # An XLSX cannot hold control characters at all (openpyxl refuses them): the closest a file gets.
    return ILLEGAL_CHARACTERS_RE.sub("", v)


def _potret() -> dict[str, list]:
    """Every row of every table an import may write (the run log aside)."""
    potret = {}
    for app in ("pegawai", "inti"):
        for model in apps.get_app_config(app).get_models():
            if model is RiwayatImpor or model._meta.proxy:
                continue
            potret[model._meta.label] = sorted(map(repr, model.objects.values_list()))
    return potret


@pytest.fixture
def dunia_impor(db):
    r = buat_rujukan()
    r.pegawai = pegawai_di(
        r.kel, r.staf, mulai=date(2021, 1, 4), nip=NIP_ADA, tanggal_lahir=date(1986, 9, 26), jenis_kelamin="L"
    )
    Kompetensi.objects.create(nama="Analisis Kebijakan", jenis=JenisKompetensi.choices[0][0])
    return r


def _jalankan(tmp_path, kode: str, tabel: list[list], format: str):
    if format == "xlsx":
        path = tulis_xlsx(tmp_path / f"{kode}.xlsx", [[_isi_xlsx(v) for v in row] for row in tabel])
    else:
        path = tulis_csv(tmp_path / f"{kode}.csv", tabel)
    return impor_jalankan(path=path, nama_file=path.name, jenis=kode, oleh=None)


@pytest.mark.parametrize("kode", list(JENIS))
def test_the_example_row_of_each_kind_imports(dunia_impor, tmp_path, kode):
    """The property below starts from this row: it must be good, or every example is only errors."""
    tabel = [list(_contoh(kode)), list(_contoh(kode).values())]
    _riwayat, hasil = _jalankan(tmp_path, kode, tabel, "csv")
    assert hasil.ok, [str(g) for g in hasil.galat]


@pytest.mark.parametrize("kode", list(JENIS))
def test_any_cell_text_gives_a_result_or_located_errors_and_nothing_written_on_error(dunia_impor, tmp_path, kode):
    @DB
    @given(tabel=tabel_acak(kode), format=st.sampled_from(["csv", "xlsx"]))
    def properti(tabel, format):
        sebelum = _potret()
        riwayat, hasil = _jalankan(tmp_path, kode, tabel, format)
        assert riwayat.berhasil == hasil.ok
        if hasil.ok:
            return
        assert _potret() == sebelum, "a refused import wrote something"
        for g in hasil.galat:
            assert g.pesan
            if not hasil.ditolak:  # a file refused as a whole has no row to name
                assert g.baris is not None and g.baris >= 2, g
                assert g.kolom in {k.nama for k in JENIS[kode].kolom}, g

    properti()


# --- The employee form -------------------------------------------------------------------------


def _bidang_pegawai(r) -> dict[str, st.SearchStrategy]:
    return {
        "nip": isian(nip_pns().map(lambda d: d[0]), nip_pns().map(lambda d: nip.tampil(d[0]))),
        "status": isian(["PNS", "PPPK"]),
        "gelar_depan": isian(["Drs.", ""]),
        "nama": isian(["Budi Santoso", "Ni Luh Ayu Çahyani"]),
        "gelar_belakang": isian(["S.Kom., M.M."]),
        "jenis_kelamin": isian(["L", "P"]),
        "tempat_lahir": isian(["Surabaya"]),
        "tanggal_lahir": isian(st.dates(date(1950, 1, 1), date(2005, 12, 31)).map(date.isoformat)),
        "golongan": isian(["III/a", "IV/e", "IX"]),
        "pendidikan": isian(["S1 Psikologi"]),
        "email": isian(["budi@surabaya.go.id"]),
        "telepon": isian(["081234567890", "+62 31 123"]),
        "kompetensi": isian([str(r.kompetensi.pk)]),
        "unit": isian([str(r.kel.pk), str(r.kec.pk)]),
        "jabatan": isian([str(r.staf.pk), str(r.analis.pk)]),
        "tmt": isian(st.dates(date(1990, 1, 1), HARI_INI).map(date.isoformat)),
        "nomor_sk": isian(["821.2/45/436.7.2/2015"]),
    }


@pytest.fixture
def dunia_form(db):
    r = buat_rujukan()
    r.kompetensi = Kompetensi.objects.create(nama="Analisis Kebijakan", jenis=JenisKompetensi.choices[0][0])
    r.pegawai = pegawai_di(r.kel, r.staf)
    return r


def test_the_employee_forms_take_any_input(dunia_form):
    r = dunia_form
    hasil = []

    @FORM
    @given(data=data_post(_bidang_pegawai(r), ganda=("kompetensi",)), baru=st.booleans())
    def properti(data, baru):
        form = PegawaiBuatForm(data) if baru else PegawaiForm(data, instance=Pegawai.objects.get(pk=r.pegawai.pk))
        hasil.append(periksa_formulir(form, data))

    properti()
    assert False in hasil
