-- PUT /shipments/{id}/status as the assigned agent: an in_transit scan at a hub, for a random
-- in-transit shipment of the sample file. in_transit -> in_transit is always legal (a new scan),
-- so every request is a real status change that writes history and events.
-- wrk -s bench/wrk/scan.lua http://127.0.0.1:PORT -- shipment-ids.txt ACCESS_TOKEN
local threads = {}
local cities = { "Chennai", "Bangalore", "Mumbai", "Delhi", "Kolkata", "Hyderabad", "Pune", "Jaipur" }
local ids = {}
local headers

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  headers = { ["Authorization"] = "Bearer " .. args[2], ["Content-Type"] = "application/json",
              ["Accept"] = "application/json" }
  for id in io.lines(args[1]) do
    if id ~= "" then
      ids[#ids + 1] = id
    end
  end
  assert(#ids > 0, "no shipment ids in " .. tostring(args[1]))
end

function request()
  local body = '{"status":"in_transit","location":"' .. cities[math.random(#cities)] .. ' hub"}'
  return wrk.format("PUT", "/shipments/" .. ids[math.random(#ids)] .. "/status", headers, body)
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
