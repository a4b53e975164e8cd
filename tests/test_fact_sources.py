"""The facts carry where and when they were read, and state no figure the sources did not give.

Why: people under threat act on these facts. The 2026-12 fact check found a maximum penalty for
threats (art. 285 Sr) quoted from a 2018 newspaper while a 2021 law raised it; the consolidated
law text could not be read, so the fact must not state a number at all. Every fact re-read on
or after 2026-12-01 names the address it was read at, and a phone number the network list
pre-fills is one that its own fact states.
"""

from __future__ import annotations

import re

import pytest

from vbestuur_engine import Engine

ENGINE = Engine.load()
FACTS = ENGINE.content.facts
READ_IN_DECEMBER = sorted(f for f, v in FACTS.items() if v.checked >= "2026-12-01")


@pytest.mark.parametrize("fact_id", READ_IN_DECEMBER)
def test_a_fact_read_in_december_2026_names_its_address(fact_id: str) -> None:
    url = FACTS[fact_id].source.url
    assert url is not None and re.match(r"^https?://[\w.-]+\.[a-z]{2,}/", url), (fact_id, url)


def test_the_threat_fact_states_no_maximum_penalty() -> None:
    statement = FACTS["bedreiging-art-285"].statement
    assert not re.search(r"\d+\s*jaar", statement.nl), statement.nl
    assert not re.search(r"\d+\s*years?", statement.en), statement.en
    assert "2021" in statement.nl and "2021" in statement.en


@pytest.mark.parametrize("fact_id", sorted(f for f, v in FACTS.items() if v.contact))
def test_a_pre_filled_number_is_stated_in_its_own_fact(fact_id: str) -> None:
    fact = FACTS[fact_id]
    assert fact.contact is not None
    assert fact.contact.phone in fact.statement.nl and fact.contact.phone in fact.statement.en



def test_physical_violence_rests_on_the_assault_fact_not_the_threat_fact() -> None:
    # Why: being hit or kicked is assault (art. 300 Sr), not a threat (art. 285 Sr); the advice
    # telling the person to file a complaint must cite the article that covers what happened.
    cited = ENGINE.content.advice["strafbaar-fysiek"].facts
    assert "mishandeling-art-300" in cited and "bedreiging-art-285" not in cited, cited
    statement = FACTS["mishandeling-art-300"].statement
    assert "artikel 300" in statement.nl and "article 300" in statement.en
    assert not re.search(r"\d+\s*jaar", statement.nl), statement.nl
