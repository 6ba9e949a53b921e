"""Views of the transfer workflow, by topic: usulan (proposals, inbox, list), batch, sk (decrees,
notices, public verification), pegawai (the employee's own pages), hr (requests, objections)."""
