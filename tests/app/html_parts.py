"""Read the result page's `st.html` blocks as AppTest sees them (`at.get("html")`).

Why a parser: the advice cards, the folds and the checklist are fixed HTML around escaped
text (vbestuur_app/views/result_html.py), not one Streamlit element each, so the AppTest
suites find them the way a browser would: by tag, `data-key` and `<summary>` label, with
html.parser (standard library), in page order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from streamlit.testing.v1 import AppTest


@dataclass
class Part:
    """One element of the HTML: its tag, attributes and the text inside it (all of it)."""

    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Part] = field(default_factory=list)


VOID = {"br", "img", "hr", "input", "meta", "link", "wbr"}


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Part("root", {})
        self.stack = [self.root]
        self.all: list[Part] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        part = Part(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(part)
        self.all.append(part)
        if tag not in VOID:
            self.stack.append(part)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        for part in self.stack:
            part.text += data


def html_bodies(at: AppTest) -> list[str]:
    """The bodies of every `st.html` on the page, in order."""
    return [str(e.proto.body) for e in at.get("html")]


def parse(body: str) -> list[Part]:
    """Every element of one HTML body, in order."""
    tree = _Tree()
    tree.feed(body)
    tree.close()
    return tree.all


def parts(at: AppTest) -> list[Part]:
    """Every element of every `st.html` block, in page order."""
    return [part for body in html_bodies(at) for part in parse(body)]


def keys_in_body(body: str, prefix: str) -> list[str]:
    """The `data-key`s (without `prefix`) of one body that start with `prefix`, in order."""
    keys = [p.attrs.get("data-key", "") for p in parse(body)]
    return [k[len(prefix):] for k in keys if k.startswith(prefix)]


def data_keys(at: AppTest, prefix: str) -> list[str]:
    """The `data-key`s (without `prefix`) that start with `prefix`, in page order."""
    keys = [p.attrs.get("data-key", "") for p in parts(at)]
    return [k[len(prefix):] for k in keys if k.startswith(prefix)]


def headings(at: AppTest, tag: str) -> list[str]:
    """The text of every `<h2>`/`<h3>` in the blocks."""
    return [p.text.strip() for p in parts(at) if p.tag == tag]


def summaries(at: AppTest) -> list[str]:
    """The labels of every native fold (`<summary>`), in page order."""
    return [p.text.strip() for p in parts(at) if p.tag == "summary"]


def keyed(at: AppTest, key: str) -> Part:
    """The one element with this `data-key`."""
    found = [p for p in parts(at) if p.attrs.get("data-key") == key]
    assert len(found) == 1, (key, len(found))
    return found[0]


def block_text(at: AppTest) -> str:
    """All text of the blocks (entities decoded), for "is this sentence shown"."""
    return "\n".join(p.text for p in parts(at) if p.tag == "div" and "vb-result" in
                     p.attrs.get("class", ""))
