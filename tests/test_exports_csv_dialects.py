"""The two CSV dialects of every CSV export: "CSV (standaard)" and "CSV voor Excel (Nederlands)".

Why: Dutch Excel splits on `;` and reads UTF-8 only after a BOM; a comma file without a BOM opens
as one column of mojibake. The Excel-NL file must parse back in columns with `;`, keep ë/’/€, and
still neutralise formula cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from vbestuur_app.exports import build_csv, build_csv_excel_nl
from vbestuur_app.exports.organisation import build_org_csv
from vbestuur_app.exports.to_csv import BOM
from vbestuur_app.i18n import _
from vbestuur_app.netwerk.to_csv import build_csv as build_network_csv
from vbestuur_engine import Engine
from vbestuur_engine import netwerklijst as nw
from vbestuur_engine.schema import LocalValues, Text
from vbestuur_store import OrgItem

DUTCH = "Zoë’s café; € 50, ‘ja’"
FORMULA = "=1+1"
SCRIPT = {"rol": "raadslid", "gevaar": "nee", "vormen": ["bedreiging"], "gemeld": "nee"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load()


def _result(engine: Engine, dialect: str) -> str:
    local = LocalValues(municipality=DUTCH, values={"meldprocedure": Text(nl=DUTCH, en=DUTCH)})
    progress = engine.walk("voorbeeld", SCRIPT)
    if dialect == "excel-nl":
        return build_csv_excel_nl(engine, progress, "nl", local)
    return build_csv(engine, progress, "nl", local)


def _network(engine: Engine, dialect: str) -> str:
    row = nw.NetworkRow(kind="eigen", name=DUTCH, role=FORMULA, phone="06 12345678")
    network = nw.replace_row(nw.initial_list(engine.content, None, "nl"), None, row)
    return build_network_csv(network, "nl", dialect)  # type: ignore[arg-type]


def _organisation(engine: Engine, dialect: str) -> str:
    steps = sorted(engine.content.steps.values(), key=lambda s: s.id)
    item = OrgItem(step_id=2, status="geregeld", owner=DUTCH, note=FORMULA, version=1,
                   updated_by="griffie", updated_at=dt.datetime(2026, 7, 1, 9, 30))
    return build_org_csv(steps, [item], "nl", dialect)  # type: ignore[arg-type]


BUILDERS = {"result": _result, "netwerklijst": _network, "organisation": _organisation}


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_excel_nl_opens_in_columns_with_dutch_characters(engine: Engine, kind: str) -> None:
    text = BUILDERS[kind](engine, "excel-nl")
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for Excel"
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM)), delimiter=";"))
    widths = {len(row) for row in rows}
    assert len(widths) == 1 and widths.pop() > 3, "every row in the same, many columns"
    cells = [cell for row in rows for cell in row]
    if kind != "result":
        assert DUTCH in cells, "a `;` inside a value is quoted, not a column break"
        assert "'" + FORMULA in cells and FORMULA not in cells
    assert "ë" in text and "€" in text and "’" in text


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_standard_csv_is_comma_separated_without_bom(engine: Engine, kind: str) -> None:
    text = BUILDERS[kind](engine, "standard")
    assert not text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text)))
    assert len({len(row) for row in rows}) == 1 and len(rows[0]) > 3
    assert rows == list(csv.reader(io.StringIO(
        BUILDERS[kind](engine, "excel-nl").removeprefix(BOM)), delimiter=";")), \
        "both dialects hold the same cells"


def test_organisation_csv_shows_local_time(engine: Engine) -> None:
    assert "1 juli 2026 11:30" in _organisation(engine, "standard")  # 09:30 UTC, summer


def test_the_two_csv_buttons_say_which_is_which() -> None:
    assert _("CSV (standaard)", "nl") == "CSV (standaard)"
    assert _("CSV voor Excel (Nederlands)", "nl") == "CSV voor Excel (Nederlands)"
    assert _("CSV voor Excel (Nederlands)", "en") == "CSV for Excel (Dutch)"
