"""Languages: Indonesian by default, English through the footer switcher (cookie) or the browser's
Accept-Language; the English catalog is complete, and its compiled .mo matches the .po.

Translator's workflow (see locale/README.md):
    DEBUG=true .venv/bin/python manage.py makemessages -l en -l id --ignore=.venv --ignore=var \
        --ignore=static/vendor --ignore=node_modules
    # translate every new/fuzzy entry in locale/en/LC_MESSAGES/django.po
    DEBUG=true .venv/bin/python manage.py compilemessages --ignore=.venv
"""

import gettext as gnu_gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

LOCALE = Path(settings.BASE_DIR) / "locale"

# Django's own strings that reach our Indonesian pages but that Django's Indonesian catalog lacks
# (or words we keep as the app writes them). Marked with gettext_noop so that makemessages keeps them
# in locale/*/django.po instead of dropping them as obsolete; their Indonesian text lives in
# locale/id/LC_MESSAGES/django.po and wins over Django's catalog (LOCALE_PATHS come first).
DJANGO_DITIMPA = {
    gettext_noop("- Select an option -"): "- Pilih -",
    gettext_noop("No %s matches the given query."): "Tidak ada %s yang cocok dengan pencarian.",
    gettext_noop("“%(value)s” is not a valid binary value."): "“%(value)s” bukan nilai biner yang sah.",
    gettext_noop("Filter by %(field_name)s"): "Saring menurut %(field_name)s",
    gettext_noop("Logout"): "Keluar",
    # Django's Indonesian catalog says "Berkas"; our pages say "File" (as in "File CSV atau XLSX").
    gettext_noop("File"): "File",
}


@pytest.fixture(autouse=True)
def _kembali_ke_bahasa_indonesia():
    """LocaleMiddleware activates the request's language for the whole thread and nothing resets it:
    without this, tests that run after an English request would see English messages."""
    yield
    translation.deactivate()


# --- a tiny .po reader ---------------------------------------------------------------------------


def _unquote(s: str) -> str:
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s[1:-1])


def baca_po(path: Path) -> list[dict]:
    """Entries of a .po file (without the header and obsolete #~ entries): msgctxt, msgid,
    msgid_plural, msgstr (list: one item, or one per plural form) and flags."""
    entri = []
    for blok in path.read_text(encoding="utf-8").strip().split("\n\n"):
        e = {"msgctxt": None, "msgid": None, "msgid_plural": None, "msgstr": {}, "flags": set()}
        kunci = None
        for baris in blok.splitlines():
            if baris.startswith("#~"):
                e = None
                break
            if baris.startswith("#,"):
                e["flags"] |= {f.strip() for f in baris[2:].split(",")}
            elif baris.startswith("#") or not baris.strip():
                continue
            elif baris.startswith('"'):
                if isinstance(kunci, int):
                    e["msgstr"][kunci] += _unquote(baris)
                else:
                    e[kunci] += _unquote(baris)
            else:
                kata, nilai = baris.split(" ", 1)
                m = re.fullmatch(r"msgstr\[(\d+)\]", kata)
                if m or kata == "msgstr":
                    kunci = int(m.group(1)) if m else 0
                    e["msgstr"][kunci] = _unquote(nilai)
                else:
                    kunci = kata
                    e[kata] = _unquote(nilai)
        if e is not None and e["msgid"]:  # the header has msgid ""
            e["msgstr"] = [e["msgstr"][k] for k in sorted(e["msgstr"])]
            entri.append(e)
    return entri


PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdif]|%%|\{\w*\}|</?[a-z]+[^>]*>")


def _placeholder(s: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(s))


# --- the catalogs --------------------------------------------------------------------------------


def test_katalog_inggris_lengkap():
    """Every string has an English translation: a new string without one fails CI."""
    entri = baca_po(LOCALE / "en" / "LC_MESSAGES" / "django.po")
    assert len(entri) > 1500
    kosong = [e["msgid"] for e in entri if not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in entri if "fuzzy" in e["flags"]]
    assert not kosong, f"{len(kosong)} untranslated, e.g. {kosong[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


def test_katalog_inggris_placeholder_sama():
    """%(name)s, %s, {name}, %% and HTML tags survive translation exactly (a missing placeholder
    raises KeyError/TypeError at runtime or loses data)."""
    salah = []
    for e in baca_po(LOCALE / "en" / "LC_MESSAGES" / "django.po"):
        for i, terjemahan in enumerate(e["msgstr"]):
            asal = e["msgid_plural"] if (i > 0 and e["msgid_plural"]) else e["msgid"]
            if set(_placeholder(asal)) != set(_placeholder(terjemahan)):
                salah.append((asal, terjemahan))
    assert not salah, salah[:5]


def test_po_bentuk_jamak():
    en = baca_po(LOCALE / "en" / "LC_MESSAGES" / "django.po")
    jamak = [e for e in en if e["msgid_plural"]]
    assert jamak
    assert all(len(e["msgstr"]) == 2 for e in jamak)


@pytest.mark.parametrize("bahasa", ["en", "id"])
def test_mo_sesuai_po(bahasa):
    """The committed .mo is compiled from the current .po (someone forgot compilemessages otherwise)."""
    mo = LOCALE / bahasa / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as f:
        katalog = gnu_gettext.GNUTranslations(f)
    beda = []
    for e in baca_po(LOCALE / bahasa / "LC_MESSAGES" / "django.po"):
        if not all(e["msgstr"]) or "fuzzy" in e["flags"]:
            continue
        msgid = e["msgid"] if e["msgctxt"] is None else f"{e['msgctxt']}\x04{e['msgid']}"
        hasil = katalog.ngettext(msgid, e["msgid_plural"], 1) if e["msgid_plural"] else katalog.gettext(msgid)
        if hasil != e["msgstr"][0]:
            beda.append(e["msgid"])
    assert not beda, f"compile the messages again: {beda[:5]}"


def test_katalog_indonesia_hanya_penimpaan():
    """Our own strings are already Indonesian: the id catalog only overrides Django's strings."""
    terisi = {
        e["msgid"]: e["msgstr"][0] for e in baca_po(LOCALE / "id" / "LC_MESSAGES" / "django.po") if e["msgstr"][0]
    }
    assert terisi == DJANGO_DITIMPA


@pytest.mark.parametrize("msgid,teks", DJANGO_DITIMPA.items())
def test_string_django_berbahasa_indonesia(msgid, teks):
    with translation.override("id"):
        assert translation.gettext(msgid) == teks


def test_placeholder_python_tetap_berfungsi_dalam_bahasa_inggris():
    with translation.override("en"):
        teks = translation.gettext("Pegawai %(nama)s ditambahkan.") % {"nama": "Siti"}
        jamak = translation.ngettext("%(n)s pegawai", "%(n)s pegawai", 3) % {"n": 3}
        satu = translation.ngettext("%(n)s pegawai", "%(n)s pegawai", 1) % {"n": 1}
    assert teks == "Employee Siti added."
    assert (jamak, satu) == ("3 employees", "1 employee")


# Names xgettext extracts from Python when Django's makemessages runs it (its own defaults plus
# Django's --keyword list). A string wrapped in any other alias never reaches the catalog.
KATA_KUNCI_XGETTEXT = {
    "_", "gettext", "ngettext", "gettext_noop", "gettext_lazy", "ngettext_lazy",
    "pgettext", "npgettext", "pgettext_lazy", "npgettext_lazy",
}  # fmt: skip
# Known offenders, extracted meanwhile with --keyword=_l/_lazy (locale/README.md). Remove when fixed.
ALIAS_DIKETAHUI = {}


def test_alias_gettext_dikenal_makemessages():
    """`from django.utils.translation import gettext_lazy as _x` hides every _x("...") from
    makemessages: the string stays Indonesian in English. Use `_` or the function's own name."""
    pola = re.compile(r"(?m)^\s*from django\.utils\.translation import ([^\n(]+|\([^)]*\))")
    salah = []
    for berkas in Path(settings.BASE_DIR).glob("*/**/*.py"):
        relatif = berkas.relative_to(settings.BASE_DIR).as_posix()
        if relatif.split("/")[0] in {".venv", "var", "node_modules", "static"}:
            continue
        for impor in pola.findall(berkas.read_text(encoding="utf-8")):
            for bagian in impor.strip("()").split(","):
                nama = bagian.split(" as ")[-1].strip()
                if " as " in bagian and nama not in KATA_KUNCI_XGETTEXT and ALIAS_DIKETAHUI.get(relatif) != nama:
                    salah.append(f"{relatif}: {bagian.strip()}")
    assert not salah, salah


# --- pages ---------------------------------------------------------------------------------------


def _dengan_bahasa(bahasa: str) -> Client:
    c = Client()
    c.cookies[settings.LANGUAGE_COOKIE_NAME] = bahasa
    return c


@pytest.mark.django_db
def test_halaman_masuk_bawaan_bahasa_indonesia():
    r = Client().get(reverse("login"))
    assert r.status_code == 200
    assert 'lang="id"' in r.text
    assert "Masuk ke SIMUTASI" in r.text
    assert "Sign in" not in r.text


@pytest.mark.django_db
def test_halaman_masuk_bahasa_inggris_lewat_cookie():
    r = _dengan_bahasa("en").get(reverse("login"))
    assert r.status_code == 200
    assert 'lang="en"' in r.text
    assert "Sign in to SIMUTASI" in r.text
    assert "Forgot password?" in r.text
    assert "Masuk ke SIMUTASI" not in r.text


@pytest.mark.django_db
def test_halaman_masuk_bahasa_inggris_lewat_accept_language():
    r = Client().get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Sign in to SIMUTASI" in r.text
    r = Client().get(reverse("login"), HTTP_ACCEPT_LANGUAGE="id-ID,id;q=0.9,en;q=0.5")
    assert "Masuk ke SIMUTASI" in r.text


@pytest.mark.django_db
def test_cookie_menang_atas_accept_language():
    r = _dengan_bahasa("id").get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Masuk ke SIMUTASI" in r.text


@pytest.mark.django_db
def test_pemilih_bahasa_di_footer(org):
    """The footer's switcher posts to set_language; the next page is in the chosen language."""
    c = Client()
    c.force_login(org.hr.akun)
    tujuan = reverse("pegawai:daftar")
    r = c.post(reverse("set_language"), {"language": "en", "next": tujuan})
    assert r.status_code == 302 and r["Location"] == tujuan
    r = c.get(tujuan)
    assert "Employee list" in r.text
    assert '<option value="en" selected>' in r.text
    c.post(reverse("set_language"), {"language": "id", "next": tujuan})
    assert "Daftar pegawai" in c.get(tujuan).text


@pytest.mark.django_db
def test_halaman_hr_bahasa_inggris(org):
    c = _dengan_bahasa("en")
    c.force_login(org.hr.akun)
    r = c.get(reverse("pegawai:daftar"))
    assert r.status_code == 200
    for teks in ("Employee list", "Add employee", "Sign out", "Export employee list", "Work unit"):
        assert teks in r.text, teks
    for teks in ("Daftar pegawai", "Tambah pegawai", "Keluar"):
        assert teks not in r.text, teks


@pytest.mark.django_db
def test_halaman_hr_bahasa_indonesia(org):
    c = _dengan_bahasa("id")
    c.force_login(org.hr.akun)
    r = c.get(reverse("pegawai:daftar"))
    assert r.status_code == 200
    for teks in ("Daftar pegawai", "Tambah pegawai", "Keluar", "Unit kerja"):
        assert teks in r.text, teks
    for teks in ("Employee list", "Add employee", "Sign out"):
        assert teks not in r.text, teks


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bahasa,ada,tidak_ada",
    [("id", "- Pilih -", "Select"), ("en", "- Select -", "Pilih")],
)
def test_pilihan_kosong_django_di_formulir(org, bahasa, ada, tidak_ada):
    """Django 6.1's empty select choice is Indonesian on Indonesian pages (the training form uses it)."""
    c = _dengan_bahasa(bahasa)
    c.force_login(org.hr.akun)
    r = c.get(reverse("pelatihan:katalog_baru"))
    assert r.status_code == 200
    assert ada in r.text
    assert tidak_ada not in r.text


@pytest.mark.django_db
def test_pesan_validasi_bahasa_inggris(org):
    c = _dengan_bahasa("en")
    r = c.post(reverse("login"), {"username": "199001012015031001", "password": "salah-sekali"})
    assert r.status_code == 200
    assert "Wrong NIP or password, or the account is not active." in r.text
