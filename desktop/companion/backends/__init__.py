"""Model backends: the built-in offline companion and OpenAI-compatible servers."""
