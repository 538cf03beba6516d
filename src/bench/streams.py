#!/usr/bin/env python3
"""Opens N concurrent slow streams through the gateway, waits until each has its first frame, then reports the
gateway's threads and RSS while all are open. Usage: streams.py <gateway port> <api key> <N> <gateway pid>"""
import asyncio, json, sys, time

PORT, KEY, N, PID = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
BODY = json.dumps({"model": "bench-slow", "stream": True, "messages": [{"role": "user", "content": "hi"}]})
REQUEST = (f"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
           f"Authorization: Bearer {KEY}\r\nContent-Length: {len(BODY)}\r\n\r\n{BODY}").encode()


def status(field):
    for line in open(f"/proc/{PID}/status"):
        if line.startswith(field):
            return int(line.split()[1])


async def one(opened, writers):
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    writers.append(writer)
    writer.write(REQUEST)
    seen = b""
    while b"data:" not in seen:
        chunk = await reader.read(4096)
        if not chunk:
            return False
        seen += chunk
    opened.append(1)
    return True


async def main():
    opened, writers = [], []
    start = time.time()
    sem = asyncio.Semaphore(500)

    async def limited():
        async with sem:
            try:
                return await asyncio.wait_for(one(opened, writers), 120)
            except Exception:
                return False

    results = await asyncio.gather(*(limited() for _ in range(N)))
    ok = sum(1 for r in results if r)
    print(f"open streams: {ok}/{N} got their first frame in {time.time() - start:.1f}s; while open: gateway threads "
          f"{status('Threads')}, RSS {status('VmRSS') / 1024:.0f} MB")
    for w in writers:
        w.close()


asyncio.run(main())
