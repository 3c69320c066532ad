"""DINAMIS Processing provider (imported as dinamis.processing_provider)."""
