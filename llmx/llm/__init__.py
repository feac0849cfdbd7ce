"""The LLM backend: a document's plan, through a structured client, into grounded items.

plan.py (chunking.py + prompts.py: which text goes in which request, rendered) -> runner.py
(each request through a `StructuredClient`, seam.py) -> convert.py (answers, validated by
responses.py, grounded into contract items and merged). Clients: client.py (HTTP via openai and
instructor; the only importer of either), cache.py (answers already paid for), fake.py (a queue,
for tests); cassettes.py records and replays HTTP; tokens.py counts tokens.
"""
