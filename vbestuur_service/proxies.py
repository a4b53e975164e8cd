"""Which client a request came from when it passed reverse proxies: VBESTUUR_TRUSTED_PROXIES.

Why: behind a reverse proxy (HAProxy, deploy/haproxy.cfg) every visitor has the proxy's
address, so the per-client limits (new sessions, sign-ins, room codes: vbestuur_store/limiter)
would apply to a whole municipality at once, and one busy evening or one attacker could lock
out everyone. HAProxy adds the address it saw to `X-Forwarded-For` (`option forwardfor`); a
header is only a claim, so it is believed only from the proxies named here.

The rule, as serious proxies and frameworks apply it: when the direct peer is a trusted proxy,
walk `X-Forwarded-For` from its right-most entry (added by the nearest proxy) to the left,
past every trusted proxy; the first address that is not trusted is the client. Entries to its
left are whatever the client sent, and are never read. A peer that is not trusted is the
client itself, whatever headers it sends. An entry that is not an IP address stops the walk
at the last trusted hop. Default: no proxy is trusted.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping, Sequence

from vbestuur_store.errors import InvalidValue

ENV_TRUSTED_PROXIES = "VBESTUUR_TRUSTED_PROXIES"
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def trusted_proxies(env: Mapping[str, str]) -> tuple[str, ...]:
    """VBESTUUR_TRUSTED_PROXIES: addresses or networks, separated by commas or spaces (e.g.
    "127.0.0.1" or "10.0.0.0/24, 2001:db8::1"). A value that is not one is refused."""
    found = []
    for part in env.get(ENV_TRUSTED_PROXIES, "").replace(",", " ").split():
        try:
            found.append(str(ipaddress.ip_network(part, strict=False)))
        except ValueError:
            raise InvalidValue(field=ENV_TRUSTED_PROXIES) from None
    return tuple(found)


def networks(trusted: Iterable[str]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(n, strict=False) for n in trusted)


def _address(text: str) -> Address | None:
    try:
        found = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    mapped = getattr(found, "ipv4_mapped", None)  # ::ffff:192.0.2.1 is 192.0.2.1
    return mapped or found


def _trusted(address: Address, trusted: Sequence[Network]) -> bool:
    return any(address.version == n.version and address in n for n in trusted)


def client_address(peer: str, forwarded: Iterable[str], trusted: Sequence[Network]) -> str:
    """The client's address: `peer` (the connection's own), or from the `X-Forwarded-For`
    header lines (`forwarded`, in the order received) when `peer` is a trusted proxy."""
    current = _address(peer)
    if current is None or not _trusted(current, trusted):
        return peer
    hops = [hop for line in forwarded for hop in line.split(",") if hop.strip()]
    for hop in reversed(hops):
        found = _address(hop)
        if found is None:
            break  # not an address: the last trusted hop is all that is known
        current = found
        if not _trusted(current, trusted):
            break
    return str(current)
