-- wrk has no arrival rate (wrk2 is not in Debian): pace each connection with a fixed delay
-- between its requests, so that `connections / delay` is about the requested rate, and report
-- the latency percentiles (microseconds, from the actual send) in a line the script parses.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")

function delay()
  return delay_ms
end

function done(summary, latency, requests)
  io.write(string.format("PARSE requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
