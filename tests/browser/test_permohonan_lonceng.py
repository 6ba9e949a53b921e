"""Issue 16: an employee's own transfer request followed from submission to the notice, with the bell
(the unread count in the top bar) checked at each step: the employee submits the request (its
registration number, "Menunggu: BKPSDM"), HR hears of it and makes a proposal from it, the employee
hears that it is being processed, each approver hears when it waits for them, and after the decree
is signed the employee reads the notice from the bell and acknowledges it. Opening a notice from the
bell marks it read.

Every count is asserted twice: against what this test expects each step to create, and against the
unread rows in the database for that user."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from inti.notifikasi.models import Notifikasi
from mutasi.demo import dokumen_contoh
from mutasi.models import PermohonanMutasi, StatusPermohonan, StatusUsulan, UsulanMutasi
from mutasi.services.alur import usulan_transisi
from mutasi.services.sk_konsep import sk_siapkan
from mutasi.tests.helpers import Dunia
from tests.browser.layar import pilih_unit, simpan_layar


def belum_dibaca(pegawai) -> int:
    return Notifikasi.objects.filter(penerima=pegawai.akun, dibaca_pada__isnull=True).count()


@pytest.mark.django_db(transaction=True)
def test_permohonan_sampai_pemberitahuan_dengan_lonceng(live_server, page, masuk, org):
    dunia = Dunia(org)
    o = dunia.org
    o.anggota.nama = "Siti Rahmawati"
    o.anggota.save()
    nama = o.anggota.nama_lengkap
    page.set_viewport_size({"width": 1280, "height": 900})
    page.on("dialog", lambda d: d.accept())
    tmt = date.today() + timedelta(days=20)
    harap: dict[int, int] = {}  # pegawai pk -> the unread count this test expects

    def sebagai(pegawai):
        page.context.clear_cookies()
        masuk(pegawai.akun)

    def lonceng(pegawai, tambah: int = 0):
        """The signed-in user's bell shows exactly what the steps so far created for them."""
        harap[pegawai.pk] = harap.get(pegawai.pk, 0) + tambah
        n = harap[pegawai.pk]
        assert belum_dibaca(pegawai) == n
        page.reload()
        if n:
            expect(page.locator("#badge-notifikasi")).to_have_text(re.compile(rf"^\s*{n}\b"))
        else:
            expect(page.locator("#badge-notifikasi")).to_have_count(0)

    def buka_dari_lonceng(pegawai, judul: str, url: str):
        """Open one notice from the bell's list: it leads to `url` and the count drops by one."""
        page.locator("#lonceng").click()
        expect(page.get_by_role("heading", name="Pemberitahuan")).to_be_visible()
        page.get_by_role("link", name=re.compile(re.escape(judul))).first.click()
        expect(page).to_have_url(re.compile(url))
        lonceng(pegawai, -1)

    for p in (o.anggota, o.hr, dunia.hr2, o.kepala, dunia.kepala_tujuan, o.ppk):
        harap[p.pk] = 0
        assert belum_dibaca(p) == 0

    # 1. The employee submits a request from "Mutasi saya": the registration number, the timeline
    #    waiting for BKPSDM, and the receipt in the bell.
    sebagai(o.anggota)
    lonceng(o.anggota)
    page.goto(f"{live_server.url}/mutasi/saya/")
    page.get_by_role("link", name="Ajukan permohonan mutasi").click()
    page.fill("#id_alasan", "Saya ingin mengembangkan diri di bidang pengelolaan data kesehatan.")
    pilih_unit(page, "unit_pilihan", dunia.tujuan)
    page.get_by_role("button", name="Kirim permohonan").click()
    p = PermohonanMutasi.objects.get(pegawai=o.anggota)
    assert re.fullmatch(rf"PMH-{date.today().year}-\d+", p.nomor)
    expect(page.locator(".alert-success")).to_contain_text(p.nomor)
    kartu = page.locator(f"#permohonan-{p.pk}")
    expect(kartu.locator(".nomor-registrasi")).to_have_text(p.nomor)
    expect(kartu).to_contain_text("Permohonan diajukan")
    expect(kartu.locator(".tahap-menunggu")).to_have_text("Menunggu: BKPSDM")
    lonceng(o.anggota, +1)  # "Permohonan mutasi Anda terdaftar: PMH-..."

    # 2. Every HR account hears of it; HR's notice leads to the request.
    sebagai(dunia.hr2)
    lonceng(dunia.hr2, +1)
    sebagai(o.hr)
    lonceng(o.hr, +1)
    buka_dari_lonceng(o.hr, f"Permohonan mutasi baru: {nama}", rf"/mutasi/permohonan/{p.pk}/$")
    expect(page.locator("h1 .nomor-registrasi")).to_have_text(p.nomor)

    # 3. HR makes a proposal from it (pre-filled from the request) and submits it.
    page.get_by_role("link", name="Buat usulan dari permohonan ini").click()
    expect(page.locator("input[name=tujuan_unit]")).to_have_value(str(dunia.tujuan.pk))
    page.select_option("#id_tujuan_jabatan", str(dunia.jabatan_tujuan.pk))
    page.fill("#id_tmt_usulan", tmt.isoformat())
    page.fill("#id_manfaat_organisasi", "Pelaporan data kesehatan tepat waktu.")
    page.fill("#id_manfaat_pegawai", "Pengalaman mengelola data kesehatan.")
    page.fill("#id_alasan_tanpa_kekurangan", "ABK unit tujuan sedang diperbarui.")
    page.get_by_role("button", name="Simpan sebagai draf").click()
    expect(page.locator("#syarat")).to_be_visible()
    page.get_by_role("button", name="Ajukan usulan").click()
    expect(page.locator("h1")).to_contain_text("Diajukan")
    u = UsulanMutasi.objects.get(pegawai=o.anggota)
    p.refresh_from_db()
    assert p.status == StatusPermohonan.DIPROSES and p.usulan_id == u.pk
    lonceng(o.hr)  # HR's own steps tell HR nothing

    # 4. The employee hears it is processed; the timelines show the proposal waiting for the Camat
    #    (the kelurahan head post is vacant).
    sebagai(o.anggota)
    lonceng(o.anggota, +1)  # "Permohonan mutasi Anda diproses: PMH-..."
    buka_dari_lonceng(o.anggota, f"Permohonan mutasi Anda diproses: {p.nomor}", r"/mutasi/saya/$")
    expect(page.locator(f"#permohonan-{p.pk}")).to_contain_text("Dibuatkan usulan mutasi")
    tahapan = page.locator(f"#tahapan-{u.pk}")
    expect(tahapan).to_contain_text(f"dari permohonan {p.nomor}")
    expect(tahapan.locator(".tahap-sekarang")).to_contain_text("Disetujui unit asal")
    expect(tahapan.locator(".tahap-menunggu")).to_have_text(f"Menunggu: Kepala {o.unit.nama}")

    # 5. The approvers, each hearing when it waits for them (steps through the services).
    sebagai(o.kepala)
    lonceng(o.kepala, +1)  # "... menunggu persetujuan pelepasan"
    buka_dari_lonceng(o.kepala, "Usulan mutasi menunggu persetujuan pelepasan", rf"/mutasi/{u.pk}/$")
    u = usulan_transisi(usulan=u, aksi="lepas", oleh=o.kepala.akun)
    lonceng(o.kepala)

    sebagai(dunia.kepala_tujuan)
    lonceng(dunia.kepala_tujuan, +1)  # "... menunggu persetujuan penerimaan"
    u = usulan_transisi(usulan=u, aksi="terima", oleh=dunia.kepala_tujuan.akun)
    lonceng(dunia.kepala_tujuan)

    sebagai(o.hr)
    lonceng(o.hr, +1)  # "... menunggu verifikasi BKPSDM"
    dokumen_contoh(u, o.hr.akun)  # the required documents nobody gives in the application (no notice)
    u = usulan_transisi(usulan=u, aksi="verifikasi", oleh=o.hr.akun)
    lonceng(o.hr)

    sebagai(o.ppk)
    lonceng(o.ppk, +1)  # "... menunggu keputusan PPK"
    u = usulan_transisi(usulan=u, aksi="putuskan", oleh=o.ppk.akun)
    assert u.status == StatusUsulan.DIPUTUSKAN
    lonceng(o.ppk)

    sebagai(o.anggota)
    lonceng(o.anggota, +1)  # "Mutasi telah diputuskan"
    page.goto(f"{live_server.url}/mutasi/saya/")
    expect(page.locator(f"#keterangan-{u.pk}")).to_contain_text("SK dan pemberitahuan sedang disiapkan")

    # 6. HR prepares the decree (HR hears of the decision; the PPK of the draft), the PPK signs it.
    sebagai(o.hr)
    lonceng(o.hr, +1)  # "Mutasi telah diputuskan" (the proposal waits for HR again)
    sk = sk_siapkan(oleh=o.hr.akun, usulan_ids=[u.pk], tmt=tmt)
    lonceng(o.hr)

    sebagai(o.ppk)
    lonceng(o.ppk, +1)  # "Konsep SK menunggu keputusan dan tanda tangan Anda"
    # Signing runs pyHanko's event loop: in the browser (as the PPK does it), not beside Playwright's.
    buka_dari_lonceng(o.ppk, "Konsep SK menunggu keputusan dan tanda tangan Anda", rf"/mutasi/sk/{sk.pk}/$")
    page.check("#id_setuju")
    page.get_by_role("button", name="Tetapkan dan tandatangani").click()
    expect(page.locator(".alert-success")).to_contain_text("ditandatangani secara elektronik")
    sk.refresh_from_db()
    u.refresh_from_db()
    assert u.status == StatusUsulan.SK_TERBIT
    lonceng(o.ppk)

    sebagai(o.hr)
    lonceng(o.hr, +1)  # "SK ... telah ditetapkan dan ditandatangani PPK" (to the preparer)
    sebagai(dunia.hr2)
    # The other HR account heard of each step that waits for HR: the verification and the decision.
    lonceng(dunia.hr2, +2)

    # 7. The employee: the decision and the decree in the bell; the decree's notice leads to "Mutasi
    #    saya", where the employee reads the notice and acknowledges it.
    sebagai(o.anggota)
    lonceng(o.anggota, +1)  # "SK mutasi telah terbit"
    page.locator("#lonceng").click()
    daftar = page.locator(".list-group")
    expect(daftar).to_contain_text(f"SK mutasi telah terbit: {nama}")
    expect(daftar).to_contain_text(f"Mutasi telah diputuskan: {nama}")
    expect(daftar).to_contain_text(f"Permohonan mutasi Anda terdaftar: {p.nomor}")
    simpan_layar(page, "notifikasi-permohonan.png", full_page=True)
    buka_dari_lonceng(o.anggota, f"SK mutasi telah terbit: {nama}", r"/mutasi/saya/$")
    expect(page.locator(f"#tahapan-{u.pk} .tahap-menunggu")).to_contain_text("BKPSDM (pelaksanaan pada TMT")
    page.locator(f"#mutasi-{u.pk}").get_by_role("link", name="Baca pemberitahuan").click()
    expect(page.locator("#pemberitahuan")).to_contain_text(dunia.tujuan.nama)
    expect(page.locator("#pemberitahuan")).to_contain_text(sk.nomor)
    page.locator("#tombol-konfirmasi").click()
    expect(page.locator(".alert-success")).to_contain_text("Terima kasih")
    u.refresh_from_db()
    assert u.pemberitahuan_dikonfirmasi is not None
    lonceng(o.anggota)  # acknowledging marks no notice read

    # The rest from the bell: the decision's notice, then the receipt; the bell goes out.
    buka_dari_lonceng(o.anggota, f"Mutasi telah diputuskan: {nama}", r"/mutasi/saya/$")
    buka_dari_lonceng(o.anggota, f"Permohonan mutasi Anda terdaftar: {p.nomor}", r"/mutasi/saya/$")
    assert harap[o.anggota.pk] == 0
