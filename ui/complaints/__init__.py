"""The child's report, complaint and appeal dialogs, and the guardian's tickets page (R16, R27)."""
