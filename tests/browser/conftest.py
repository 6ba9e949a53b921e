"""Browser-test helpers. Every test here is marked `browser` (run: pytest -m browser; skip: -m "not browser")."""

import pytest

DEMO_PASSWORD = "rahasia-123"  # what pegawai.tests.factories.UserFactory sets


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def masuk(page, live_server):
    """masuk(user) signs `user` in through the login form and returns the page."""

    def _masuk(user, password=DEMO_PASSWORD):
        page.goto(f"{live_server.url}/akun/masuk/")
        page.fill("input[name=username]", user.nip)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    return _masuk
