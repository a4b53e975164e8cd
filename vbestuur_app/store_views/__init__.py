"""The screens of issue 5: keeping answers, resuming, forgetting, and the griffie's pages.

Why a package of small modules: each screen is short and reads the store only through
`vbestuur_app.persistence`, so the views never hold a database handle and never see an
exception from the store (it becomes a notice in the person's language).
"""
