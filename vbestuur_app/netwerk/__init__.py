"""The netwerklijst page (issue 7): edit the list, export it, and link to it from results.

Why a package: the page, its form, the store access, the hooks for the result view and one
builder per export format each stay small and testable. The rules (valid rows, when step 6 is
done) live in `vbestuur_engine.netwerklijst`; this package only shows, stores and exports.
"""
