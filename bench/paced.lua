-- wrk script: a constant request rate per thread (wrk2 is not in Debian).
-- RATE (total req/s) and THREADS come from the environment; each thread keeps its own schedule of
-- send slots 1000*THREADS/RATE ms apart and delays each request until its slot (catching up if it
-- fell behind, so the offered rate holds). wrk still times from the actual send: queueing behind a
-- stalled connection is not counted, unlike wrk2's corrected latencies.
-- Optional METHOD and TOKEN as in request.lua.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } dm_timespec;
int clock_gettime(int clk_id, dm_timespec *tp);
]]
local ts = ffi.new("dm_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

wrk.method = os.getenv("METHOD") or "GET"
local token = os.getenv("TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local interval_ms
local next_slot

function init(args)
  local rate = tonumber(os.getenv("RATE"))
  local threads = tonumber(os.getenv("THREADS") or "2")
  interval_ms = 1000.0 * threads / rate
end

function delay()
  local now = now_ms()
  if next_slot == nil then
    next_slot = now
  end
  local slot = next_slot
  next_slot = next_slot + interval_ms
  local wait = slot - now
  if wait < 0 then
    return 0
  end
  return wait
end
