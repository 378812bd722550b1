"""The family: one guardian account and the children's profiles."""
