-- POST /agents/me/locations: a batch of POINTS points (default 10) taken in the last second, each
-- request as a random agent of the token file (one access token a line), so that concurrent
-- batches move different agents' latest positions as phones in the field do.
-- wrk -s bench/wrk/locations.lua http://127.0.0.1:PORT -- agent-tokens.txt [POINTS]
local threads = {}
local headers = {}
local tokens = {}
local points = 10
local counter = 0

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  for token in io.lines(args[1]) do
    if token ~= "" then
      tokens[#tokens + 1] = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
                              ["Accept"] = "application/json" }
    end
  end
  assert(#tokens > 0, "no tokens in " .. tostring(args[1]))
  points = tonumber(args[2] or "10")
end

-- Each point of a thread gets its own microsecond, so no two points of an agent share a time.
function request()
  local second = os.date("!%Y-%m-%dT%H:%M:%S", os.time() - 1)
  local parts = {}
  for i = 1, points do
    counter = counter + 1
    local micros = (counter * 16 + (thread_number or 0)) % 1000000
    parts[i] = string.format('{"lat":%.6f,"lon":%.6f,"accuracy_m":%d,"recorded_at":"%s.%06dZ"}',
      12.9 + math.random() * 0.2, 77.5 + math.random() * 0.2, math.random(3, 30), second, micros)
  end
  return wrk.format("POST", "/agents/me/locations", tokens[math.random(#tokens)],
    '{"points":[' .. table.concat(parts, ",") .. ']}')
end

-- The first answer that is not 2xx, per thread, printed at the end: wrk itself only counts them.
function response(status, headers, body)
  if status >= 300 and not unexpected then
    unexpected = status .. " " .. body
  end
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local answer = thread:get("unexpected")
    if answer then
      io.write("Unexpected answer: ", answer, "\n")
    end
  end
end
