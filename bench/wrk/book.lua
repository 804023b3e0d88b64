-- POST /shipments as a customer: a booking from one of the hub cities (so that hub routing has
-- work to do) to another, with the usual optional fields.
-- wrk -s bench/wrk/book.lua http://127.0.0.1:PORT -- ACCESS_TOKEN
local threads = {}
local cities = { "Chennai", "Bangalore", "Mumbai", "Delhi", "Kolkata", "Hyderabad", "Pune", "Jaipur" }
local headers

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  headers = { ["Authorization"] = "Bearer " .. args[1], ["Content-Type"] = "application/json",
              ["Accept"] = "application/json" }
end

function request()
  local from = math.random(#cities)
  local to = (from + math.random(#cities - 1) - 1) % #cities + 1
  local grams = math.random(100, 25000)
  local body = string.format('{"source_address":"%d Station Road, %s","destination_address":"%d Market Street, %s",'
      .. '"recipient_name":"Bench Recipient","recipient_phone":"+919800000000","weight_kg":%d.%03d,'
      .. '"description":"bench booking"}',
      math.random(250), cities[from], math.random(250), cities[to], math.floor(grams / 1000), grams % 1000)
  return wrk.format("POST", "/shipments", headers, body)
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
