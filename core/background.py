"""Work done after the answer has gone: one worker thread per process, in order.

For work whose duration would otherwise tell a visitor something, such as whether an
address has an account (a password reset mails a known address and does nothing for an
unknown one). Not a job queue: the work is small, and lost if the process dies.
"""

import logging
import queue
import threading

logger = logging.getLogger(__name__)
_jobs: queue.Queue = queue.Queue()
_lock = threading.Lock()
_worker: threading.Thread | None = None


def _work():
    while True:
        job = _jobs.get()
        try:
            job()
        except Exception:  # one failed job must not stop the ones after it
            logger.exception("background job failed")
        finally:
            _jobs.task_done()


def run_in_background(job) -> None:
    """Run `job()` on this process's worker thread, soon, never on the request's own time."""
    global _worker
    with _lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_work, name="background-jobs", daemon=True)
            _worker.start()
    _jobs.put(job)


def wait_until_idle() -> None:
    """Block until every job queued so far has run (tests, and a worker shutting down)."""
    _jobs.join()
