-- wrk script: METHOD (default GET) and, if TOKEN is set, an Authorization: Bearer header.
wrk.method = os.getenv("METHOD") or "GET"
local token = os.getenv("TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
