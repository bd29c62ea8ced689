-- POST /v1/permissions/check with one question per request, cycling through the (user, type, id)
-- lines of the file named by the first script argument; each thread starts at its own place.
local bodies = {}
local n = 0
local i = 0

function init(args)
  for line in io.lines(args[1]) do
    local user, kind, id = line:match("^(%S+) (%S+) (%S+)$")
    n = n + 1
    bodies[n] = string.format('{"items":[{"user":"%s","resource":{"type":"%s","id":"%s"}}]}', user, kind, id)
  end
  i = (thread_id * 7919) % n
  wrk.method = "POST"
  wrk.path = "/v1/permissions/check"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  i = i % n + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
