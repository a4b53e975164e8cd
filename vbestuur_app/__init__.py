"""vbestuur_app: the Streamlit layer over `vbestuur_engine`.

Why a separate package: the engine stays pure (no Streamlit import) and testable on its own;
this package only turns engine results into pages, and keeps a person's answers in the browser
session. Nothing here decides advice: every advice, step and checklist status comes from
`Engine.walk`.
"""
