-- PATCH /v1/spaces/{space}/permissions/users/{user}: one grant per request, from the "space user" lines
-- of the file named by the first script argument (pairs without a grant beforehand). The second
-- argument is the number of threads: thread t takes lines t, t+T, t+2T, ... The role flips on each pass
-- over the list, so every request changes a grant and commits a revision.
local spaces, users = {}, {}
local n = 0
local k = 0
local step = 1

function init(args)
  for line in io.lines(args[1]) do
    local space, user = line:match("^(%S+) (%S+)$")
    n = n + 1
    spaces[n] = space
    users[n] = user
  end
  step = tonumber(args[2])
  k = thread_id
  wrk.method = "PATCH"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local at = k % n + 1
  local role = (math.floor(k / n) % 2 == 0) and "edit" or "read"
  k = k + step
  return wrk.format(nil, "/v1/spaces/" .. spaces[at] .. "/permissions/users/" .. users[at], nil,
    '{"role":"' .. role .. '"}')
end
