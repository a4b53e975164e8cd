"""A lean load client for crowds: the browser's Streamlit protocol at a fraction of the CPU.

Why: on a 2-core machine the load client shares the cores with what it measures. bench/app.py's
`Session` (websockets' asyncio client, every ForwardMsg parsed) costs ~2 ms of client CPU per
rerun of ~40 websocket messages, almost all of it per message in the asyncio layer, not in the
protobuf parse (measured: parsing nothing but the message kind saves nothing there). A crowd
of 200 sessions rerunning 100+ times a second then takes a fifth of a core or more from the
servers. This client keeps websockets for the protocol itself (its sans-I/O `ClientProtocol`:
handshake, frames, ping/pong, close) on a plain asyncio stream, and reads of each ForwardMsg
only its kind (the top-level field number, a few bytes in); a message is parsed only when the
bench needs it: `script_finished` (its status is a varint read in place), navigation, page
info, and the deltas of a run whose elements the bench looks at (`keep=True`).
Same requests as bench/app.py's Session, same cookies and headers, same answer to `Run`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import suppress

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.client import ClientProtocol
from websockets.exceptions import ConnectionClosed
from websockets.frames import Frame, Opcode
from websockets.protocol import State
from websockets.typing import Origin, Subprotocol
from websockets.uri import parse_uri

import app as protocol  # bench/app.py: Run, Question, DONE, DOOR_KEY

FIELD = {name: ForwardMsg.DESCRIPTOR.fields_by_name[name].number
         for name in ("delta", "script_finished", "navigation", "page_info_changed", "ref_hash")}
# Streamlit caches (and the browser keeps) only messages of at least global.minCachedMessageSize
# bytes (10 kB by default): smaller deltas need not be parsed to know they are not cacheable.
CACHEABLE = 10_000
# Opcodes as plain ints: an Enum member's `.value` is a Python-level lookup, per frame.
BINARY, CONT, PING, CLOSE = (o.value for o in (Opcode.BINARY, Opcode.CONT, Opcode.PING,
                                                Opcode.CLOSE))
NEXT_KEY = "ask:next"  # the "Volgende" button under every question
WAIT = 120.0  # seconds a rerun may take before the bench gives up on it


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def kind_of(data: bytes) -> tuple[int, int]:
    """The ForwardMsg's `type` field number, and (for a varint field) its value, else -1.

    Skips the `hash` (1) and `metadata` (2) fields; the first other field is the oneof.
    One-byte varints (every key here, most lengths) are read in place: this runs for each of
    the ~40 messages of a rerun."""
    pos, end = 0, len(data)
    while pos < end:
        key = data[pos]
        if key < 0x80:
            pos += 1
        else:
            key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if number not in (1, 2):
            if wire != 0:
                return number, -1
            return number, data[pos] if data[pos] < 0x80 else _varint(data, pos)[0]
        if wire == 2:
            size = data[pos]
            if size < 0x80:
                pos += 1 + size
            else:
                size, pos = _varint(data, pos)
                pos += size
        elif wire == 0:
            pos = _varint(data, pos)[1]
        else:  # fixed 64/32-bit: never in these two fields, but skip them correctly
            pos += 8 if wire == 1 else 4
    return 0, -1


class LeanSession:
    """One browser tab: a websocket (sans-I/O protocol on an asyncio stream) and its state."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 ws: ClientProtocol) -> None:
        self.reader, self.writer, self.ws = reader, writer, ws
        self.page_hash, self.query = "", ""
        self.cache: dict[str, ForwardMsg] = {}  # the large messages this tab holds, by hash
        self.pending: list[bytes] = []  # whole messages read, not yet handed out
        self.partial: list[bytes] = []  # the frames of a fragmented message so far
        self.buffer = bytearray()  # bytes read after the handshake, not yet a whole frame

    @classmethod
    async def open(cls, port: int, cookie: str = "", *, source: str | None = None,
                   headers: dict[str, str] | None = None) -> LeanSession:
        """Connect to 127.0.0.1:`port` (from the local address `source`, e.g. 127.0.0.2, to
        look like another client), with the browser's cookies and any further headers."""
        local = (source, 0) if source else None
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", port, local_addr=local), 60)
        ws = ClientProtocol(parse_uri(f"ws://127.0.0.1:{port}/_stcore/stream"),
                            origin=Origin(f"http://127.0.0.1:{port}"),
                            subprotocols=[Subprotocol("streamlit")], max_size=None)
        request = ws.connect()
        if cookie:
            request.headers["Cookie"] = cookie
        for name, value in (headers or {}).items():
            request.headers[name] = value
        ws.send_request(request)
        session = cls(reader, writer, ws)
        session._flush()
        async with asyncio.timeout(60):
            await session._handshake()
        return session

    async def _handshake(self) -> None:
        """The opening handshake through websockets' protocol; what follows it is frames."""
        while self.ws.state is State.CONNECTING:
            data = await self.reader.read(1 << 16)
            if not data:
                self.ws.receive_eof()
                break
            self.ws.receive_data(data)
        early = [e for e in self.ws.events_received() if isinstance(e, Frame)]
        if self.ws.handshake_exc is not None or self.ws.state is not State.OPEN:
            self.writer.close()
            raise self.ws.handshake_exc or ConnectionClosed(None, None)
        if early or self.ws.reader.buffer:  # Streamlit sends nothing before the first rerun
            raise RuntimeError("the server sent frames with its handshake: not handled here")

    def _flush(self) -> None:
        for chunk in self.ws.data_to_send():
            if chunk:
                self.writer.write(chunk)

    async def _read(self) -> None:
        """Read what arrived and split it into messages (see `_frames`)."""
        data = await self.reader.read(1 << 18)
        if not data:
            raise ConnectionClosed(None, None)
        self.buffer += data
        self._frames()
        self._flush()  # pongs

    def _frames(self) -> None:
        """The server's frames, read in place: RFC 6455 section 5.2, unmasked (server to
        client), no extension negotiated. websockets' own frame reader costs ~40 µs of
        Python per frame here, a third of the client; this loop a few. A ping is answered
        through websockets' protocol, a close ends the session."""
        buf, pos, end = self.buffer, 0, len(self.buffer)
        pending = self.pending
        while end - pos >= 2:
            first, size = buf[pos], buf[pos + 1] & 0x7F
            head = 2 if size < 126 else 4 if size == 126 else 10
            if end - pos < head:
                break
            if size >= 126:
                size = int.from_bytes(buf[pos + 2:pos + head], "big")
            if end - pos < head + size:
                break
            payload = bytes(buf[pos + head:pos + head + size])
            pos += head + size
            opcode = first & 0x0F
            if opcode == BINARY and first & 0x80 and not self.partial:  # a whole message
                pending.append(payload)
            elif opcode in (BINARY, CONT):
                self.partial.append(payload)
                if first & 0x80:  # FIN: the message is whole
                    pending.append(b"".join(self.partial))
                    self.partial = []
            elif opcode == PING:
                self.ws.send_pong(payload)
            elif opcode == CLOSE:
                raise ConnectionClosed(None, None)
        del buf[:pos]

    async def messages(self) -> AsyncIterator[bytes]:
        while True:
            if not self.pending:
                await self._read()
            batch, self.pending = self.pending, []
            for data in batch:
                yield data

    async def send(self, back: BackMsg, keep: bool = True) -> protocol.Run:
        """Send one BackMsg and read up to the end of the run (the elements only if `keep`)."""
        start = time.perf_counter()
        back.rerun_script.cached_message_hashes.extend(self.cache)  # as the browser does
        self.ws.send_binary(back.SerializeToString())
        self._flush()
        elements = []
        async with asyncio.timeout(WAIT):
            return await self._finish(start, elements, keep)

    async def _finish(self, start: float, elements: list, keep: bool) -> protocol.Run:
        finished, ref, delta = FIELD["script_finished"], FIELD["ref_hash"], FIELD["delta"]
        async for data in self.messages():
            kind, value = kind_of(data)
            if kind == delta:
                if keep or len(data) >= CACHEABLE:  # else: nothing to keep (most messages)
                    self._delta(data, elements, keep)
            elif kind == finished:
                if value in protocol.DONE:
                    return protocol.Run(time.perf_counter() - start, elements)
                elements = []  # st.switch_page or a rerun: the next run redraws
            elif kind == ref and keep:
                elements.append(self.cache[ForwardMsg.FromString(data).ref_hash].delta.new_element)
            elif kind == FIELD["navigation"]:
                self.page_hash = ForwardMsg.FromString(data).navigation.page_script_hash
            elif kind == FIELD["page_info_changed"]:
                self.query = ForwardMsg.FromString(data).page_info_changed.query_string
        raise ConnectionClosed(None, None)  # pragma: no cover (messages() raises first)

    def _delta(self, data: bytes, elements: list, keep: bool) -> None:
        """Keep a cacheable delta (as the browser does) and, with `keep`, its element."""
        msg = ForwardMsg.FromString(data)
        if msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = msg
        if keep and msg.delta.WhichOneof("type") == "new_element":
            elements.append(msg.delta.new_element)

    def back(self) -> BackMsg:
        back = BackMsg()
        back.rerun_script.query_string = self.query
        back.rerun_script.page_script_hash = self.page_hash
        return back

    async def run(self, click: str | None = None, keep: bool = True) -> protocol.Run:
        """Rerun the current page (optionally clicking one button)."""
        back = self.back()
        if click is not None:
            back.rerun_script.widget_states.widgets.add(id=click, trigger_value=True)
        return await self.send(back, keep)

    async def to_question(self, question: protocol.Question) -> protocol.Run:
        """From a new session: draw the home page, click the incident door, see the question."""
        door = (await self.run()).widget(protocol.DOOR_KEY)
        asked = await self.run(click=door) if door else None
        if asked is None or not asked.asks(question):
            raise RuntimeError(f"no button {protocol.DOOR_KEY!r}, or no question after it")
        return asked

    async def close(self) -> None:
        if self.ws.state is State.OPEN:
            self.ws.send_close()
            self._flush()
        self.writer.close()
        with suppress(OSError):
            await self.writer.wait_closed()


async def page_cookies(port: int, source: str | None = None) -> str:
    """Load the page as a browser does (from `source`); the Cookie header it would send back.

    The async twin of bench/walk.py's `cookies_of`: a crowd's page loads need no threads."""
    local = (source, 0) if source else None
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection("127.0.0.1", port, local_addr=local), 60)
    try:
        writer.write(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/html\r\n"
                     "Accept-Encoding: gzip, br\r\nSec-Fetch-Dest: document\r\n"
                     "Connection: close\r\n\r\n".encode())
        async with asyncio.timeout(WAIT):
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            await reader.read()  # the page itself, to its end, as a browser reads it
    finally:
        writer.close()
    if head[0].split()[1:2] != ["200"]:
        raise RuntimeError(f"page load: {head[0]}")
    return "; ".join(line.split(":", 1)[1].strip().split(";")[0] for line in head[1:]
                     if line.lower().startswith("set-cookie:"))


async def answer(session: LeanSession, asked: protocol.Run,
                 question: protocol.Question) -> protocol.Run:
    """Choose the first option of the question and press "Volgende"."""
    radio = next(e.radio for e in asked.elements if e.WhichOneof("type") == "radio"
                 and e.radio.id.endswith("-" + question.key))
    back = session.back()
    states = back.rerun_script.widget_states.widgets
    states.add(id=radio.id, string_value=radio.options[0])
    states.add(id=asked.widget(NEXT_KEY) or "", trigger_value=True)
    return await session.send(back)
