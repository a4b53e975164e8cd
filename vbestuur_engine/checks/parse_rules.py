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
parse_rule("MISSING-FILE", """`rules/steps.yaml`, `rules/facts.yaml`, `rules/terms.yaml` and
`rules/workshop.yaml` must exist.

PASS: a content folder with all four files
FAIL: a content folder without `rules/terms.yaml`
""")
parse_rule("DUPLICATE-ID", """Ids of steps, facts, terms, advice, flows, workshop polls and
workshop prompts are unique across all files.

PASS: two advice items `bel-112` and `meld-altijd`
FAIL: two advice items both called `bel-112`
""")
parse_rule("FILE-NOT-REGULAR", """Content is read only from regular files inside the content
folder: a FIFO, a device, a directory named `*.yaml`, a link loop, a dangling link or a link
that leads out of the folder is refused (reported at line 1).

PASS: `flows/melden.yaml` is a file, or a link to a file in the same content folder
FAIL: `flows/x.yaml` is a link to `/dev/zero`, a named pipe, or a link to itself
""")
parse_rule("FILE-TOO-LARGE", """A content file is at most 2 MiB (2,097,152 bytes); the largest
real file is 16 kB. Larger files are refused before they are parsed.

PASS: a flow file of 16 kB
FAIL: a 50 MB file with a list of 7.5 million items
""")
parse_rule("TOO-DEEP", """Lists and mappings are nested at most 50 levels deep (real content
needs about 15), also when an alias puts one inside another.

PASS: `when: {all: [{question: q1, is: [ja]}]}`
FAIL: `steps: [[[[ ... 14 ... ]]]]` with 990 brackets
""")
parse_rule("TOO-MANY-VALUES", """A file holds at most 1,000,000 values, aliases counted at their
full size, so an alias bomb ("billion laughs") is refused at once instead of expanded.

PASS: `title: &t {nl: Melden, en: Reporting}` and later `title: *t`
FAIL: nine anchors `aN: &aN [*aM, *aM, ...]` each ten times the one before
""")
parse_rule("VALUE-TOO-LONG", """A text has at most 20,000 characters, a number at most 50.

PASS: `steps: [14]`
FAIL: `steps: [1111…]` with 5,000 digits
""")
parse_rule("KEY-NOT-PLAIN", """A key is a plain word or number: not a list or mapping (not an
alias to one either), and not YAML's merge key `<<`. Write the keys out in full.

PASS: `summary: {nl: Samenvatting, en: Summary}`
FAIL: `summary: {<<: *t}` or `? [a, b]`
""")
parse_rule("ALIAS-LOOP", """An alias may not point at a list or mapping that contains it: the
value would never end.

PASS: `steps: &s [14]` and later `checklist_steps: *s`
FAIL: `steps: &r [14, *r]`
""")
