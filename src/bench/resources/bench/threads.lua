-- Numbers wrk's threads 0, 1, ... so each one walks its own part of a list.
local created = 0
function setup(thread)
  thread:set("thread_id", created)
  created = created + 1
end
