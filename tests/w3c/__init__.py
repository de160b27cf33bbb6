"""The W3C SHACL test suite (suite/, a verbatim copy: README.md) and the harness that runs an
engine on it (harness.py)."""
