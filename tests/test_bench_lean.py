"""bench/lean.py reads ForwardMsgs and websocket frames by hand: check it reads them right.

Why a test for a bench: `make scale` counts reruns by the `script_finished` this client finds,
and takes widget ids from the deltas it keeps; a misread kind or a frame split wrongly would
make the bench count wrong without failing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.frames import Frame, Opcode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import lean  # noqa: E402


def _finished(status: int) -> bytes:
    msg = ForwardMsg()
    msg.hash = "x" * 40
    msg.metadata.delta_path[:] = [0, 3]
    msg.script_finished = status  # type: ignore[assignment]
    return msg.SerializeToString()


def test_the_kind_and_status_of_a_script_finished_message() -> None:
    for status in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_EARLY_FOR_RERUN,
                   ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
        assert lean.kind_of(_finished(status)) == (lean.FIELD["script_finished"], status)


def test_the_kind_of_a_delta_and_of_a_navigation() -> None:
    delta = ForwardMsg()
    delta.hash = "h"
    delta.delta.new_element.markdown.body = "b" * 300  # a length that needs a 2-byte varint
    assert lean.kind_of(delta.SerializeToString())[0] == lean.FIELD["delta"]
    nav = ForwardMsg()
    nav.navigation.page_script_hash = "p"
    assert lean.kind_of(nav.SerializeToString()) == (lean.FIELD["navigation"], -1)


class _Protocol:
    def __init__(self) -> None:
        self.pongs: list[bytes] = []

    def send_pong(self, data: bytes) -> None:
        self.pongs.append(data)


def _session() -> lean.LeanSession:
    session = lean.LeanSession.__new__(lean.LeanSession)
    session.pending, session.partial, session.buffer = [], [], bytearray()
    session.ws = _Protocol()  # type: ignore[assignment]
    return session


def _wire(frame: Frame) -> bytes:
    return frame.serialize(mask=False, extensions=[])


@pytest.mark.parametrize("size", [0, 125, 126, 65535, 65536, 300_000])
def test_frames_of_every_length_arrive_whole_even_when_split(size: int) -> None:
    payloads = [bytes(i % 251 for i in range(size)), b"second"]
    wire = b"".join(_wire(Frame(Opcode.BINARY, p)) for p in payloads)
    session = _session()
    for cut in range(0, len(wire), 7919):  # bytes arrive in arbitrary pieces
        session.buffer += wire[cut:cut + 7919]
        session._frames()
    assert session.pending == payloads
    assert session.buffer == bytearray()


def test_a_fragmented_message_is_joined_and_a_ping_answered() -> None:
    session = _session()
    session.buffer += (_wire(Frame(Opcode.BINARY, b"ab", fin=False))
                       + _wire(Frame(Opcode.PING, b"p"))
                       + _wire(Frame(Opcode.CONT, b"cd", fin=True)))
    session._frames()
    assert session.pending == [b"abcd"]
    assert session.ws.pongs == [b"p"]  # type: ignore[attr-defined]


def test_a_close_frame_ends_the_session() -> None:
    session = _session()
    session.buffer += _wire(Frame(Opcode.CLOSE, b"\x03\xe8"))
    with pytest.raises(lean.ConnectionClosed):
        session._frames()
