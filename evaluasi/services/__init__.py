"""Writes of the post-transfer reviews, by topic:

- `matriks`: the predikat matrix (one function, no database);
- `jadwal`: scheduling reviews for carried-out transfers, keeping reviewers current, cancelling
  reviews that can no longer be made;
- `alur`: the review's steps (draft, send, read, answer, close, reassign), one locked transition each;
- `notifikasi`: the emails, and the daily reminders.
"""
