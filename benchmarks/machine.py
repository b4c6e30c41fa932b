"""How fast this machine is right now, printed beside every benchmark figure."""

import time


def machine_speed_ms() -> float:
    """A fixed pure-Python loop, best of five: how fast this machine is right now, so that
    figures from different days (or a shared, throttled machine) can be compared."""
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        sum(number * number for number in range(200_000))
        timings.append((time.perf_counter() - started) * 1000)
    return min(timings)
