"""The first-run setup wizard and the small forms it shares with the parental panel."""
