-- GET /shipments/{id} with a bearer token: each request a random shipment of the sample file,
-- which the token's user may see.
-- wrk -s bench/wrk/shipment.lua http://127.0.0.1:PORT -- shipment-ids.txt ACCESS_TOKEN
local threads = 0
local requests = {}

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  local headers = { ["Authorization"] = "Bearer " .. args[2], ["Accept"] = "application/json" }
  for id in io.lines(args[1]) do
    if id ~= "" then
      requests[#requests + 1] = wrk.format("GET", "/shipments/" .. id, headers)
    end
  end
  assert(#requests > 0, "no shipment ids in " .. tostring(args[1]))
end

function request()
  return requests[math.random(#requests)]
end
