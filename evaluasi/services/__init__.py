"""Writes of the post-transfer reviews, by topic:

- `matriks`: the predikat matrix (one function, no database);
- `jadwal`: scheduling reviews for carried-out transfers, keeping reviewers current, cancelling
  reviews that can no longer be made;
- `alur`: the review's workflow, one table of moves performed by `inti.transisi.Alur` (save a draft,
  send, answer, close, cancel), plus naming another reviewer and recording the first reading;
- `notifikasi`: the emails (through `inti.surel`), and the daily reminders.

Who may do what is `evaluasi.akses`; services ask it, and refuse with `EvaluasiError`
(an `inti.galat.LayananError`) or a `ValidationError` per field.
"""
