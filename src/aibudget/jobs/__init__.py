"""Background work: nightly plan checks, reminder and reset e-mails, big reports.

The jobs are plain functions (:mod:`aibudget.jobs.work`) bound to a Celery queue with
Redis as broker (:mod:`aibudget.jobs.queue`). One switch, ``AIBUDGET_JOBS_IN_PROCESS``,
runs the same functions in the calling process (the laptop default: no broker).
"""
