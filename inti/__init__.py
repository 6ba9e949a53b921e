"""Shared plumbing no app owns, at the bottom of the layers: it imports no other app of the project.

- `galat`: the base domain error every service raises (`LayananError`);
- `audit`: the append-only audit trail (`CatatanAudit`, `audit_catat`);
- `surel`: the one mail sender (site language, one mute switch, sent after commit);
- `lembar`: the one spreadsheet writer (XLSX and CSV, formulas never live);
- `kalender`: calendar arithmetic (whole years and months by the calendar, month-end clamping);
- `transisi`: the one transition mechanism for every object with a status;
- `ttd`: electronic signatures (PAdES) of decrees, pluggable: the installation's certificate or BSrE;
- `middleware`: a database out of reach answers 503 with Retry-After, logged once;
- `logging`: a refused request (4xx) is one log line, never a traceback;
- `cadangan`: backups and restores (`manage.py cadangkan` / `pulihkan`, `make backup` / `make restore`).
"""
