"""The server's process entry point."""

from __future__ import annotations

from threadpoolctl import threadpool_info, threadpool_limits

from aibudget.web.factory import one_blas_thread


def test_a_server_process_runs_matrix_products_on_one_thread() -> None:
    with threadpool_limits(limits=None, user_api="blas"):  # restored afterwards
        one_blas_thread()
        blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
        assert blas and all(pool["num_threads"] == 1 for pool in blas)
