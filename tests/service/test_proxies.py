"""VBESTUUR_TRUSTED_PROXIES and the client address behind proxies (vbestuur_service/proxies.py,
vbestuur_app/clients.py). The end-to-end check through HAProxy: tests/ops/test_proxy_addresses.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vbestuur_app import clients
from vbestuur_service import runtime
from vbestuur_service.proxies import client_address, networks, trusted_proxies
from vbestuur_service.runtime import Runtime
from vbestuur_service.settings import Settings
from vbestuur_store.errors import InvalidValue

HAPROXY = networks(["10.0.0.2"])
CHAIN = networks(["10.0.0.0/24", "2001:db8::/32"])


def test_the_setting_names_addresses_and_networks_and_refuses_anything_else() -> None:
    assert trusted_proxies({}) == ()
    assert trusted_proxies({"VBESTUUR_TRUSTED_PROXIES": " 127.0.0.1 "}) == ("127.0.0.1/32",)
    assert trusted_proxies({"VBESTUUR_TRUSTED_PROXIES": "10.0.0.0/24, 2001:db8::1"}) == (
        "10.0.0.0/24", "2001:db8::1/128")
    for wrong in ("haproxy", "10.0.0.1/33", "10.0.0.1;"):
        with pytest.raises(InvalidValue):
            trusted_proxies({"VBESTUUR_TRUSTED_PROXIES": wrong})
    settings = Settings.from_env({"VBESTUUR_DATA_DIR": "/tmp/x",
                                  "VBESTUUR_TRUSTED_PROXIES": "10.0.0.2"})
    assert settings.trusted_proxies == ("10.0.0.2/32",)
    assert Settings.from_env({"VBESTUUR_DATA_DIR": "/tmp/x"}).trusted_proxies == ()


def test_the_header_is_never_read_from_a_peer_that_is_not_trusted() -> None:
    assert client_address("198.51.100.7", ["203.0.113.9"], HAPROXY) == "198.51.100.7"
    assert client_address("198.51.100.7", ["203.0.113.9"], ()) == "198.51.100.7"
    assert client_address("10.0.0.2", ["203.0.113.9"], ()) == "10.0.0.2"  # nothing trusted


def test_the_right_most_untrusted_hop_is_the_client() -> None:
    # the visitor forged an entry; HAProxy appended the address it saw
    assert client_address("10.0.0.2", ["203.0.113.9, 198.51.100.7"], HAPROXY) == "198.51.100.7"
    # the same as two header lines (HAProxy adds its own line after the client's)
    assert client_address("10.0.0.2", ["203.0.113.9", "198.51.100.7"], HAPROXY) == "198.51.100.7"
    # a chain of trusted proxies is walked past
    assert client_address("10.0.0.2", ["203.0.113.9, 198.51.100.7, 10.0.0.5"], CHAIN) == (
        "198.51.100.7")
    # only trusted hops: the left-most one is all that is known
    assert client_address("10.0.0.2", ["10.0.0.7, 10.0.0.5"], CHAIN) == "10.0.0.7"
    # a hop that is not an address stops the walk at the last trusted one
    assert client_address("10.0.0.2", ["203.0.113.9, not-an-ip"], HAPROXY) == "10.0.0.2"
    assert client_address("10.0.0.2", [""], HAPROXY) == "10.0.0.2"


def test_ipv6_and_mapped_ipv4_addresses() -> None:
    assert client_address("2001:db8::5", ["2001:db9::1"], CHAIN) == "2001:db9::1"
    assert client_address("::ffff:10.0.0.2", ["198.51.100.7"], HAPROXY) == "198.51.100.7"


@pytest.fixture
def trusting_loopback(tmp_path: Path) -> object:
    rt = Runtime(Settings.from_env({"VBESTUUR_DATA_DIR": str(tmp_path),
                                    "VBESTUUR_TRUSTED_PROXIES": "127.0.0.1"}))
    runtime.install(rt)
    yield rt
    runtime.reset()


def test_the_app_takes_the_address_from_the_trusted_local_proxy(
        trusting_loopback: object, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, list[str]]] = [("127.0.0.1", ["203.0.113.9, 198.51.100.7"])]
    monkeypatch.setattr(clients, "_peer_and_forwarded", lambda: seen[0])
    assert clients.address() == "198.51.100.7"
    seen[0] = ("127.0.0.1", [])  # a local visitor without a proxy: the one shared local key
    assert clients.address() == ""
    seen[0] = ("127.0.0.1", ["127.0.0.1"])  # a local visitor through the local proxy
    assert clients.address() == ""
    seen[0] = ("198.51.100.8", ["203.0.113.9"])  # not the proxy: the header is ignored
    assert clients.address() == "198.51.100.8"
    seen[0] = ("", ["203.0.113.9"])  # no session at all
    assert clients.address() == ""
