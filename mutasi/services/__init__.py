"""Writes of the transfer workflow, split by topic:

- `alur`: the transition table and the one function that performs every transition;
- `penyetuju`: who acts for the sending and receiving units (with escalation);
- `kelayakan`: the eligibility checks shown on a proposal;
- `usulan`: creating and editing proposals, batches, attachments, overrides, reviews;
- `permohonan`: the employee's own requests;
- `sk`: decrees, gap-free numbering, verification codes;
- `keberatan`: objections and HR's answers;
- `pelaksanaan`: carrying transfers out on their TMT;
- `notifikasi`: the emails sent at each step.
"""

from inti.galat import LayananError


class AlurError(LayananError):
    """A workflow step was refused (wrong state, wrong person, or a rule not met)."""
