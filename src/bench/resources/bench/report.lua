-- Appended to every benchmark script: prints one machine-readable line that ServerBenchmark parses.
-- wrk counts a response with a status of 400 or more as a status error.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "GATEHOUSE-BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50.0), latency:percentile(99.0),
    e.status, e.connect + e.read + e.write + e.timeout))
end
