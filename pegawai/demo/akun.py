"""The demo accounts: five fixed people (one per role) every demo step may rely on, looked up by
NIP in `AKUN`, with one published demo password.
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from .. import nip as nip_rules
from ..models import Pegawai, Peran, User

# Fixed demo accounts (role -> NIP); every demo module may rely on these.
DEMO_PASSWORD = "demo12345"  # noqa: S105 - published demo password
AKUN = {
    "hr": "198503152010012003",  # Rina Wulandari, S.Psi. - BKPSDM
    "ppk": "196807121994031005",  # Drs. Ikhsan, M.Si. - Sekretaris Daerah (PPK delegate)
    "kepala": "197604222000121002",  # Hendro Gunawan, S.STP., M.Si. - Camat Mulyorejo
    "kepala_pkm": "198011052006042009",  # dr. Laksmi Ayuningtyas - Kepala Puskesmas Mulyorejo
    "pegawai": "199002172015031004",  # Ahmad Fauzi, S.AP. - staff of Kelurahan Kalisari
}

# The five demo people: fixed identity; history is generated like everyone else's.
ORANG_DEMO = {
    "ppk": {
        "unit": "SETDA",
        "jabatan": "Sekretaris Daerah",
        "nama": "Ikhsan",
        "gelar_depan": "Drs.",
        "gelar_belakang": "M.Si.",
        "golongan": "IV/d",
        "pendidikan": "S-2 Ilmu Administrasi",
        "tempat_lahir": "Surabaya",
    },
    "hr": {
        "unit": "BKPSDM-MP",
        "jabatan": "Analis SDM Aparatur Ahli Muda",
        "nama": "Rina Wulandari",
        "gelar_belakang": "S.Psi.",
        "golongan": "III/d",
        "pendidikan": "S-1 Psikologi",
        "tempat_lahir": "Sidoarjo",
    },
    "kepala": {
        "unit": "KEC-MLY",
        "jabatan": "Camat",
        "nama": "Hendro Gunawan",
        "gelar_belakang": "S.STP., M.Si.",
        "golongan": "IV/b",
        "pendidikan": "S-2 Ilmu Pemerintahan",
        "tempat_lahir": "Malang",
    },
    "kepala_pkm": {
        "unit": "PKM-MLY",
        "jabatan": "Kepala Puskesmas",
        "nama": "Laksmi Ayuningtyas",
        "gelar_depan": "dr.",
        "golongan": "IV/a",
        "pendidikan": "S-1 Pendidikan Dokter",
        "tempat_lahir": "Surabaya",
    },
    "pegawai": {
        "unit": "KEL-MLY-KS",
        "jabatan": "Pengolah Data",
        "nama": "Ahmad Fauzi",
        "gelar_belakang": "S.AP.",
        "golongan": "III/c",
        "pendidikan": "S-1 Administrasi Publik",
        "tempat_lahir": "Bangkalan",
    },
}


def _sandi() -> str:
    """The demo password hashed once for every demo account: hashing is slow by design (about a
    third of a second each), and the demo makes a few dozen accounts."""
    return _sandi_dengan(settings.PASSWORD_HASHERS[0])


@cache
def _sandi_dengan(hasher: str) -> str:
    return make_password(DEMO_PASSWORD)


def akun_untuk(pegawai_id: int) -> User:
    """The account of a demo employee who acts in a demo step (a head approving, an employee
    answering), made on first use with the demo password."""
    p = Pegawai.objects.select_related("akun").get(pk=pegawai_id)
    if p.akun_id:
        return p.akun
    user = User.objects.filter(nip=p.nip).first() or User.objects.create(
        nip=p.nip, password=_sandi(), email=p.email, peran=Peran.PEGAWAI
    )
    p.akun = user
    p.save(update_fields=["akun"])
    return user


def buat_akun(per_nip: dict[str, Pegawai]) -> int:
    """The demo accounts: password set directly (no activation mail), already activated."""
    if not all(nip in per_nip for nip in AKUN.values()):
        return 0
    sandi = _sandi()
    sekarang = timezone.now()
    peran = {"hr": Peran.HR, "ppk": Peran.PPK}
    users = []
    for role, nip in AKUN.items():
        p = per_nip[nip]
        user = User(
            nip=nip,
            email=p.email,
            peran=peran.get(role, Peran.PEGAWAI),
            password=sandi,
            is_active=True,
            diaktifkan=sekarang,
            is_staff=role == "hr",
            is_superuser=role == "hr",
        )
        users.append(user)
    ada = set(User.objects.filter(nip__in=AKUN.values()).values_list("nip", flat=True))
    User.objects.bulk_create([u for u in users if u.nip not in ada])
    per_user = User.objects.in_bulk([u.nip for u in users], field_name="nip")
    ubah = []
    for nip, user in per_user.items():
        p = per_nip[nip]
        p.akun = user
        ubah.append(p)
    Pegawai.objects.bulk_update(ubah, ["akun"])
    return len(users) - len(ada)


def akun_demo() -> list[dict[str, str]]:
    """The demo accounts as rows for printing: role, name, NIP, unit, password."""
    pegawai = {p.nip: p for p in Pegawai.objects.with_posisi().filter(nip__in=AKUN.values())}
    baris = []
    for role, nip in AKUN.items():
        p = pegawai.get(nip)
        posisi = p.posisi_sekarang if p else None
        baris.append(
            {
                "peran": role,
                "nama": p.nama_lengkap if p else "(belum ada)",
                "nip": nip_rules.tampil(nip),
                "jabatan": f"{posisi.jabatan} - {posisi.unit}" if posisi else "",
                "sandi": DEMO_PASSWORD,
            }
        )
    return baris
