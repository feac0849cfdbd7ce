"""llmx: structured, source-grounded data from Vietnamese government periodic reports."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1"

__all__ = ["SCHEMA_VERSION", "__version__"]
