"""vbestuur's application layer: the use cases between the web pages and the engine and store.

Why a layer of its own: the pages should only draw and call; what a visitor's data is, how a
use case changes it and how a storage failure becomes a calm message code are decided here,
once, in plain Python that tests can call without Streamlit. This package never imports
Streamlit or the web layer (an import-linter contract checks it).
"""
