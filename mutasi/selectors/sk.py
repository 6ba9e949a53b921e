"""Reads for decrees and notices: who a decree covers, the decree's text in pieces (the form of a
regional head's decree, Permendagri 80/2015), its signature block from the PPK's account, the
notice's signatory, drafts waiting for the PPK, and a document by its verification code."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from inti.masukan import angka
from pegawai.akses import peran_user
from pegawai.models import Pegawai, StatusAsn, UnitKerja, User

from ..models import (
    DasarHukum,
    JenisMutasi,
    JenisSK,
    PejabatPenandatangan,
    StatusSK,
    SuratKeputusan,
    SuratPemberitahuan,
    TembusanSK,
    UsulanMutasi,
)
from .usulan import dengan_relasi

DIKTUM = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH"]


def sk_daftar_usulan(sk: SuratKeputusan) -> QuerySet[UsulanMutasi]:
    """Who a decree covers: the proposals it was prepared for, and (decrees issued before drafts
    existed) those pointing at it."""
    return dengan_relasi(UsulanMutasi.objects.filter(Q(sk_cakupan=sk) | Q(sk=sk)).distinct()).order_by(
        "pegawai__nama", "pk"
    )


def sk_konsep_menunggu() -> QuerySet[SuratKeputusan]:
    """Drafts waiting for the PPK's signature, the oldest first."""
    return (
        SuratKeputusan.objects.filter(status=StatusSK.KONSEP)
        .select_related("mengganti", "batch", "diterbitkan_oleh")
        .order_by("diterbitkan_pada", "pk")
    )


def sk_konsep_usulan(u: UsulanMutasi) -> SuratKeputusan | None:
    """The draft waiting for the PPK that covers this proposal, if any."""
    return u.sk_cakupan.filter(status=StatusSK.KONSEP).first()


def sk_tanggal_terakhir(tahun: int) -> tuple[date, str] | None:
    """The latest date (and its number) among the signed decrees of a year's number sequence."""
    sk = (
        SuratKeputusan.objects.filter(status=StatusSK.DITETAPKAN, tahun=tahun)
        .order_by("-tanggal", "-urut")
        .values_list("tanggal", "nomor")
        .first()
    )
    return sk


def pemberitahuan_untuk(u: UsulanMutasi) -> SuratPemberitahuan | None:
    """The notice of the decree in force on this proposal."""
    if not u.sk_id:
        return None
    return SuratPemberitahuan.objects.filter(usulan=u, sk_id=u.sk_id).select_related("sk").first()


def dokumen_dari_kode(kode: str) -> SuratKeputusan | SuratPemberitahuan | None:
    """A signed decree or a notice by its verification code (the public page), else None. Drafts
    are not documents yet."""
    kode = (kode or "").strip().upper()[:32]
    sk = SuratKeputusan.objects.filter(kode_verifikasi=kode, status=StatusSK.DITETAPKAN).first()
    if sk is not None:
        return sk
    return SuratPemberitahuan.objects.filter(kode_verifikasi=kode).select_related("sk", "usulan__pegawai").first()


def nip_samar(nip: str) -> str:
    """A NIP for the public: only its last four digits (no birth date, no start of service)."""
    nip = angka(nip)
    return "*" * max(len(nip) - 4, 0) + nip[-4:]


# --- Signatories ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Penandatangan:
    """What a signature block says. `atas_nama` e.g. "WALI KOTA SURABAYA" (printed "a.n. ..."),
    `jabatan` e.g. "SEKRETARIS DAERAH", `plh` "Plh."/"Plt."/""."""

    nama: str
    nip: str
    pangkat: str
    jabatan: str
    atas_nama: str = ""
    plh: str = ""


def _nama_ttd(p: Pegawai) -> str:
    """The name as a signature block writes it: the name in capitals, the titles as they are."""
    depan = f"{p.gelar_depan} " if p.gelar_depan else ""
    belakang = f", {p.gelar_belakang}" if p.gelar_belakang else ""
    return f"{depan}{p.nama.upper()}{belakang}"


def _pangkat(p: Pegawai) -> str:
    return p.pangkat if p.status == StatusAsn.PNS else ""


def penandatangan_sk(user: User) -> Penandatangan | None:
    """The signature block of a decree signed by this PPK account, from its employee record and its
    `PejabatPenandatangan` row (if any); None when the account has no employee record.

    Signed by whoever acts for the PPK today (Plh./Plt., `PeranUser.plh_ppk`): the position, and
    whether on behalf of the regional head, are the official's (their row, else their post); the
    block says "Plh."/"Plt." before the position (Permendagri 80/2015); name, rank and NIP are the
    acting person's own."""
    p = getattr(user, "pegawai", None)
    if p is None:
        return None
    d = peran_user(user).plh_ppk
    pejabat, akun = (d.yang_digantikan, d.yang_digantikan.akun) if d is not None else (p, user)
    profil = PejabatPenandatangan.objects.filter(akun=akun).first()
    posisi = pejabat.posisi_sekarang
    jabatan = (profil.jabatan_ttd if profil and profil.jabatan_ttd else (posisi.jabatan.nama if posisi else "")).upper()
    atas_nama = settings.KEPALA_DAERAH_JABATAN.upper() if (profil is None or profil.atas_nama) else ""
    if jabatan == settings.KEPALA_DAERAH_JABATAN.upper():
        atas_nama = ""
    return Penandatangan(
        nama=_nama_ttd(p),
        nip=p.nip,
        pangkat=_pangkat(p),
        jabatan=jabatan,
        atas_nama=atas_nama,
        plh=d.jenis if d is not None else (profil.plh if profil else ""),
    )


def penandatangan_pemberitahuan() -> Penandatangan | None:
    """The Kepala BKPSDM who signs the notices: the employee with NIP PEMBERITAHUAN_PENANDATANGAN_NIP
    if set, else the head of the unit coded UNIT_KEPEGAWAIAN_KODE; None when neither is recorded."""
    p = None
    if settings.PEMBERITAHUAN_PENANDATANGAN_NIP:
        p = Pegawai.objects.filter(nip=settings.PEMBERITAHUAN_PENANDATANGAN_NIP, aktif=True).first()
    if p is None:
        unit = UnitKerja.objects.filter(kode=settings.UNIT_KEPEGAWAIAN_KODE).select_related("kepala").first()
        p = unit.kepala if unit is not None and unit.kepala_id and unit.kepala.aktif else None
    if p is None:
        return None
    posisi = p.posisi_sekarang
    jabatan = posisi.jabatan.nama if posisi else _("Kepala %(unit)s") % {"unit": settings.INSTANSI_UNIT_KEPEGAWAIAN}
    kota = settings.INSTANSI_KOTA
    if kota.lower() not in jabatan.lower():
        jabatan = f"{jabatan} Kota {kota}"
    return Penandatangan(nama=_nama_ttd(p), nip=p.nip, pangkat=_pangkat(p), jabatan=jabatan.upper())


# --- The decree's text ------------------------------------------------------------------------------


def sebutan_status(daftar: list[UsulanMutasi]) -> str:
    """How the decree calls the people it moves: PNS, PPPK, or ASN when both are in it."""
    status = {u.pegawai.status for u in daftar}
    if status == {StatusAsn.PPPK}:
        return _("Pegawai Pemerintah dengan Perjanjian Kerja")
    if status == {StatusAsn.PNS} or not status:
        return _("Pegawai Negeri Sipil")
    return _("Pegawai Aparatur Sipil Negara")


def jenis_mutasi_sk(daftar: list[UsulanMutasi]) -> str:
    jenis = {u.jenis for u in daftar}
    return jenis.pop() if len(jenis) == 1 else JenisMutasi.DALAM


def _pemerintah() -> str:
    return settings.INSTANSI_NAMA.title()


def _kepala_daerah_judul() -> str:
    """ "Wali Kota Surabaya" from KEPALA_DAERAH_JABATAN."""
    return " ".join(w.capitalize() for w in settings.KEPALA_DAERAH_JABATAN.split())


def _kepala_daerah_singkat() -> str:
    """ "Wali Kota" (the office without the region), for "Keputusan Wali Kota tentang ..."."""
    singkat = settings.KEPALA_DAERAH_JABATAN.upper().replace(settings.INSTANSI_KOTA.upper(), "").strip()
    return " ".join(w.capitalize() for w in singkat.split())


def _tanggal(d: date | None) -> str:
    return formats.date_format(d, "j F Y") if d else "...................."


def tentang_otomatis(*, jenis: str, daftar: list[UsulanMutasi], mengganti: SuratKeputusan | None = None) -> str:
    """The subject line of a decree, following its kind, the kind of transfer and the status."""
    if jenis in (JenisSK.PERUBAHAN, JenisSK.PEMBATALAN) and mengganti is not None:
        pola = (
            _("Perubahan atas Keputusan %(kd)s Nomor %(n)s tentang %(t)s")
            if jenis == JenisSK.PERUBAHAN
            else _("Pembatalan Keputusan %(kd)s Nomor %(n)s tentang %(t)s")
        )
        return (pola % {"kd": _kepala_daerah_judul(), "n": mengganti.nomor, "t": mengganti.tentang})[:300]
    status = sebutan_status(daftar)
    jm = jenis_mutasi_sk(daftar)
    u = daftar[0] if daftar else None
    if jm == JenisMutasi.KELUAR and u is not None:
        teks = _("Pemberhentian %(status)s atas Nama %(nama)s dari %(pemda)s karena Pindah ke %(instansi)s") % {
            "status": status,
            "nama": u.pegawai.nama_lengkap,
            "pemda": _pemerintah(),
            "instansi": u.instansi_eksternal,
        }
    elif jm == JenisMutasi.MASUK and u is not None:
        teks = _("Penerimaan %(status)s Pindahan dari %(instansi)s atas Nama %(nama)s di Lingkungan %(pemda)s") % {
            "status": status,
            "instansi": u.instansi_eksternal,
            "nama": u.pegawai.nama_lengkap,
            "pemda": _pemerintah(),
        }
    else:
        teks = _("Mutasi %(status)s di Lingkungan %(pemda)s") % {"status": status, "pemda": _pemerintah()}
    return teks[:300]


def _menimbang(sk: SuratKeputusan, daftar: list[UsulanMutasi], status: str, jm: str) -> list[str]:
    judul = _("Keputusan %(kd)s tentang %(t)s") % {"kd": _kepala_daerah_singkat(), "t": sk.tentang}
    penutup_ab = _(
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan %(j)s;"
    )
    if sk.jenis in (JenisSK.PERUBAHAN, JenisSK.PEMBATALAN) and sk.mengganti_id:
        lama = sk.mengganti
        a = _("bahwa dengan Keputusan %(kd)s Nomor %(n)s tanggal %(t)s telah ditetapkan %(tentang)s;") % {
            "kd": _kepala_daerah_judul(),
            "n": lama.nomor,
            "t": _tanggal(lama.tanggal),
            "tentang": lama.tentang,
        }
        if sk.jenis == JenisSK.PERUBAHAN:
            b = _("bahwa Keputusan sebagaimana dimaksud dalam huruf a perlu diubah, dengan alasan: %(alasan)s;")
        else:
            b = _("bahwa Keputusan sebagaimana dimaksud dalam huruf a perlu dicabut, dengan alasan: %(alasan)s;")
        alasan = (sk.alasan or _("hasil peninjauan kembali oleh Pejabat Pembina Kepegawaian")).strip().rstrip(".;")
        return [a, b % {"alasan": alasan[:600]}, penutup_ab % {"j": judul}]
    u = daftar[0] if daftar else None
    if jm == JenisMutasi.KELUAR and u is not None:
        a = _(
            "bahwa %(status)s atas nama %(nama)s akan pindah tugas ke %(instansi)s dan perpindahan tersebut telah "
            "disetujui sesuai ketentuan peraturan perundang-undangan;"
        ) % {"status": status, "nama": u.pegawai.nama_lengkap, "instansi": u.instansi_eksternal}
        b = _("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan %(j)s;") % {
            "j": judul
        }
        return [a, b]
    if jm == JenisMutasi.MASUK and u is not None:
        a = _(
            "bahwa %(status)s atas nama %(nama)s dari %(instansi)s telah memperoleh persetujuan pindah dan "
            "diterima untuk menduduki jabatan pada Perangkat Daerah di lingkungan %(pemda)s;"
        ) % {"status": status, "nama": u.pegawai.nama_lengkap, "instansi": u.instansi_eksternal, "pemda": _pemerintah()}
        b = _("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan %(j)s;") % {
            "j": judul
        }
        return [a, b]
    a = _(
        "bahwa dalam rangka pemenuhan kebutuhan pegawai sesuai analisis jabatan dan analisis beban kerja, "
        "pengembangan karier, serta peningkatan kinerja organisasi, perlu melakukan mutasi %(status)s di "
        "lingkungan %(pemda)s;"
    ) % {"status": status, "pemda": _pemerintah()}
    b = _(
        "bahwa %(status)s yang namanya tercantum dalam %(tempat)s telah memenuhi persyaratan untuk dimutasikan, "
        "usul mutasinya telah disetujui pimpinan unit kerja asal dan tujuan serta diverifikasi Badan Kepegawaian "
        "dan Pengembangan Sumber Daya Manusia;"
    ) % {
        "status": status,
        "tempat": _("Lampiran Keputusan ini") if len(daftar) > 1 else _("Keputusan ini"),
    }
    return [a, b, penutup_ab % {"j": judul}]


def _mengingat(daftar: list[UsulanMutasi], jm: str) -> list[str]:
    status = {u.pegawai.status for u in daftar} or {StatusAsn.PNS}
    qs = DasarHukum.objects.filter(aktif=True).filter(Q(jenis_mutasi="") | Q(jenis_mutasi=jm))
    qs = qs.filter(Q(status_asn="") | Q(status_asn__in=status))
    hasil = [d.teks.strip().rstrip(".;") for d in qs.order_by("urutan", "id")]
    return [f"{t};" for t in hasil[:-1]] + [f"{t}." for t in hasil[-1:]]


def _tembusan(daftar: list[UsulanMutasi], jm: str) -> list[str]:
    def opd(unit: UnitKerja | None) -> UnitKerja | None:
        while unit is not None and unit.induk_id is not None:
            unit = unit.induk
        return unit

    nilai = {
        "opd_asal": sorted({o.nama for u in daftar if (o := opd(u.asal_unit))}),
        "opd_tujuan": sorted({o.nama for u in daftar if (o := opd(u.tujuan_unit))}),
        "instansi_lain": sorted({u.instansi_eksternal for u in daftar if u.instansi_eksternal}),
    }
    hasil: list[str] = []
    for t in TembusanSK.objects.filter(aktif=True).filter(Q(jenis_mutasi="") | Q(jenis_mutasi=jm)):
        kunci = [k for k in nilai if "{" + k + "}" in t.teks]
        if not kunci:
            hasil.append(t.teks)
            continue
        isi = nilai[kunci[0]]
        if not isi:
            continue
        for x in isi:
            baris = t.teks.replace("{" + kunci[0] + "}", x)
            if baris not in hasil:
                hasil.append(baris)
    return hasil


def sk_naskah(sk: SuratKeputusan, daftar: list[UsulanMutasi] | None = None) -> dict:
    """Everything the decree template writes besides the proposals' own fields."""
    daftar = list(sk_daftar_usulan(sk)) if daftar is None else daftar
    status = sebutan_status(daftar)
    jm = jenis_mutasi_sk(daftar)
    ttd = None
    if sk.penandatangan_nama:
        ttd = Penandatangan(
            nama=sk.penandatangan_nama,
            nip=sk.penandatangan_nip,
            pangkat=sk.penandatangan_pangkat,
            jabatan=sk.penandatangan_jabatan,
            atas_nama=sk.penandatangan_atas_nama,
            plh=sk.penandatangan_plh,
        )
    kepala_daerah = settings.KEPALA_DAERAH_JABATAN.upper()
    return {
        "daftar": daftar,
        "status_teks": status,
        "jenis_mutasi": jm,
        "kepala_daerah": kepala_daerah,
        "kepala_daerah_singkat": kepala_daerah.replace(settings.INSTANSI_KOTA.upper(), "").strip(),
        "provinsi": settings.INSTANSI_PROVINSI.upper(),
        "pemerintah": _pemerintah(),
        "menimbang": _menimbang(sk, daftar, status, jm),
        "mengingat": _mengingat(daftar, jm),
        "tembusan": _tembusan(daftar, jm),
        "lampiran": len(daftar) > 1,
        "diktum": DIKTUM,
        "ttd": ttd,
        "tanggal_teks": _tanggal(sk.tanggal),
    }
