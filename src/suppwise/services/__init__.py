"""The use cases every shell calls, one function each: the CLI, the web pages and the JSON API parse
input, call a function here and render what it returns.

`answers` asks and checks against the evidence base; `trials` plans, logs, stops and reports
personal trials; `accounts` exports and deletes an account; `consent` holds pooling consent;
`pool` and `pool_evidence` pool consented trials into new evidence. The evidence base itself
(`evidence_base`) is also here, where tools and tests have always found it."""

from suppwise.services.answers import evidence_base

__all__ = ["evidence_base"]
