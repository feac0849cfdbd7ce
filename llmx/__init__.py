"""llmx: structured, source-grounded data from Vietnamese government periodic reports."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1"

__all__ = ["__version__", "SCHEMA_VERSION"]
