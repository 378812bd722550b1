"""When reminders and limit warnings are due (R3, R5, R6, R8); texts live in resources/reminders/.

Modules: ``events`` (typed events), ``schedule`` (which due points are reached), ``log`` (what
was shown, so each due point fires once), ``dependence`` (the R3 signals).
"""
