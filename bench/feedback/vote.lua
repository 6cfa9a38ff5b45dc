-- wrk script: every request is a vote from a distinct client (X-Forwarded-For,
-- believed because the benchmark server trusts 127.0.0.1 as its proxy) on a distinct
-- page (LuaJIT: bit ops through the bit library), so nothing is rate-limited or collapsed: each request is one committed insert.
local counter = 0
local thread_id = 0

setup = function(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

request = function()
  counter = counter + 1
  local n = thread_id * 1000000 + counter
  local body = "port=" .. (n % 65536) .. "&lang=en&choice=unhelpful"
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", bit.band(bit.rshift(n, 16), 255), bit.band(bit.rshift(n, 8), 255), bit.band(n, 255)),
  }
  return wrk.format("POST", "/api/v1/feedback", headers, body)
end

done = function(summary, latency, requests)
  io.write(string.format("votes/s %.0f  p50 %.2f ms  p99 %.2f ms  errors %d  non-2xx %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
