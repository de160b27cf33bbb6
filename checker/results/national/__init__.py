"""National results: a `results/<dataset>/dataset.yaml` and its CSV of polling stations, read
into columns (`stations`), checked against the protocol's control relations (`protocol`),
tested for integer percentages (`integers`) and summed (`figures`).

Why columns and not the RDF Data Cube of `checker/results/data.py`: 95,225 stations × 28
counts would be some 2.7 million observations, and the figures need only sums over columns
(measured in benchmarks/README.md, "National results"). The graph receives only what the
verdicts and the pages need.
"""
