"""Writes of the transfer workflow, split by topic:

- `alur`: the proposal workflow (`inti.transisi.Alur`: its table, actor check, rules, mails);
- `kelayakan`: the eligibility checks shown on a proposal;
- `usulan`: creating and editing proposals, batches, attachments, overrides, reviews;
- `permohonan`: the employee's own requests;
- `sk`: decrees, gap-free numbering, verification codes, the employee's notice;
- `keberatan`: objections and HR's answers (a workflow of their own);
- `pelaksanaan`: carrying transfers out on their TMT;
- `notifikasi`: the mails, through `inti.surel`.

Who may do what is `mutasi.akses`; a service asks it and refuses with its reason (`pastikan`).
"""

from inti.galat import LayananError


class AlurError(LayananError):
    """A workflow step was refused (wrong state, wrong person, or a rule not met)."""


def pastikan(izin) -> None:
    """Refuse with the reason unless `izin` (a `mutasi.akses.Izin`) allows the action."""
    if not izin:
        raise AlurError(izin.pesan)
