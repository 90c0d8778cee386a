"""The owner's words for what the engine computes, shared by the web pages, the API, the
reports and the command line: texts, JSON documents and their parts. Terminal printing
lives in ``aibudget.cli``; nothing here imports it."""
