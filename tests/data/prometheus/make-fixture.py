#!/usr/bin/env python3
"""Writes fixture.om: three hours of made-up metrics at a 15 s interval, ending 2026-11-24T10:00:00Z.

Every value is a simple function of the sample index k (0..720), so tests can assert exact PromQL results:
  fb_queue_depth{service="checkout"}            gauge   100 + k % 37
  fb_queue_depth{service="payment"}             gauge   7.5
  fb_http_requests_total{service="checkout",code="200"}  counter 1000 + 30 k   (2 /s)
  fb_http_requests_total{service="checkout",code="500"}  counter 3 k           (0.2 /s)
  fb_http_requests_total{service="payment",code="200"}   counter 15 k          (1 /s)
  fb_request_duration_seconds{service="checkout"} histogram, per 15 s: 10 <= 0.1, 20 <= 0.25, 28 <= 0.5,
                                                  30 <= 1, 30 in all; sum grows by 6 per 15 s
Timestamps are in seconds (promtool reads them so), in order, and the file ends with "# EOF".
Run it again only to change the data; tests/integration/tst_prometheusclient.cpp knows these numbers.
"""
import sys

END = 1795514400  # 2026-11-24T10:00:00Z
STEP = 15
SAMPLES = 721  # k = 0..720, three hours
START = END - (SAMPLES - 1) * STEP
BUCKETS = [("0.1", 10), ("0.25", 20), ("0.5", 28), ("1", 30), ("+Inf", 30)]


def times():
    for k in range(SAMPLES):
        yield k, START + k * STEP


def main(out):
    w = out.write
    w("# HELP fb_queue_depth Items waiting in the queue.\n# TYPE fb_queue_depth gauge\n")
    for k, t in times():
        w(f'fb_queue_depth{{service="checkout"}} {100 + k % 37} {t}\n')
    for k, t in times():
        w(f'fb_queue_depth{{service="payment"}} 7.5 {t}\n')
    w("# HELP fb_http_requests Requests served.\n# TYPE fb_http_requests counter\n")
    for service, code, base, per in (("checkout", "200", 1000, 30), ("checkout", "500", 0, 3), ("payment", "200", 0, 15)):
        for k, t in times():
            w(f'fb_http_requests_total{{service="{service}",code="{code}"}} {base + per * k} {t}\n')
    w("# HELP fb_request_duration_seconds Request latency.\n# TYPE fb_request_duration_seconds histogram\n")
    for k, t in times():
        for le, per in BUCKETS:
            w(f'fb_request_duration_seconds_bucket{{service="checkout",le="{le}"}} {per * k} {t}\n')
        w(f'fb_request_duration_seconds_count{{service="checkout"}} {30 * k} {t}\n')
        w(f'fb_request_duration_seconds_sum{{service="checkout"}} {6 * k} {t}\n')
    w("# EOF\n")


if __name__ == "__main__":
    main(sys.stdout)
