from mutasi.tests.helpers import dunia  # noqa: F401
