"""aibudget: an AI marketing budget planner for small and medium businesses."""

__version__ = "0.1.0"
