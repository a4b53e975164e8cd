"""The page "Mijn netwerklijst": the list, whether step 6 is done, the form, the exports.

Why every typed text goes through `plain()`: a name like `<script>` or `**x**` must show as
exactly those characters. The app never allows HTML, and escaping Markdown keeps links,
images and formatting out of anything a person (or a pasted text) wrote. The only link built
from a row is `tel:`, made from the digits of a number that passed the phone check.
"""

from __future__ import annotations

import streamlit as st

from vbestuur_engine import Engine
from vbestuur_engine.netwerklijst import (
    MAX_ROWS,
    NetworkList,
    NetworkRow,
    missing,
)
from vbestuur_service.i18n.words import NW_MISSING

from ..i18n import _, pgettext
from ..widgets import heading, plain
from . import actions, downloads, editor, store
from .labels import display_name, kind_label
from .to_vcard import tel_uri


def render() -> None:
    """Draw the page for this session's list."""
    engine, lang, local = store.context()
    network = store.current(engine, lang, local)
    heading(_("Mijn netwerklijst"), 1)
    st.markdown(_(
        "Stap 6 van de leidraad: zorg dat u een actuele lijst heeft met de belangrijkste namen "
        "en telefoonnummers. Deze lijst begint met de landelijke nummers en de afspraken van uw "
        "gemeente. Vul hem aan met uw eigen vertrouwenspersonen en sparringpartners. Spreek hun "
        "rol vooraf met hen af."))
    st.caption(_(
        "Uw lijst wordt bewaard onder uw eigen code, net als uw antwoorden."
    ) if store.token() else _(
        "Uw lijst blijft alleen in dit browservenster. Download hem voordat u het venster "
        "sluit."))
    status(engine, network)
    _notice()
    editing = editor.editing()
    for index, row in enumerate(network.rows):
        if index == editing:
            editor.form(lang)
        else:
            _row(index, row, len(network.rows), lang, locked=editing is not None)
    if editing == editor.NEW or (editing is not None and editing >= len(network.rows)):
        editor.form(lang)
    left, right = st.columns(2)
    with left:
        st.button(_("Contact toevoegen"), key="nw:add", on_click=editor.start, args=(None,),
                  icon=":material/person_add:", width="stretch",
                  disabled=editing is not None or len(network.rows) >= MAX_ROWS)
    with right:
        st.button(_(
            "Landelijke en gemeentelijke regels terugzetten"
        ), key="nw:restore", on_click=actions.restore,
                  icon=":material/settings_backup_restore:", width="stretch",
                  disabled=editing is not None)
    downloads.render(network, lang)


def status(engine: Engine, network: NetworkList | None) -> None:
    """Done, or what is still missing for step 6 (the same rule as the checklist)."""
    gaps = missing(network, engine.content)
    with st.container(key="nw-status"):
        if not gaps:
            st.success(_(
                "Stap 6 is klaar: uw lijst heeft de landelijke nummers, een contactpersoon bij "
                "de politie en een eigen vertrouwenspersoon."), icon="✅")
            return
        lines = "\n".join(f"- {_(NW_MISSING[gap])}" for gap in gaps)
        open_text = _("Uw lijst is nog niet compleet. Dit ontbreekt nog:")
        st.warning(f"{open_text}\n\n{lines}", icon="📝")


def _notice() -> None:
    notice = actions.pop_notice()
    if notice is None:
        return
    if notice.code == "saved":
        st.success(_("Opgeslagen."))
    elif notice.code == "kept":
        st.info(_("Uw wijziging staat in dit venster, maar is niet bewaard."))
    elif notice.code == "full":
        st.warning(_(
            "De lijst is vol: hoogstens {limit} regels. Haal eerst een regel weg.",
            limit=MAX_ROWS))
    elif notice.code == "removed":
        name, index, data = (notice.params[k] for k in ("name", "index", "row"))
        with st.container(key="nw-removed"):
            st.info(_("Weggehaald: {name}", name=plain(name)))
            st.button(_("Terugzetten"), key="nw:undo", on_click=actions.undo, args=(index, data),
                      icon=":material/undo:")


def _row(index: int, row: NetworkRow, count: int, lang: str, locked: bool) -> None:
    """One contact as text, with buttons to change, move and remove it.

    While a form is open the buttons are off: moving or removing rows then would make the form
    save over another row than the one it was opened for.
    """
    with st.container(border=True, key=f"nwrow-{index}"):
        title = plain(display_name(row.name, row.role, lang))
        st.markdown(f"**{title}** · {plain(kind_label(row.kind, lang))}")
        if row.name and row.role:
            st.markdown(plain(row.role))
        if row.phone:
            st.markdown(f"📞 [{plain(row.phone)}](tel:{tel_uri(row.phone)})")
        elif row.kind == "gemeente":
            st.warning(_("Telefoonnummer nog in te vullen"), icon="📝")
        else:
            no_phone_text = _("nummer nog invullen")
            st.caption(f"📞 {no_phone_text}")
        if row.note:
            st.caption(plain(row.note))
        if row.source:
            st.caption(_(
                "Bron: {source}; gecontroleerd op {checked}", source=plain(row.source),
                checked=plain(row.checked)))
        _buttons(index, count, locked)


def _buttons(index: int, count: int, locked: bool) -> None:
    """Four buttons side by side, wrapping on a phone instead of stacking four rows high."""
    with st.container(horizontal=True, gap="small", key=f"nwbtn-{index}"):
        st.button(pgettext(
            "button: edit a row",
            "Wijzigen"), key=f"nw:edit:{index}", on_click=editor.start, args=(index,),
                  icon=":material/edit:", disabled=locked)
        st.button(_("Omhoog"), key=f"nw:up:{index}", on_click=actions.move, args=(index, -1),
                  icon=":material/arrow_upward:", disabled=locked or index == 0)
        st.button(_("Omlaag"), key=f"nw:down:{index}", on_click=actions.move,
                  args=(index, 1), icon=":material/arrow_downward:",
                  disabled=locked or index == count - 1)
        st.button(_("Weghalen"), key=f"nw:remove:{index}", on_click=actions.remove,
                  args=(index,), icon=":material/delete:", disabled=locked)
