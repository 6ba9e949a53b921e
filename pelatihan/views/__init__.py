"""Training and adaptation pages, by topic: the catalogue (`katalog`), assignments with their
list, export and actions (`penugasan`), the employee's own page and the 20-JP page (`saya`), and
a transfer's training and adaptation plan (`adaptasi`). GET shows, POST changes; objects come
through the selectors' `*_ambil` helpers (404 to whoever may not see them), role-only pages through
`perlu(...)` with a rule of `pelatihan.akses`, and a refused change is a message from the service."""
