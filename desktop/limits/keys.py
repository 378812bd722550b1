"""The purpose name under which the usage ledger's HMAC key is derived from the settings key.

One constant, shared by the app (ClockGuard, LimitsService) and the reports, which must verify
the same ledger rows with the same key.
"""

LEDGER_KEY_PURPOSE = "limits.ledger"
