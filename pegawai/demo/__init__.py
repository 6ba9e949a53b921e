"""Demo data for Kota Surabaya / Kecamatan Mulyorejo (`manage.py demo`), by topic:

- `unit`: the organisation (units and the staff posts of each);
- `jabatan`: positions and competences;
- `identitas`: names, birthplaces, education and ranks the demo people are drawn from;
- `rencana`: the employees and their position history, planned in memory from a fixed seed;
- `akun`: the five demo accounts (one per role) and the demo password;
- `simpan`: the step `organisasi`, writing all of the above;
- `abk`: the step `beban_kerja`, the workload that shapes the needs analysis.

The step `organisasi` builds the organisation and about 300 employees with valid NIPs, ranks
consistent with education and years of service, 2-12 years of position history, yearly performance
predicates and a few sanctions. It is deterministic (a fixed seed; dates are relative to today) and
idempotent: reference data is matched by its natural key (unit code, position name, competence
name) and the people are created only when the demo people are absent, so a second run changes
nothing.

What later demo steps may rely on: the unit codes in `unit.UNIT_KERJA` (SETDA, BKPSDM, DISDIK,
DINKES, PKM-MLY, RSUD-ST, KEC-MLY, KEL-MLY-KS, ...), the position names in `jabatan.JABATAN`, and
the people in `AKUN` (looked up by NIP), with `DEMO_PASSWORD`; both are importable from here.
"""

from .akun import AKUN, DEMO_PASSWORD, akun_demo, akun_untuk
from .simpan import organisasi

__all__ = ["AKUN", "DEMO_PASSWORD", "akun_demo", "akun_untuk", "organisasi"]
