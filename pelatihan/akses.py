"""Who may see and do what in training and adaptation, in one place: views (through the
`perlu` decorator and the selectors' `*_ambil` helpers, which answer 404), templates (the
`pelatihan_akses` tags) and services (which refuse with a message) all ask the functions below,
never the roles directly.

- Catalogue: every signed-in user reads the active entries; HR also the inactive ones, and only
  HR changes it.
- Assignments: HR and the PPK see all; a unit head sees those of the staff of the units they head
  (with sub-units) and of the employees transferring into them; an employee sees their own
  (the list form of this rule is `selectors.penugasan_terlihat`). The employee (or HR for them)
  starts one and uploads its evidence; HR verifies it, never their own; HR or a head over the
  employee (current unit or the transfer's receiving unit) changes its due date, marks it not
  completed or cancels it, never on their own assignment.
- A transfer's training and adaptation (once the PPK decided it): HR or the head of the receiving
  unit (or of a unit above) assign its trainings, name the mentor and edit the plan, never for
  their own transfer; the employee and the mentor tick the plan; only the employee writes the
  check-ins, which the mentor does not read (they may be about the mentor).
"""

from mutasi.models import STATUS_TERLIHAT_PEGAWAI, UsulanMutasi
from pegawai.akses import PeranUser, peran_user
from pegawai.models import Pegawai, RiwayatJabatan

from .models import Pelatihan, Pendampingan, PenugasanPelatihan, pendampingan_dari


def _sendiri(p: PeranUser, pegawai_id: int | None) -> bool:
    return p.pegawai_id is not None and p.pegawai_id == pegawai_id


def unit_sekarang(pegawai_id: int) -> int | None:
    """The unit of the employee's current post (one query)."""
    return RiwayatJabatan.objects.sekarang().filter(pegawai_id=pegawai_id).values_list("unit_id", flat=True).first()


def _unit_penugasan(t: PenugasanPelatihan) -> int | None:
    # The list selectors annotate it; otherwise one query.
    return getattr(t, "unit_id_sekarang", None) or unit_sekarang(t.pegawai_id)


# --- Catalogue ---------------------------------------------------------------------------------


def boleh_kelola_katalog(user) -> bool:
    """Add and change catalogue entries, see the inactive ones (HR)."""
    return peran_user(user).hr


def boleh_lihat_pelatihan(user, pelatihan: Pelatihan) -> bool:
    """A catalogue entry: an active one for everybody, an inactive one for HR."""
    return pelatihan.aktif or peran_user(user).hr


# --- Assignments -------------------------------------------------------------------------------


def boleh_lihat_semua_penugasan(user) -> bool:
    """Every assignment, and the per-status counts of a training (HR and the PPK)."""
    return peran_user(user).lihat_semua


def boleh_lihat_penugasan_staf(user) -> bool:
    """The assignment list and its export, and the 20-JP page (HR, the PPK, unit heads)."""
    p = peran_user(user)
    return p.lihat_semua or p.kepala


def boleh_menugaskan(user, pegawai: Pegawai | None = None) -> bool:
    """Assign a training outside a transfer: HR, or a unit head to the staff of the units they
    head; nobody to themself. Without `pegawai`: to anyone at all (the button and the page)."""
    p = peran_user(user)
    if pegawai is None:
        return p.hr or p.kepala
    if _sendiri(p, pegawai.pk):
        return False
    if p.hr:
        return True
    posisi = pegawai.posisi_sekarang if p.unit_wewenang else None
    return posisi is not None and posisi.unit_id in p.unit_wewenang


def boleh_lihat_penugasan(user, t: PenugasanPelatihan) -> bool:
    """One assignment's page and its evidence."""
    p = peran_user(user)
    if p.lihat_semua or _sendiri(p, t.pegawai_id):
        return True
    if not p.unit_wewenang:
        return False
    if t.usulan_id and t.usulan.tujuan_unit_id in p.unit_wewenang and t.usulan.status in STATUS_TERLIHAT_PEGAWAI:
        return True
    return _unit_penugasan(t) in p.unit_wewenang


def boleh_kerjakan_penugasan(user, t: PenugasanPelatihan) -> bool:
    """Mark it started, upload the certificate: the employee, or HR on their behalf."""
    p = peran_user(user)
    return _sendiri(p, t.pegawai_id) or p.hr


def boleh_verifikasi_penugasan(user, t: PenugasanPelatihan) -> bool:
    """Verify completion or return the evidence: HR, never on their own assignment."""
    p = peran_user(user)
    return p.hr and not _sendiri(p, t.pegawai_id)


def boleh_kelola_penugasan(user, t: PenugasanPelatihan) -> bool:
    """Change the due date, mark not completed, cancel: HR, or a head over the employee's current
    unit or over the transfer's receiving unit; never on one's own assignment."""
    p = peran_user(user)
    if _sendiri(p, t.pegawai_id):
        return False
    if p.hr:
        return True
    if not p.unit_wewenang:
        return False
    if t.usulan_id and t.usulan.tujuan_unit_id in p.unit_wewenang:
        return True
    return _unit_penugasan(t) in p.unit_wewenang


# --- A transfer's training and adaptation --------------------------------------------------------


def _adaptasi_berjalan(usulan: UsulanMutasi) -> bool:
    return usulan.status in STATUS_TERLIHAT_PEGAWAI and usulan.tujuan_unit_id is not None


def boleh_kelola_adaptasi(user, usulan: UsulanMutasi) -> bool:
    """Assign the transfer's trainings, name the mentor, edit the plan: HR, or the head of the
    receiving unit (or of a unit above it); never for one's own transfer."""
    p = peran_user(user)
    if _sendiri(p, usulan.pegawai_id):
        return False
    return p.hr or (usulan.tujuan_unit_id is not None and usulan.tujuan_unit_id in p.unit_wewenang)


def boleh_lihat_adaptasi(user, usulan: UsulanMutasi) -> bool:
    """The adaptation page of a decided transfer into a unit: HR and the PPK, the employee, the
    mentor, a head over the receiving unit (list form: `selectors.adaptasi_terlihat`)."""
    if not _adaptasi_berjalan(usulan):
        return False
    p = peran_user(user)
    if p.lihat_semua or _sendiri(p, usulan.pegawai_id):
        return True
    pd = pendampingan_dari(usulan)
    if pd is not None and _sendiri(p, pd.mentor_id):
        return True
    return usulan.tujuan_unit_id in p.unit_wewenang


def boleh_lihat_checkin(user, usulan: UsulanMutasi) -> bool:
    """The check-ins and reported difficulties: HR and the PPK, the employee, a head over the
    receiving unit; not the mentor."""
    p = peran_user(user)
    return p.lihat_semua or _sendiri(p, usulan.pegawai_id) or usulan.tujuan_unit_id in p.unit_wewenang


def boleh_tulis_checkin(user, usulan: UsulanMutasi) -> bool:
    """Only the transferred employee writes their check-ins."""
    return _sendiri(peran_user(user), usulan.pegawai_id)


def boleh_centang(user, usulan: UsulanMutasi, pendampingan: Pendampingan | None) -> bool:
    """The employee and the mentor tick the plan's items."""
    if pendampingan is None:
        return False
    p = peran_user(user)
    return _sendiri(p, usulan.pegawai_id) or _sendiri(p, pendampingan.mentor_id)
