-- wrk script: POST a chat completion; body and key come from the environment (set by run.py).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("BENCH_KEY")
if key and key ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. key
end
wrk.body = os.getenv("BENCH_BODY")

-- The first refusals are printed, so a benchmark that counts non-2xx answers also says what they were.
local shown = 0
response = function(status, headers, body)
    if status ~= 200 and shown < 2 then
        shown = shown + 1
        print("non-2xx: " .. status .. " " .. string.sub(body, 1, 300))
    end
end
