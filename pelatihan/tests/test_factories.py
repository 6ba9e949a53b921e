"""Transitional: the training test data moved to `pelatihan.tests.factories` (this module holds no
tests). Kept only for the modules of other apps that still import it from here
(mutasi/tests/test_beranda_pribadi.py, tests/test_semua_url.py); delete it once they import
`pelatihan.tests.factories`."""

from pelatihan.tests.factories import *  # noqa: F403
