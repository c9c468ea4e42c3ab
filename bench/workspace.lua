-- wrk script of the workspace load test (driven by bench/workspace-wrk.ts):
--   wrk -s bench/workspace.lua http://127.0.0.1:PORT -- URLS_FILE COOKIES_FILE [PACE_MS]
-- Each request is the next page of the mix (dashboard and explorer URLs, one per line) with the
-- next signed-in user's session cookie (one token per line); the two threads start at different
-- points of both lists so the users are interleaved. With PACE_MS each connection waits that long
-- after a response before its next request (a reader's pause; latency is counted from the send).

local urls, cookies = {}, {}
local counter = 0
local thread_no = 0
local pace = 0

function setup(thread)
  thread:set("offset", thread_no * 7)
  thread_no = thread_no + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then urls[#urls + 1] = line end
  end
  for line in io.lines(args[2]) do
    if line ~= "" then cookies[#cookies + 1] = line end
  end
  counter = tonumber(offset) or 0
  pace = tonumber(args[3]) or 0
end

function delay()
  return pace
end

function request()
  counter = counter + 1
  local url = urls[(counter % #urls) + 1]
  local token = cookies[(counter % #cookies) + 1]
  return wrk.format("GET", url, { ["Cookie"] = "hd_session=" .. token })
end
