"""Rules enforced while parsing; registered for documentation and for the fixture tests."""

from __future__ import annotations

from .registry import parse_rule

parse_rule("YAML-SYNTAX", """The file must be valid YAML.

PASS: `title: {nl: Melden, en: Reporting}`
FAIL: `title: {nl: Melden, en: Reporting`  (the brace is not closed)
""")
parse_rule("DUPLICATE-KEY", """A key may appear only once in a mapping; YAML would keep the last.

PASS: `next: q2`
FAIL: `next: q2` and, two lines below in the same node, `next: q3`
""")
parse_rule("UNKNOWN-KEY", """Only the keys of the content model are allowed; the message lists them.

PASS: `next: q2`
FAIL: `nxt: q2`
""")
parse_rule("MISSING-KEY", """Required keys must be present.

PASS: a question with `type`, `kind`, `text` and `options`
FAIL: a question without `text`
""")
parse_rule("MISSING-TRANSLATION", """Every user-visible text has `nl` (authoritative) and `en`.

PASS: `text: {nl: Bel 112., en: Call 112.}`
FAIL: `text: {nl: Bel 112.}`
""")
parse_rule("WRONG-TYPE", """A value must have the type the model expects.

PASS: `steps: [14, 15]`
FAIL: `steps: veertien`
""")
parse_rule("WRONG-VALUE", """A value must be one of the allowed values or match the id pattern.

PASS: `phase: vooraf`
FAIL: `phase: voor`  (allowed: vooraf, tijdens, erna)
""")
parse_rule("MISSING-FILE", """`rules/steps.yaml`, `rules/facts.yaml` and `rules/terms.yaml`
must exist.

PASS: a content folder with all three files
FAIL: a content folder without `rules/terms.yaml`
""")
parse_rule("DUPLICATE-ID", """Ids of steps, facts, terms, advice and flows are unique across all
files.

PASS: two advice items `bel-112` and `meld-altijd`
FAIL: two advice items both called `bel-112`
""")
