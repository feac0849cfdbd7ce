"""`llmx serve`: a loopback OpenAI-compatible server whose model answers from the rules backend.

http.py serves the routes, chat.py decides each chat answer (and injects faults), batch.py is the
Batch API, wire.py the OpenAI shapes they all write. Tests, benchmarks and `llmx record --local`
use it to drive the LLM path over real HTTP without any external model.
"""

from llmx.serve.chat import FABRICATED_QUOTE, FAULTS, SERVED_MODEL, ServerConfig, parse_fault_script
from llmx.serve.http import RulesServer

__all__ = ["FABRICATED_QUOTE", "FAULTS", "SERVED_MODEL", "RulesServer", "ServerConfig", "parse_fault_script"]
