"""Workshop mode (issue 6): facilitator, presenter view, participant view and summary export.

Why a package of its own: the feature was built next to the storage integration and the
netwerklijst; its pages are `vbestuur_app.pages.{workshop,meedoen,scherm}` and its words are in
the one gettext catalogue (`vbestuur_service/locale`). Storage rules (k threshold, PIN, one
vote per person) are enforced in `vbestuur_store`, so these modules only draw and call.
"""
