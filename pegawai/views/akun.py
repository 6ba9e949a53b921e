"""Signing in and out, passwords, account activation, and the HR page that gives employees
accounts. Django's auth views do the token and session work; the subclasses only swap in
Indonesian forms and templates and route writes through `pegawai.services.akun`."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from inti.galat import LayananError
from inti.halaman import halaman
from inti.masukan import ids_aman

from .. import nip as nip_rules
from ..akses import boleh_kelola_akun, perlu
from ..forms.akun import AkunFilterForm, MasukForm, PeranForm, SandiAturForm, SandiLupaForm, SandiUbahForm
from ..selectors.akun import (
    StatusAkun,
    akun_pegawai_ambil,
    akun_pegawai_cari,
    akun_ringkasan,
    akun_riwayat,
    siap_diundang,
    status_akun,
)
from ..selectors.kunci import kunci_sampai
from ..services.akun import (
    AKUN_MASSAL_MAKS,
    ALASAN,
    HasilUndangan,
    aktivasi_token,
    akun_aktifkan,
    akun_buat,
    akun_buat_massal,
    akun_nonaktifkan,
    akun_sandi_atur,
    akun_ubah_peran,
    akun_undang_antrekan,
    akun_undang_mandiri,
    akun_undang_ulang,
    berlaku_sampai,
    reset_token,
)

PER_HALAMAN = 50


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _kembali(request, default: str):
    """Back to where the form was (the list keeps its filters), if that is a local path.
    Not `redirect(tujuan)`: it takes any other word for a view name (NoReverseMatch, a 500)."""
    tujuan = request.POST.get("next", "")
    if tujuan.startswith("/") and url_has_allowed_host_and_scheme(
        tujuan, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(tujuan)
    return redirect(default)


# --- Signing in and out ---------------------------------------------------------------


class MasukView(auth_views.LoginView):
    template_name = "akun/login.html"
    authentication_form = MasukForm
    redirect_authenticated_user = True

    def get_initial(self):
        # After activation or a reset the page comes back with ?nip= so the NIP is already filled in.
        nip = nip_rules.normalisasi(self.request.GET.get("nip", ""))
        return {"username": nip_rules.tampil(nip)} if nip.isdigit() else {}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if form.initial.get("username") and not form.is_bound:
            # The NIP is already there: the cursor goes to the password.
            form.fields["username"].widget.attrs.pop("autofocus", None)
            form.fields["password"].widget.attrs["autofocus"] = True
        return form


masuk = MasukView.as_view()


class KeluarView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("Anda telah keluar. Sampai jumpa."))
        return response


keluar = KeluarView.as_view()


# --- Passwords --------------------------------------------------------------------------


class SandiUbahView(auth_views.PasswordChangeView):
    form_class = SandiUbahForm
    template_name = "akun/sandi_ubah.html"

    def form_valid(self, form):
        user = akun_sandi_atur(
            user=self.request.user, password=form.cleaned_data["new_password1"], aksi="akun.ubah_sandi"
        )
        # Other sessions of this account end; this one stays signed in.
        update_session_auth_hash(self.request, user)
        messages.success(self.request, _("Kata sandi Anda sudah diubah."))
        return redirect("beranda")


sandi_ubah = SandiUbahView.as_view()


class SandiLupaView(auth_views.PasswordResetView):
    form_class = SandiLupaForm
    template_name = "akun/sandi_lupa.html"
    email_template_name = "email/sandi_reset.txt"
    subject_template_name = "email/sandi_reset_subjek.txt"
    success_url = reverse_lazy("password_reset_done")

    def get_extra_email_context(self):
        return {
            "berlaku_sampai": berlaku_sampai(),
            "instansi_nama": settings.INSTANSI_NAMA,
            "instansi_unit": settings.INSTANSI_UNIT_KEPEGAWAIAN,
        }

    def form_valid(self, form):
        self.extra_email_context = self.get_extra_email_context()
        response = super().form_valid(form)
        # Someone who never activated has no password to reset: a fresh activation link helps them.
        for user in form.akun_belum_aktif():
            akun_undang_mandiri(user=user, base_url=_base_url(self.request))
        return response


sandi_lupa = SandiLupaView.as_view()
sandi_lupa_terkirim = auth_views.PasswordResetDoneView.as_view(template_name="akun/sandi_lupa_terkirim.html")


class _AturSandiView(auth_views.PasswordResetConfirmView):
    """Shared by the reset link and the activation link: a token in the URL, then a new password."""

    form_class = SandiAturForm
    aksi = ""
    pesan_berhasil = ""

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        self.user_ditemukan = user
        return user

    def _token(self) -> str:
        token = self.kwargs.get("token", "")
        if token == self.reset_url_token:
            token = self.request.session.get(auth_views.INTERNAL_RESET_SESSION_TOKEN, "")
        return token or ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.validlink:
            user = getattr(self, "user_ditemukan", None)
            context["alasan"] = getattr(self, "alasan", None) or (
                "kedaluwarsa" if user and self.token_generator.kedaluwarsa(user, self._token()) else "tidak_valid"
            )
        context["user_tujuan"] = getattr(self, "user_ditemukan", None)
        return context

    def form_valid(self, form):
        try:
            akun_sandi_atur(user=self.user, password=form.cleaned_data["new_password1"], aksi=self.aksi)
        except LayananError as e:
            messages.error(self.request, str(e))
            return redirect("login")
        self.request.session.pop(auth_views.INTERNAL_RESET_SESSION_TOKEN, None)
        messages.success(self.request, self.pesan_berhasil)
        return redirect(f"{reverse('login')}?nip={self.user.nip}")


class SandiResetView(_AturSandiView):
    template_name = "akun/sandi_reset.html"
    token_generator = reset_token
    aksi = "akun.reset_sandi"

    @property
    def pesan_berhasil(self):
        return _("Kata sandi baru sudah disimpan. Silakan masuk.")

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        # A switched-off account cannot use a reset link (it could not sign in anyway).
        return user if user is not None and user.is_active else None


sandi_reset = SandiResetView.as_view()


class AktivasiView(_AturSandiView):
    template_name = "akun/aktivasi.html"
    token_generator = aktivasi_token
    reset_url_token = "atur-sandi"  # noqa: S105 (a URL segment, not a secret)
    aksi = "akun.aktivasi"

    @property
    def pesan_berhasil(self):
        return _("Akun Anda sudah aktif. Silakan masuk dengan NIP dan kata sandi baru Anda.")

    def dispatch(self, request, *args, **kwargs):
        # A genuine link to an account already activated or since switched off gets a plain
        # explanation rather than a broken-link page. A made-up link learns nothing.
        user = self.get_user(kwargs.get("uidb64", ""))
        token = kwargs.get("token", "")
        if token == self.reset_url_token:
            token = request.session.get(auth_views.INTERNAL_RESET_SESSION_TOKEN, "")
        if user is not None and token and aktivasi_token.pernah_sah(user, token):
            status = status_akun(user)
            if status in (StatusAkun.AKTIF, StatusAkun.NONAKTIF):
                self.user, self.validlink, self.alasan = user, False, status.lower()
                return self.render_to_response(self.get_context_data())
        return super().dispatch(request, *args, **kwargs)


aktivasi = AktivasiView.as_view()


# --- HR: employees' accounts ------------------------------------------------------------


def _filter(data) -> AkunFilterForm:
    return AkunFilterForm(data)


@perlu(boleh_kelola_akun)
def akun_pegawai(request):
    """Employees with their account status; create, invite and manage from here."""
    form = _filter(request.GET)
    dasar = akun_pegawai_cari(request.user, **form.kriteria())
    ringkasan = akun_ringkasan(dasar)
    status = form.status_dipilih
    qs = dasar.filter(status_akun=status) if status else dasar
    page_obj = halaman(request, qs, PER_HALAMAN)
    tab_status = [("", _("Semua"), ringkasan["SEMUA"])] + [(s.value, s.label, ringkasan[s.value]) for s in StatusAkun]
    batas_undangan = timezone.now() - timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    siap_di_halaman = 0
    for p in page_obj:
        p.undangan_kedaluwarsa = bool(
            p.status_akun == StatusAkun.DIUNDANG and p.undangan_terakhir and p.undangan_terakhir < batas_undangan
        )
        siap_di_halaman += p.status_akun == StatusAkun.BELUM and bool(p.email) and p.aktif
    return render(
        request,
        "akun/pegawai_daftar.html",
        {
            "form": form,
            "page_obj": page_obj,
            "ringkasan": ringkasan,
            "tab_status": tab_status,
            "status": status,
            "urut": form.kriteria()["urut"],
            "siap_di_halaman": siap_di_halaman,
            # "Everyone ready" means status BELUM: offered on the "all" and "no account" tabs only.
            "tawarkan_massal": status in ("", StatusAkun.BELUM) and (ringkasan["SIAP"] or siap_di_halaman),
            "maks_massal": AKUN_MASSAL_MAKS,
            "filter_aktif": any(form.data.get(k) for k in ("q", "unit", "email", "peran"))
            or form.data.get("aktif") not in (None, "", "ya"),
        },
    )


@perlu(boleh_kelola_akun)
def akun_pegawai_detail(request, pk: int):
    pegawai = akun_pegawai_ambil(request.user, pk)
    return render(
        request,
        "akun/pegawai_detail.html",
        {
            "pegawai": pegawai,
            "akun": pegawai.akun,
            "riwayat": akun_riwayat(pegawai),
            "peran_form": PeranForm(initial={"peran": pegawai.akun.peran}) if pegawai.akun else None,
            "akun_sendiri": pegawai.akun_id == request.user.pk,
            "terkunci_sampai": kunci_sampai(pegawai.akun.nip) if pegawai.akun else None,
        },
    )


@require_POST
@perlu(boleh_kelola_akun)
def akun_buat_view(request, pk: int):
    pegawai = akun_pegawai_ambil(request.user, pk)
    try:
        user, terkirim = akun_buat(oleh=request.user, pegawai=pegawai, base_url=_base_url(request))
    except LayananError as e:
        messages.error(request, str(e))
    else:
        if terkirim:
            messages.success(
                request,
                _("Akun %(nama)s dibuat; undangan aktivasi dikirim ke %(email)s.")
                % {"nama": pegawai.nama_lengkap, "email": user.email},
            )
        else:
            messages.warning(
                request,
                _("Akun %(nama)s dibuat, tetapi email undangan gagal dikirim. Gunakan 'Kirim ulang undangan'.")
                % {"nama": pegawai.nama_lengkap},
            )
    return _kembali(request, reverse("akun_pegawai"))


def _ids_terpilih(request) -> list[int]:
    return ids_aman(request.POST.getlist("pegawai"))


def _pesan_massal(request, hasil: HasilUndangan) -> None:
    if hasil.dibuat:
        messages.success(
            request,
            ngettext(
                "%(n)d akun dibuat; %(k)d undangan aktivasi terkirim.",
                "%(n)d akun dibuat; %(k)d undangan aktivasi terkirim.",
                len(hasil.dibuat),
            )
            % {"n": len(hasil.dibuat), "k": hasil.terkirim},
        )
    else:
        messages.warning(request, _("Tidak ada akun yang dibuat."))
    if hasil.dilewati:
        bagian = ", ".join(f"{len(daftar)} {ALASAN[alasan]}" for alasan, daftar in hasil.dilewati.items())
        messages.warning(request, _("Dilewati: %(bagian)s.") % {"bagian": bagian})
    if hasil.gagal_kirim:
        nama = ", ".join(p.nama_lengkap for p in hasil.gagal_kirim[:10])
        lebih = len(hasil.gagal_kirim) - 10
        if lebih > 0:
            nama += _(" dan %(n)d lainnya") % {"n": lebih}
        messages.error(
            request,
            _("Undangan gagal dikirim ke: %(nama)s. Akunnya sudah dibuat; kirim ulang undangan nanti.")
            % {"nama": nama},
        )
    if hasil.sisa:
        messages.info(
            request,
            _("Sekali proses paling banyak %(maks)d akun; %(n)d pegawai lagi menunggu. Jalankan sekali lagi.")
            % {"maks": AKUN_MASSAL_MAKS, "n": hasil.sisa},
        )


@require_POST
@perlu(boleh_kelola_akun)
def akun_undang_massal(request):
    """Accounts and invitations for the ticked employees, or for everyone in the current filter
    who can get one (active, with email, no account)."""
    if request.POST.get("aksi") == "semua":
        form = _filter(request.POST)
        ids = list(siap_diundang(akun_pegawai_cari(request.user, **form.kriteria())).values_list("pk", flat=True))
    else:
        ids = _ids_terpilih(request)
    if not ids:
        messages.warning(request, _("Tidak ada pegawai yang dipilih atau siap dibuatkan akun."))
        return _kembali(request, reverse("akun_pegawai"))
    if len(ids) > settings.AKUN_LATAR_JUMLAH:  # many: the worker sends them, the page shows progress
        try:
            progres = akun_undang_antrekan(oleh=request.user, pegawai_ids=ids, base_url=_base_url(request))
        except LayananError as e:
            messages.error(request, str(e))
            return _kembali(request, reverse("akun_pegawai"))
        return redirect("impor:tugas", pk=progres.pk)
    try:
        hasil = akun_buat_massal(oleh=request.user, pegawai_ids=ids, base_url=_base_url(request))
    except LayananError as e:
        messages.error(request, str(e))
    else:
        _pesan_massal(request, hasil)
    return _kembali(request, reverse("akun_pegawai"))


def _aksi_akun(request, pk: int, fungsi, pesan: str, **extra):
    pegawai = akun_pegawai_ambil(request.user, pk)
    try:
        fungsi(oleh=request.user, pegawai=pegawai, **extra)
    except LayananError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, pesan % {"nama": pegawai.nama_lengkap})
    return _kembali(request, reverse("akun_pegawai_detail", args=[pk]))


@require_POST
@perlu(boleh_kelola_akun)
def akun_undang_ulang_view(request, pk: int):
    return _aksi_akun(
        request,
        pk,
        akun_undang_ulang,
        _("Undangan aktivasi untuk %(nama)s dikirim ulang."),
        base_url=_base_url(request),
    )


@require_POST
@perlu(boleh_kelola_akun)
def akun_nonaktifkan_view(request, pk: int):
    return _aksi_akun(request, pk, akun_nonaktifkan, _("Akun %(nama)s dinonaktifkan; ia tidak dapat masuk lagi."))


@require_POST
@perlu(boleh_kelola_akun)
def akun_aktifkan_view(request, pk: int):
    return _aksi_akun(request, pk, akun_aktifkan, _("Akun %(nama)s diaktifkan kembali."))


@require_POST
@perlu(boleh_kelola_akun)
def akun_ubah_peran_view(request, pk: int):
    akun_pegawai_ambil(request.user, pk)  # 404 for an unknown employee, whatever the form says
    form = PeranForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih peran yang sah."))
        return redirect("akun_pegawai_detail", pk=pk)
    return _aksi_akun(
        request, pk, akun_ubah_peran, _("Peran akun %(nama)s sudah diubah."), peran=form.cleaned_data["peran"]
    )
