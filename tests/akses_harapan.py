"""Who may open and who may act through every URL: the expectations `tests/test_akses_tabel.py`
checks. Written from the rules (pegawai/mutasi/pelatihan/evaluasi `akses.py`, docs/SECURITY.md), not
from what the app answered; each row names the rule it follows.

Roles (see test_akses_tabel's docstring): the object's own employee (`PG`), another employee
(`PL`), the head over the object's unit (`KP`), the head of another OPD (`KL`), HR, the PPK.

An `Aturan`:
- `lihat`: the roles whose GET gets 200; the rest get 403/404 (anon: the login page). None: a
  POST-only URL (any GET answer 403/404/405, nothing leaks);
- `aksi`: the roles whose POST the rule allows (default: `lihat`, a page posting its own form); a POST
  from anyone else gets 403/404/405 and writes nothing;
- `pesan`: roles that see the object and are refused an action by a redirect back to it with the
  reason as a message (the workflow's refusal, `LayananError` -> message) instead of a 403; the test
  still checks that nothing was written;
- `alih`: an allowed GET may answer with a redirect (not to the login page);
- `umum`: a public page (sign-in, password reset, decree verification, the WhatsApp webhook).
"""

from __future__ import annotations

from dataclasses import dataclass

PERAN = ["anon", "pegawai", "pegawai_lain", "kepala", "kepala_lain", "hr", "ppk"]
PG, PL, KP, KL, HR, PPK = PERAN[1:]


def _r(*peran: str) -> frozenset[str]:
    return frozenset(peran)


KOSONG = _r()
HR_SAJA = _r(HR)
PPK_SAJA = _r(PPK)
HR_PPK = _r(HR, PPK)
SEMUA_MASUK = _r(PG, PL, KP, KL, HR, PPK)  # every signed-in user (their own data only)
ORGANISASI = _r(KP, KL, HR, PPK)  # list pages: HR and the PPK all, each head their own subtree
KEPALA_HR_PPK = _r(KP, HR, PPK)  # an object in the head's subtree (never another head's)
PEMILIK_KEPALA_HR_PPK = _r(PG, KP, HR, PPK)  # the employee's own object
PEMILIK_HR = _r(PG, HR)  # requests and objections: the employee and BKPSDM only
PEMBUAT = _r(KP, KL, HR)  # pages that make something for one's own staff (a proposal, an assignment)
PEJABAT = _r(KP, KL, PPK)  # officials naming who acts for them (their own posts)
KEPALA_HR = _r(KP, HR)


@dataclass(frozen=True)
class Aturan:
    lihat: frozenset[str] | None
    aksi: frozenset[str] | None = None
    pesan: frozenset[str] = KOSONG
    alih: bool = False
    umum: bool = False
    catatan: str = ""

    @property
    def boleh_aksi(self) -> frozenset[str]:
        return self.aksi if self.aksi is not None else (self.lihat or KOSONG)


def halaman(lihat, **kw) -> Aturan:
    return Aturan(lihat, **kw)


def post(aksi, **kw) -> Aturan:
    """A POST-only action URL."""
    return Aturan(None, aksi=aksi, **kw)


UMUM = Aturan(SEMUA_MASUK, umum=True)

HARAPAN: dict[str, Aturan] = {
    # --- public pages -----------------------------------------------------------------------------
    "login": UMUM,
    "logout": UMUM,
    "password_reset": UMUM,
    "password_reset_done": UMUM,
    "password_reset_confirm": UMUM,
    "akun_aktivasi": UMUM,
    "mutasi:verifikasi": UMUM,  # the QR code on a decree: number, date, signer; nothing personal
    "notifikasi:wa_webhook": UMUM,  # 403 to anything not signed with the app secret
    # --- everyone signed in: their own things -------------------------------------------------------
    "beranda": halaman(SEMUA_MASUK),
    "password_change": halaman(SEMUA_MASUK),
    "pegawai:profil_saya": halaman(SEMUA_MASUK),
    "mutasi:saya": halaman(SEMUA_MASUK),
    "mutasi:kotak_masuk": halaman(SEMUA_MASUK),
    "mutasi:permohonan_baru": halaman(SEMUA_MASUK),  # boleh_ajukan_permohonan: any account with a record
    "evaluasi:saya": halaman(SEMUA_MASUK),
    "pelatihan:saya": halaman(SEMUA_MASUK),
    "pelatihan:adaptasi_daftar": halaman(SEMUA_MASUK),  # adaptasi_terlihat: each sees their own
    "pelatihan:katalog": halaman(SEMUA_MASUK),  # boleh_lihat_pelatihan: active entries for everybody
    "pelatihan:katalog_detail": halaman(SEMUA_MASUK),
    "notifikasi:daftar": halaman(SEMUA_MASUK),
    "notifikasi:preferensi": halaman(SEMUA_MASUK),
    "notifikasi:tandai_semua": post(SEMUA_MASUK),  # one's own notices
    "notifikasi:buka": halaman(_r(PG), alih=True),  # the recipient only, then on to the notice's page
    # --- organisation: boleh_lihat_organisasi (HR, PPK, heads for their subtree) ---------------------
    "pegawai:daftar": halaman(ORGANISASI),
    "pegawai:duk": halaman(ORGANISASI),
    "pegawai:duk_pdf": halaman(ORGANISASI),
    "pegawai:duk_xlsx": halaman(ORGANISASI),
    "pegawai:laporan_xlsx": halaman(ORGANISASI),
    "pegawai:unit_daftar": halaman(ORGANISASI),
    "pegawai:unit_cari": halaman(ORGANISASI),  # units the user may see (an employee: only cakupan=semua&aktif=1)
    "impor:ekspor_pegawai": halaman(ORGANISASI),
    "abk:ikhtisar": halaman(ORGANISASI),
    "abk:rotasi": halaman(ORGANISASI),
    "abk:rotasi_ekspor": halaman(ORGANISASI),
    "pegawai:detail": halaman(PEMILIK_KEPALA_HR_PPK),  # boleh_lihat_pegawai
    "pegawai:unit_detail": halaman(KEPALA_HR_PPK),  # boleh_lihat_unit
    "pegawai:unit_anak": halaman(KEPALA_HR_PPK),  # a unit's sub-units in the tree: as its page
    "abk:rincian": halaman(KEPALA_HR_PPK),
    "abk:unit": halaman(KEPALA_HR_PPK),
    "abk:tugas": halaman(KEPALA_HR_PPK),
    "abk:kandidat": halaman(HR_PPK),  # boleh_lihat_kandidat: other units' sanctions, not for heads
    "abk:tujuan": halaman(HR_PPK),
    # --- HR's desk (boleh_kelola_*, boleh_impor, boleh_siasn, boleh_lihat_audit) ----------------------
    **dict.fromkeys(
        [
            "pegawai:buat",
            "pegawai:ubah",
            "pegawai:pindah_jabatan",
            "pegawai:nonaktifkan",
            "pegawai:hukuman_baru",
            "pegawai:kinerja_baru",
            "pegawai:kontrak_baru",
            "pegawai:kontrak_pantau",
            "pegawai:jejak",
            "pegawai:unit_baru",
            "pegawai:unit_ubah",
            "pegawai:unit_tutup",
            "pegawai:jabatan_daftar",
            "pegawai:jabatan_baru",
            "pegawai:jabatan_ubah",
            "pegawai:jabatan_tutup",
            "pegawai:pengganti_daftar",
            "pegawai:pengganti_baru",
            "pegawai:siasn_banding",
            "pegawai:siasn_kiriman",
            "pegawai:siasn_unit",
            "pegawai:siasn_unit_hasil",
            "pegawai:siasn_unit_xlsx",
            "mutasi:dokumen_syarat_daftar",  # the required-documents catalogue is HR's data
            "mutasi:dokumen_syarat_baru",
            "mutasi:dokumen_syarat_ubah",
            "akun_pegawai",
            "akun_pegawai_detail",
            "abk:tugas_ubah",
            "impor:index",
            "impor:riwayat",
            "impor:riwayat_detail",
            "impor:templat",
            "impor:pratinjau",
            "impor:galat_csv",
            "impor:tugas",  # a background task: its starter's (here HR's)
            "impor:tugas_status",
            "evaluasi:kinerja",
            "mutasi:batch_baru",
            "mutasi:keberatan_daftar",
            "mutasi:keberatan_jawab",
            "mutasi:permohonan_daftar",
            "pelatihan:katalog_baru",
            "pelatihan:katalog_ubah",
        ],
        halaman(HR_SAJA),
    ),
    "pegawai:formasi_simpan": halaman(HR_SAJA, alih=True),  # GET goes back to the unit page
    "abk:jabatan_pilih": halaman(HR_SAJA, alih=True),  # GET goes on to the chosen post's workload
    "pegawai:kontrak_perpanjang": halaman(HR_SAJA),  # boleh_pantau_kontrak, on anggota's contract
    # No scheduled move exists in this world: everyone but HR is refused before the lookup; HR's GET
    # goes back to the employee's page (the cancel is a POST with a reason).
    "pegawai:pindah_terjadwal_batal": post(HR_SAJA, alih=True, catatan="objek tidak ada"),
    **dict.fromkeys(
        [
            "akun_buat",
            "akun_aktifkan",
            "akun_nonaktifkan",
            "akun_buka_kunci",
            "akun_ubah_peran",
            "akun_undang_ulang",
            "akun_undang_massal",
            "abk:tugas_tambah",
            "abk:tugas_salin",
            "abk:tugas_hapus",
            "impor:konfirmasi",
            "impor:batal",
            "impor:longgarkan",
            "pegawai:siasn_ambil",
            "pegawai:siasn_kiriman_ulang",
            "mutasi:batch_sk",
        ],
        post(HR_SAJA),
    ),
    # Acting officials: the official it acts for, or HR (boleh_batalkan_pengganti); here kepala's absence.
    "pegawai:pengganti_batal": halaman(KEPALA_HR),
    "pegawai:berhalangan": halaman(PEJABAT),  # boleh_berhalangan: heads and the PPK, for their own posts
    # --- transfers ---------------------------------------------------------------------------------
    "mutasi:daftar": halaman(ORGANISASI),  # boleh_daftar_usulan (each head: proposals touching their units)
    "mutasi:ekspor": halaman(ORGANISASI),
    "mutasi:batch_daftar": halaman(ORGANISASI),
    "mutasi:baru": halaman(PEMBUAT),  # boleh_buat_usulan; whom for: boleh_usulkan
    # The employee's own transfer with its decree in force (usulan_terlihat, sk_terlihat).
    "mutasi:detail": halaman(PEMILIK_KEPALA_HR_PPK),
    "mutasi:pemberitahuan": halaman(PEMILIK_KEPALA_HR_PPK),
    "mutasi:pemberitahuan_pdf": halaman(PEMILIK_KEPALA_HR_PPK),
    "mutasi:sk_detail": halaman(PEMILIK_KEPALA_HR_PPK),
    "mutasi:sk_pdf": halaman(PEMILIK_KEPALA_HR_PPK),
    "mutasi:konfirmasi": post(_r(PG), pesan=_r(KP, HR, PPK)),  # boleh_konfirmasi: the employee
    # boleh_ajukan_keberatan: the employee; here one is already open, so the employee is refused too.
    "mutasi:keberatan_ajukan": post(KOSONG, pesan=PEMILIK_KEPALA_HR_PPK),
    "mutasi:pemberitahuan_serahkan": post(HR_SAJA),  # boleh_serahkan_pemberitahuan
    "mutasi:sk_ubah": halaman(HR_SAJA),  # boleh_ubah_sk
    # A draft decree: HR and the PPK only (sk_terlihat: drafts are theirs).
    "mutasi:sk_konsep_daftar": halaman(HR_PPK),  # boleh_kelola_sk
    "mutasi:sk_tandatangani": post(PPK_SAJA),  # boleh_tandatangani_sk
    "mutasi:sk_aksi": post(PPK_SAJA),  # "kembalikan": the PPK (HR sees the draft: 403)
    "mutasi:sk_terbitkan": post(HR_SAJA),  # boleh_terbitkan_sk, on a decided proposal
    # A draft proposal: its proposer (HR here) and HR; nobody else sees a draft.
    "mutasi:ubah": halaman(HR_SAJA),
    **dict.fromkeys(
        [
            "mutasi:lampiran_tambah",
            "mutasi:pengecualian",
            "mutasi:keputusan_eksternal",
            "mutasi:menteri",
            "mutasi:tinjau",
        ],
        post(HR_SAJA),
    ),
    # A submitted proposal of an employee of kepala's sub-unit (without an account: PG is a colleague).
    "mutasi:aksi": post(_r(KP), pesan=HR_PPK),  # "lepas": the sending head (hak_langkah)
    "mutasi:pengecualian_konfirmasi": post(PPK_SAJA, pesan=_r(KP, HR)),  # boleh_konfirmasi_pengecualian
    # The required documents of a draft proposal: its proposer (HR here) and HR (a draft is theirs).
    "mutasi:dokumen_unggah": post(HR_SAJA),  # boleh_unggah_dokumen
    "mutasi:dokumen_unduh": halaman(HR_SAJA),  # whoever sees the proposal
    "mutasi:dokumen_hapus": post(HR_SAJA),  # boleh_hapus_dokumen: while a draft
    "mutasi:lampiran_unduh": halaman(KEPALA_HR_PPK),
    "mutasi:lampiran_hapus": post(KOSONG, pesan=KEPALA_HR_PPK),  # only while a draft
    # A batch of draft proposals: HR and the PPK (a head sees a batch once its proposals are submitted).
    "mutasi:batch_detail": halaman(HR_PPK),
    "mutasi:batch_aksi": post(HR_PPK),  # each proposal then goes through its own workflow check
    # Requests: the employee and HR (permohonan_terlihat); HR answers, the employee withdraws.
    "mutasi:permohonan_detail": halaman(PEMILIK_HR),
    "mutasi:permohonan_lampiran": halaman(PEMILIK_HR),
    "mutasi:permohonan_tarik": post(_r(PG), pesan=HR_SAJA),
    "mutasi:permohonan_tolak": post(HR_SAJA),
    # --- training and adaptation ----------------------------------------------------------------------
    "pelatihan:penugasan": halaman(ORGANISASI),  # boleh_lihat_penugasan_staf
    "pelatihan:penugasan_ekspor": halaman(ORGANISASI),
    "pelatihan:jp": halaman(ORGANISASI),
    "pelatihan:penugasan_baru": halaman(PEMBUAT),  # boleh_menugaskan
    "pelatihan:penugasan_detail": halaman(PEMILIK_KEPALA_HR_PPK),  # boleh_lihat_penugasan
    "pelatihan:penugasan_bukti": halaman(PEMILIK_KEPALA_HR_PPK),
    # "mulai": the employee, or HR for them (boleh_kerjakan_penugasan)
    "pelatihan:penugasan_aksi": post(PEMILIK_HR, pesan=_r(KP, PPK)),
    # the due date: HR or a head over the employee, never the employee (boleh_kelola_penugasan)
    "pelatihan:penugasan_tenggat": post(KEPALA_HR, pesan=_r(PG, PPK)),
    # A decided transfer into another unit: its employee, the head of the receiving unit, HR, PPK.
    "pelatihan:adaptasi": halaman(PEMILIK_KEPALA_HR_PPK),  # boleh_lihat_adaptasi
    "pelatihan:usulan_tugaskan": halaman(KEPALA_HR),  # boleh_kelola_adaptasi
    "pelatihan:adaptasi_mentor": post(KEPALA_HR, pesan=_r(PG, PPK)),
    "pelatihan:adaptasi_item_tambah": post(KEPALA_HR, pesan=_r(PG, PPK)),
    "pelatihan:adaptasi_item_ubah": post(KEPALA_HR, pesan=_r(PG, PPK)),
    "pelatihan:adaptasi_item_centang": post(_r(PG), pesan=_r(KP, HR, PPK)),  # boleh_centang (and the mentor)
    "pelatihan:adaptasi_checkin": post(_r(PG), pesan=_r(KP, HR, PPK)),  # boleh_tulis_checkin
    # --- post-transfer reviews -------------------------------------------------------------------------
    "evaluasi:daftar": halaman(ORGANISASI),  # boleh_daftar (and whoever reviews someone)
    "evaluasi:laporan": halaman(HR_PPK),  # boleh_lihat_laporan
    "evaluasi:laporan_cetak": halaman(HR_PPK),
    "evaluasi:laporan_ekspor": halaman(HR_PPK),
    # A final review of the employee, reviewed by kepala.
    "evaluasi:detail": halaman(PEMILIK_KEPALA_HR_PPK),
    "evaluasi:tanggapi": post(KOSONG, pesan=_r(PG)),  # already final: nobody answers again
    "evaluasi:tutup": post(KOSONG, pesan=HR_SAJA),  # already final: HR is refused with the reason
    # An open review: its reviewer (kepala) writes it; HR and the PPK see it without its draft.
    "evaluasi:isi": halaman(_r(KP)),  # boleh_isi
    "evaluasi:penilai": halaman(HR_SAJA),  # boleh_ganti_penilai
}

# The same URL on other objects or steps (test_akses_tabel's `_sasaran_varian` names the objects).
# The proposals are those of employees (without accounts) of kepala's sub-unit into another OPD
# whose head is none of the roles; HR proposed them.
VARIAN: dict[str, dict[str, Aturan]] = {
    "mutasi:aksi": {
        # the receiving head's step: none of the roles may (hak_langkah: KEPALA_TUJUAN)
        "terima": post(KOSONG, pesan=KEPALA_HR_PPK),
        "verifikasi": post(HR_SAJA, pesan=_r(KP, PPK)),
        "putuskan": post(PPK_SAJA, pesan=_r(KP, HR)),
        "tarik": post(HR_SAJA, pesan=_r(KP, PPK)),  # the proposer (HR) withdraws
    },
    "mutasi:sk_aksi": {"tarik": post(HR_SAJA)},  # boleh_tarik_sk (the PPK sees the draft: 403)
    "mutasi:detail": {
        "draf": halaman(HR_SAJA),  # a draft: its proposer and HR only
        "diajukan": halaman(KEPALA_HR_PPK),  # from submission: heads touching it, the PPK
    },
    "mutasi:sk_detail": {"konsep": halaman(HR_PPK)},  # drafts are HR's and the PPK's
}
