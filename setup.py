"""Package layout only (metadata is in pyproject.toml): the top-level prompts/ and schemas/
folders ship inside the wheel as package data, `llmx/_prompts` and `llmx/_schemas`.

pyproject.toml alone cannot add mapped folders to the packages it finds, hence this file;
llmx/resources.py is the one place that locates them at run time.
"""

from setuptools import find_packages, setup

DATA = {"llmx._prompts": "prompts", "llmx._schemas": "schemas"}

setup(
    packages=[*find_packages(include=["llmx", "llmx.*"]), *DATA],
    package_dir=DATA,
    package_data={"llmx": ["py.typed"], "llmx._prompts": ["*.jinja"], "llmx._schemas": ["*.json"]},
    exclude_package_data={"llmx._prompts": ["*.py"], "llmx._schemas": ["*.py"]},
)
