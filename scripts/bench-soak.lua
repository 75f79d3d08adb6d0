-- mamori/scripts/bench-soak.lua
--
-- The soak of `make bench` (scripts/bench.sh): a steady mix of reads and
-- writes, as an office using mamori all day would send. Every connection waits
-- `delay` ms between requests, so the rate stays the same for the whole run.
-- Of every ten requests one is a write: a department's self-check answers sent
-- to the JSON API with the session's CSRF token (it changes the organisation,
-- so the next dashboard and register of it are worked out again).
--
-- wrk -t2 -c4 -d10m -H 'Cookie: mamori_session=...' -s scripts/bench-soak.lua \
--     http://127.0.0.1:PORT -- CSRF_TOKEN ORG_ID ITEM_COUNT DELAY_MS

local csrf, org, item_count, pause = "", "1", 25, 10
local counter = 0

function init(args)
  csrf = args[1] or ""
  org = args[2] or "1"
  item_count = tonumber(args[3] or "25")
  pause = tonumber(args[4] or "10")
  counter = math.random(0, 9)
end

function delay()
  return pause
end

local answers = { "implemented", "partial", "not_implemented", "unknown" }

local function answer_body(round)
  local parts = {}
  for item = 1, item_count do
    parts[#parts + 1] = string.format('"%d":"%s"', item, answers[(item + round) % 4 + 1])
  end
  return '{"respondent":"soak","answers":{' .. table.concat(parts, ",") .. '}}'
end

local reads = {
  "/orgs/" .. "ORG",
  "/orgs/" .. "ORG" .. "/risk/assets",
  "/api/v1/orgs/" .. "ORG" .. "/selfchecks/summary",
  "/orgs/" .. "ORG" .. "/risk/assets?page=3&level=high",
  "/healthz",
}

function request()
  counter = counter + 1
  if counter % 10 == 0 then
    -- wrk.format takes these headers instead of wrk.headers, so the session cookie given with -H
    -- is copied in (without it every write was refused with 401).
    local headers = {}
    for name, value in pairs(wrk.headers) do
      headers[name] = value
    end
    headers["Content-Type"] = "application/json"
    headers["X-CSRF-Token"] = csrf
    return wrk.format("POST", "/api/v1/orgs/" .. org .. "/selfchecks", headers, answer_body(counter))
  end
  local path = reads[counter % #reads + 1]:gsub("ORG", org)
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  io.write(string.format("soak: %d requests, %d errors (connect %d, read %d, write %d, status %d, timeout %d)\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status +
      summary.errors.timeout, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
  io.write(string.format("soak latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
