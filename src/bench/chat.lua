-- wrk script: POST a chat completion; body and key come from the environment (set by run.py).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("BENCH_KEY")
if key and key ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. key
end
wrk.body = os.getenv("BENCH_BODY")
