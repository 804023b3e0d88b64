-- GET /track/{tracking_number}, public: each request a random number of the sample file.
-- wrk -s bench/wrk/track.lua http://127.0.0.1:PORT -- tracking-numbers.txt
local threads = 0
local requests = {}

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_number or 0))
  for number in io.lines(args[1]) do
    if number ~= "" then
      requests[#requests + 1] = wrk.format("GET", "/track/" .. number)
    end
  end
  assert(#requests > 0, "no tracking numbers in " .. tostring(args[1]))
end

function request()
  return requests[math.random(#requests)]
end
