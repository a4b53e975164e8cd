"""The pages and screens of the app, one module each.

Why a shared `Ctx`: every screen needs the same four things (engine, flow, language,
municipality values); passing one frozen object keeps signatures short and makes it obvious
that a screen only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass

from vbestuur_engine import CompiledFlow, Engine
from vbestuur_engine.schema import LocalValues


@dataclass(frozen=True)
class Ctx:
    """What a screen reads: never changed while a page is drawn."""

    engine: Engine
    compiled: CompiledFlow
    lang: str
    local: LocalValues | None

    @property
    def flow_id(self) -> str:
        return self.compiled.id
