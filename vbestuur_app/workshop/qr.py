"""The join address and its QR code, made on this machine.

Why segno: it is pure Python and writes PNG itself, so the presenter view needs no image
library and no remote QR service (which would learn the room code and the app's address).

Why the address is checked (issue 13): the facilitator often opens the app at
http://127.0.0.1:8501, which no phone can reach. `reachable()` decides which address the QR
code and the printed address use: VBESTUUR_PUBLIC_URL if set; else the page's own address,
unless that is loopback — then the machine's LAN address when the server listens on all
interfaces (`make run HOST=0.0.0.0`), or None when it listens on loopback only, and the
facilitator is told what to do before the room opens.
"""

from __future__ import annotations

import io
import ipaddress
import socket
from urllib.parse import urlencode, urlsplit

import segno

JOIN_PATH = "meedoen"
FALLBACK_BASE = "http://localhost:8501"
ALL_INTERFACES = ("", "0.0.0.0", "::")
LOOPBACK_NAMES = ("localhost", "localhost.localdomain")


def base_url(page_url: str | None, configured: str = "") -> str:
    """scheme://host[:port] of the app: VBESTUUR_PUBLIC_URL (`Settings.public_url`), else the
    page's own address."""
    configured = configured.strip()
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(page_url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return FALLBACK_BASE


def join_url(base: str, code: str) -> str:
    """The address a phone opens to join: the participant page with the code filled in."""
    return f"{base}/{JOIN_PATH}?{urlencode({'code': code})}"


def qr_png(data: str, scale: int = 10) -> bytes:
    """A PNG of the QR code for `data` (error correction M, a 4-module quiet zone)."""
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address) is only reachable from this machine."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses on the network (not loopback), best guess first.

    The UDP "connect" sends no packet: it only asks the kernel which address it would use."""
    found: list[str] = []
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
        found.append(probe.getsockname()[0])
    except OSError:
        pass
    finally:
        probe.close()
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    found += [str(info[4][0]) for info in infos]
    return [a for n, a in enumerate(found) if a not in found[:n] and not is_loopback(a)]


def reachable(base: str, listening_on: str, lan: list[str]) -> str | None:
    """The base address phones can open, or None when the server listens on loopback only."""
    parts = urlsplit(base)
    host = parts.hostname or ""
    if not is_loopback(host):
        return base
    if listening_on.strip() not in ALL_INTERFACES or not lan:
        return None
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{lan[0]}{port}"
