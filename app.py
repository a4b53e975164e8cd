"""vbestuur: the Streamlit entry point (a thin layer over vbestuur_engine)."""

import streamlit as st

from vbestuur_engine import Engine

st.set_page_config(page_title="Veilig Bestuur", page_icon="🛡️")
engine = Engine.load()
st.title("Veilig Bestuur")
st.write("Bent u nu in gevaar? Bel 112.")
for flow in engine.content.flows.values():
    st.write(flow.question.nl)
