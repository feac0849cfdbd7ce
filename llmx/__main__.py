from llmx.cli import app

app(prog_name="llmx")
