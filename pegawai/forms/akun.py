"""Forms for signing in, passwords, and the HR accounts page."""

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from inti.surel import surel_buat, surel_kirim_banyak

from .. import nip as nip_rules
from ..models import Peran, UnitKerja, User
from ..selectors.akun import StatusAkun, status_akun
from .unit_cari import UnitCariField


class MasukForm(AuthenticationForm):
    """Sign in with the NIP as printed (`19860926 201505 1 001`) or typed plain, and a password."""

    username = forms.CharField(
        label=_("NIP"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "username",
                "inputmode": "numeric",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
        help_text=_("18 angka, boleh dengan spasi, mis. 19860926 201505 1 001."),
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    # One answer for an unknown NIP, a wrong password, an invitation not yet accepted and a
    # switched-off account: a sign-in page must not tell anyone which NIPs have live accounts.
    error_messages = {
        "invalid_login": _(
            "NIP atau kata sandi salah, atau akun belum aktif. Periksa lalu coba lagi. Akun baru "
            "diaktifkan lewat tautan di email undangan; bila perlu, hubungi BKPSDM."
        ),
        "inactive": _(
            "NIP atau kata sandi salah, atau akun belum aktif. Periksa lalu coba lagi. Akun baru "
            "diaktifkan lewat tautan di email undangan; bila perlu, hubungi BKPSDM."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        # AuthenticationForm sets the length from the model field; a grouped NIP is longer.
        self.fields["username"].max_length = 40
        self.fields["username"].widget.attrs["maxlength"] = 40

    def clean_username(self):
        return nip_rules.normalisasi(self.cleaned_data["username"])


class _LabelSandiMixin:
    """Indonesian labels for the two new-password fields of Django's forms."""

    def _label_sandi(self):
        self.fields["new_password1"].label = _("Kata sandi baru")
        self.fields["new_password1"].help_text = password_validation.password_validators_help_text_html()
        self.fields["new_password2"].label = _("Ulangi kata sandi baru")
        self.fields["new_password2"].help_text = ""
        self.error_messages = {**self.error_messages, "password_mismatch": _("Kedua kata sandi tidak sama.")}


class SandiAturForm(_LabelSandiMixin, SetPasswordForm):
    """Set a password without knowing the old one (activation link, reset link)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._label_sandi()
        self.fields["new_password1"].widget.attrs["autofocus"] = True


class SandiUbahForm(_LabelSandiMixin, PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._label_sandi()
        self.fields["old_password"].label = _("Kata sandi sekarang")
        self.error_messages = {
            **self.error_messages,
            "password_incorrect": _("Kata sandi sekarang salah. Coba lagi."),
        }


class SandiLupaForm(PasswordResetForm):
    """Django's reset form (finds the account by User.email). An employee who never activated the
    invitation has no password to reset: the view sends them a fresh activation link instead."""

    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        help_text=_("Alamat email yang terdaftar di data kepegawaian Anda."),
    )

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        """Through the one mail sender, like every mail of the app: in the site's language whatever
        the requester browses in; a mail server outage is logged, not shown."""
        with translation.override(settings.LANGUAGE_CODE):
            judul = render_to_string(subject_template_name, context)
        surel_kirim_banyak([surel_buat(kepada=[to_email], judul=judul, template=email_template_name, konteks=context)])

    def akun_belum_aktif(self):
        """Invited accounts with this address (the reset mail skips them: no usable password)."""
        email = self.cleaned_data["email"]
        return [
            u
            for u in User.objects.filter(email__iexact=email, is_active=True).select_related("pegawai")
            if status_akun(u) == StatusAkun.DIUNDANG and getattr(u, "pegawai", None) is not None
        ]


# --- HR accounts page ---------------------------------------------------------------

STATUS_PILIHAN = [("", _("Semua status")), *StatusAkun.choices]
EMAIL_PILIHAN = [("", _("Email: semua")), ("ada", _("Punya email")), ("kosong", _("Tanpa email"))]
AKTIF_PILIHAN = [("ya", _("Pegawai aktif")), ("tidak", _("Pegawai tidak aktif")), ("semua", _("Semua pegawai"))]


class AkunFilterForm(forms.Form):
    """The accounts page's search and filters (GET), also carried by the bulk form (POST)
    so "everyone in this filter" means the same list HR is looking at."""

    q = forms.CharField(
        label=_("Cari"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": _("Nama atau NIP"), "type": "search"}),
    )
    unit = UnitCariField(
        label=_("Unit kerja"),
        queryset=UnitKerja.objects.filter(aktif=True),
        required=False,
        cakupan="semua",
        aktif=True,
    )
    status = forms.ChoiceField(label=_("Status akun"), choices=STATUS_PILIHAN, required=False)
    email = forms.ChoiceField(label=_("Email"), choices=EMAIL_PILIHAN, required=False)
    peran = forms.ChoiceField(label=_("Peran"), choices=[("", _("Semua peran")), *Peran.choices], required=False)
    aktif = forms.ChoiceField(label=_("Pegawai"), choices=AKTIF_PILIHAN, required=False)
    urut = forms.CharField(required=False, widget=forms.HiddenInput)

    def kriteria(self) -> dict:
        """Arguments for `akun_pegawai_cari`; a field with a bad value falls back to its default
        without dropping the others."""
        self.is_valid()
        data = self.cleaned_data
        aktif = {"ya": True, "tidak": False, "semua": None}.get(data.get("aktif") or "ya", True)
        unit = data.get("unit")
        return {
            "q": data.get("q", ""),
            "unit": unit.pk if unit else None,
            "email": data.get("email", ""),
            "peran": data.get("peran", ""),
            "aktif": aktif,
            "urut": data.get("urut") or "nama",
        }

    @property
    def status_dipilih(self) -> str:
        self.is_valid()
        return self.cleaned_data.get("status", "")


class PeranForm(forms.Form):
    peran = forms.ChoiceField(label=_("Peran"), choices=Peran.choices)
