"""The PIN-locked parental panel and its pages."""
