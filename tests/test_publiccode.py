"""publiccode.yml holds every key the publiccode.yml standard makes mandatory, with valid values.

Why written out here: the standard has no JSON Schema; its definition is the text of
`docs/standard/schema.core.rst` in publiccodeyml/publiccode.yml (version 0.7.0, commit 703f83d
of 2026-06-24, read 2026-12-01). The rules below are that text's "Presence: mandatory" keys, its
conditional rules (contacts for internal or community maintenance, contractors only for contract
maintenance, `organisation/uri` when the section is there, long description and features for
at least one language) and its value limits (enumerations, 150/10000 characters, YYYY-MM-DD).
Removing any mandatory key from the file must make `problems` name it.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from vbestuur_app.i18n import LANGS

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "publiccode.yml"
DEVELOPMENT_STATUS = ("concept", "development", "beta", "stable", "obsolete")
SOFTWARE_TYPES = ("standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
                  "standalone/backend", "standalone/other", "addon", "library",
                  "configurationFiles")
MAINTENANCE_TYPES = ("internal", "contract", "community", "none")
MANDATORY = ("publiccodeYmlVersion", "name", "url", "platforms", "developmentStatus",
             "softwareType", "description", "legal/license", "maintenance/type",
             "localisation/localisationReady", "localisation/availableLanguages")
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
PLACEHOLDER = "VUL IN"

Doc = dict[str, Any]


def get(doc: Doc, path: str) -> Any:
    """The value at a slash path such as `legal/license`, or None."""
    value: Any = doc
    for key in path.split("/"):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _mandatory(doc: Doc) -> list[str]:
    return [f"{path}: missing" for path in MANDATORY if get(doc, path) in (None, "", [], {})]


def _values(doc: Doc) -> list[str]:
    problems = []
    checks: list[tuple[str, Callable[[Any], bool], str]] = [
        ("publiccodeYmlVersion", lambda v: isinstance(v, str), "must be a string"),
        ("url", lambda v: isinstance(v, str) and v.startswith("https://"), "must be a URL"),
        ("developmentStatus", lambda v: v in DEVELOPMENT_STATUS, "unknown value"),
        ("softwareType", lambda v: v in SOFTWARE_TYPES, "unknown value"),
        ("maintenance/type", lambda v: v in MAINTENANCE_TYPES, "unknown value"),
        ("localisation/localisationReady", lambda v: isinstance(v, bool), "must be true/false"),
        ("localisation/availableLanguages",
         lambda v: isinstance(v, list) and all(LANGUAGE_TAG.match(str(t)) for t in v),
         "must be BCP 47 language tags"),
        ("releaseDate", lambda v: v is None or _is_date(v), "must be YYYY-MM-DD"),
    ]
    for path, ok, message in checks:
        value = get(doc, path)
        if value is not None and not ok(value):
            problems.append(f"{path}: {message}")
    return problems


def _is_date(value: Any) -> bool:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None


def _description(doc: Doc) -> list[str]:
    languages = get(doc, "description")
    if not isinstance(languages, dict) or not languages:
        return []  # reported as missing
    problems = []
    for lang, text in languages.items():
        short = text.get("shortDescription") if isinstance(text, dict) else None
        if not LANGUAGE_TAG.match(str(lang)):
            problems.append(f"description/{lang}: not a BCP 47 language tag")
        if not short:
            problems.append(f"description/{lang}/shortDescription: missing")
        elif len(short) > 150:
            problems.append(f"description/{lang}/shortDescription: over 150 characters")
    texts = [t for t in languages.values() if isinstance(t, dict)]
    if not any(150 <= len(t.get("longDescription") or "") <= 10000 for t in texts):
        problems.append("description/[lang]/longDescription: missing (150-10000 characters)")
    if not any(t.get("features") for t in texts):
        problems.append("description/[lang]/features: missing")
    return problems


def _maintenance(doc: Doc) -> list[str]:
    kind = get(doc, "maintenance/type")
    contacts = get(doc, "maintenance/contacts")
    contractors = get(doc, "maintenance/contractors")
    problems = []
    if kind in ("internal", "community") and not contacts:
        problems.append("maintenance/contacts: missing (required for internal or community)")
    if any(not isinstance(c, dict) or not c.get("name") for c in contacts or []):
        problems.append("maintenance/contacts/name: missing")
    if kind == "contract" and not contractors:
        problems.append("maintenance/contractors: missing (required for contract)")
    if kind != "contract" and contractors:
        problems.append("maintenance/contractors: only for contract maintenance")
    if any(not isinstance(c, dict) or not c.get("name") or not _is_date(c.get("until", ""))
           for c in contractors or []):
        problems.append("maintenance/contractors: each needs name and until (YYYY-MM-DD)")
    if get(doc, "organisation") is not None and not get(doc, "organisation/uri"):
        problems.append("organisation/uri: missing")
    return problems


def problems(doc: Doc) -> list[str]:
    """Everything in `doc` that breaks the standard's mandatory keys and value rules."""
    return _mandatory(doc) + _values(doc) + _description(doc) + _maintenance(doc)


@pytest.fixture(scope="module")
def doc() -> Doc:
    loaded = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def without(doc: Doc, path: str) -> Doc:
    changed = copy.deepcopy(doc)
    *parents, last = path.split("/")
    target = changed
    for key in parents:
        target = target[key]
    del target[last]
    return changed


def test_the_file_meets_the_standard(doc: Doc) -> None:
    assert problems(doc) == []


@pytest.mark.parametrize("path", [*MANDATORY, "maintenance/contacts",
                                  "description/nl/shortDescription"])
def test_removing_a_mandatory_key_is_caught(doc: Doc, path: str) -> None:
    assert get(doc, path) is not None, "the file has the key"
    found = problems(without(doc, path))
    assert any(p.startswith(path) for p in found), found


def test_long_description_and_features_are_needed_in_at_least_one_language(doc: Doc) -> None:
    changed = copy.deepcopy(doc)
    for text in changed["description"].values():
        text["longDescription"] = "Te kort."
        del text["features"]
    found = problems(changed)
    assert "description/[lang]/longDescription: missing (150-10000 characters)" in found
    assert "description/[lang]/features: missing" in found


@pytest.mark.parametrize(("path", "value"), [
    ("developmentStatus", "klaar"), ("softwareType", "web"), ("maintenance/type", "gemeente"),
    ("localisation/localisationReady", "ja"), ("releaseDate", "01-12-2026"),
])
def test_values_outside_the_standard_are_caught(doc: Doc, path: str, value: str) -> None:
    changed = copy.deepcopy(doc)
    *parents, last = path.split("/")
    target = changed
    for key in parents:
        target = target[key]
    target[last] = value
    assert any(p.startswith(path) for p in problems(changed))


def test_contract_maintenance_needs_contractors_and_no_one_else_may_list_them(doc: Doc) -> None:
    contract = copy.deepcopy(doc)
    contract["maintenance"] = {"type": "contract"}
    assert "maintenance/contractors: missing (required for contract)" in problems(contract)
    internal = copy.deepcopy(doc)
    internal["maintenance"]["contractors"] = [{"name": "Bedrijf", "until": "2027-12-31"}]
    assert "maintenance/contractors: only for contract maintenance" in problems(internal)


def test_the_file_agrees_with_the_project(doc: Doc) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert doc["legal"]["license"] == project["license"] == "EUPL-1.2"
    assert doc["softwareVersion"] == project["version"]
    assert tuple(doc["localisation"]["availableLanguages"]) == LANGS
    assert set(doc["description"]) == set(LANGS), "a description in Dutch and in English"
    assert doc["intendedAudience"]["countries"] == ["NL"]


def test_version_and_date_agree_with_the_changelog(doc: Doc) -> None:
    """CHANGELOG.md (Keep a Changelog) has an Unreleased section and this version's release."""
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", changelog, re.M)
    assert changelog.count("\n## [Unreleased]\n") == 1
    assert releases and releases[0] == (doc["softwareVersion"], doc["releaseDate"])


@pytest.mark.xfail(reason="the repository address and the technical contact are for the "
                          "publishing organisation to fill in (marked VUL IN)", strict=True)
def test_no_value_is_still_to_be_filled_in(doc: Doc) -> None:
    assert not [v for v in strings(doc) if PLACEHOLDER in v or "example.invalid" in v]


def strings(value: Any) -> list[str]:
    """Every string value in a loaded YAML document."""
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [value] if isinstance(value, str) else []
