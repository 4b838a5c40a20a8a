"""The analyst layer's retries, against a live server that rate-limits.

TestPythonClient starts a second server for these tests, with a limit of
one request a second and bursts of one, and names it in DETENTE_LIMITED_URL
(with DETENTE_API_KEY). Nothing here times anything: a client without
retries must meet a 429 within twenty quick requests, and one with them
must read every page whatever the wait.
"""

from __future__ import annotations

import os

import pytest

import detente


@pytest.fixture(scope="module")
def limited() -> tuple[str, str]:
    url, key = os.environ.get("DETENTE_LIMITED_URL"), os.environ.get("DETENTE_API_KEY")
    if not url or not key:
        pytest.fail("DETENTE_LIMITED_URL and DETENTE_API_KEY must name a rate-limited server (see TestPythonClient)")
    return url, key


def test_without_retries_the_limit_shows(limited: tuple[str, str]) -> None:
    # The premise: this server does refuse. Twenty requests in a row need
    # twenty tokens; one a second comes back.
    c = detente.Client(limited[0], api_key=limited[1], retries=0)
    with pytest.raises(detente.DetenteError) as e:
        for _ in range(20):
            c.actors(page_size=1000)
    assert e.value.status == 429
    assert e.value.problem["type"].endswith("rate-limited")


def test_retries_read_every_page(limited: tuple[str, str]) -> None:
    c = detente.Client(limited[0], api_key=limited[1])
    # One page of everything, then the same in pages of 5: several
    # requests in a row, most of them refused once and retried after the
    # second Retry-After asks for.
    whole = [a["id"] for a in c.iter_actors(page_size=1000)]
    paged = [a["id"] for a in c.iter_actors(page_size=5)]
    assert len(whole) > 20
    assert paged == whole
