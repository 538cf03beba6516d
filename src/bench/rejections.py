#!/usr/bin/env python3
"""Times how fast the gateway refuses bad requests (issue 4: "all < 50 ms"): a body over the size limit, JSON nested
too deeply, and invalid UTF-8. Each is sent n times on a fresh connection; the time runs from the first byte sent to
the status line received. With a fourth argument, a key allowed one request per minute, it also times 429 refusals
(issue 5: "well under 1 ms of gateway work") on one kept-alive connection, so no connection setup is counted.
Usage: rejections.py <gateway port> <api key> <n> [<key limited to 1 request per minute>]"""
import http.client, json, socket, statistics, sys, time

PORT, KEY, N = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
LIMITED = sys.argv[4] if len(sys.argv) > 4 else None
HEAD = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" \
       f"Authorization: Bearer {KEY}\r\nContent-Length: {{}}\r\nConnection: close\r\n\r\n"
CASES = {
    "body over 4 MiB (413)": (b'{"model":"bench-fast","messages":[{"role":"user","content":"'
                              + b"x" * (5 * 1024 * 1024) + b'"}]}', "413"),
    "nesting 10,000 deep (400)": (b'{"model":"bench-fast","messages":' + b"[" * 10000 + b"]" * 10000 + b"}", "400"),
    "invalid UTF-8 (400)": (b'{"model":"bench-fast","messages":[{"role":"user","content":"\xc3\x28\xff"}]}', "400"),
}


def once(payload):
    s = socket.create_connection(("127.0.0.1", PORT))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    start = time.perf_counter()
    try:
        s.sendall(HEAD.format(len(payload)).encode() + payload)
    except OSError:
        pass  # the gateway may answer and close before it has read the whole body
    seen = b""
    while b"\r\n" not in seen:
        chunk = s.recv(4096)
        if not chunk:
            break
        seen += chunk
    elapsed = (time.perf_counter() - start) * 1000
    s.close()
    return elapsed, seen.split(b" ")[1].decode() if seen.startswith(b"HTTP/") else "none"


def summary(name, samples, statuses, expected):
    samples.sort()
    print(f"rejection {name:28} n={len(samples)}: p50 {statistics.median(samples):7.3f} ms, p99 "
          f"{samples[max(0, int(len(samples) * 0.99) - 1)]:7.3f} ms, max {samples[-1]:7.3f} ms, statuses "
          f"{sorted(statuses)}" + ("" if statuses == {expected} else f"  <-- expected only {expected}"))


for name, (payload, expected) in CASES.items():
    samples, statuses = [], set()
    for _ in range(N):
        ms, status = once(payload)
        samples.append(ms)
        statuses.add(status)
    summary(name, samples, statuses, expected)


if LIMITED:
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    body = json.dumps({"model": "bench-fast", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 16})
    headers = {"Authorization": "Bearer " + LIMITED, "Content-Type": "application/json"}
    conn.request("POST", "/v1/chat/completions", body, headers)
    conn.getresponse().read()  # the one request the minute allows
    samples, statuses = [], set()
    for _ in range(max(N, 1000)):
        start = time.perf_counter()
        conn.request("POST", "/v1/chat/completions", body, headers)
        response = conn.getresponse()
        response.read()
        samples.append((time.perf_counter() - start) * 1000)
        statuses.add(str(response.status))
    summary("rate limited (429)", samples, statuses, "429")
