"""The companion: personas, the guarded conversation pipeline and the model backends."""
