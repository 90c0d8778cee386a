"""The owner's words for what the engine computes, shared by the web pages, the API, the
reports and the command line: texts, and the JSON documents as typed models (the CLI's
``--json`` and the API's response models). It imports only ``aibudget.domain`` and
``aibudget.i18n``: what it needs from the catalogs (KPI names and units, the built-in
tiers' names) is passed in by the caller. Terminal printing lives in ``aibudget.cli``."""
