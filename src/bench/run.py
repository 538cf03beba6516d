#!/usr/bin/env python3
"""Chat relay benchmark: direct-to-upstream vs through the gateway, on loopback only.

The gateway is pinned to core 1, nginx (the scripted upstream) and the load generators to core 0.
Prints one table per gateway setting; see docs/benchmarks.md for how to read it.
Usage: src/bench/run.sh [--quick] [--streams N] [--limits off|on|both] [--observability on|off|both]
                       [--database h2|postgres] [--rounds N] [--jar PATH] [--baseline-jar PATH]

--limits off (the default): no rate limits, credits disabled, as before rate limits and credits existed.
--limits on: every request passes admission with rate limits (set high enough never to refuse), a concurrency
limit, and credits reserved from a prepaid account and settled with a ledger row each (writes batched).
--limits both: the two runs one after the other, then the proxied rps of each and their ratio.
--observability off: metrics counting and the access log switched off in the configuration (default: on).
--observability both: the two runs (with --limits off or on), then the ratio: what counting and logging cost.
--database h2 (the default): the embedded database, whose engine runs in the gateway's JVM, so on its one core.
--database postgres: a local PostgreSQL (Debian's cluster, started if down), pinned to core 0 with the load
generators, as a deployment's database server runs beside the gateway; a fresh database for every gateway start.
--jar PATH: the gateway jar to run (default: this tree's target/altllm-micro.jar); run.sh starts in the repository root.
--baseline-jar PATH: two runs with the same settings (--limits on or off), the baseline jar's and --jar's, then per
row the proxied rps of each and their ratio (this/baseline), p50 and p99 of each, and the p50 difference in ms.
"""
import argparse, json, os, re, shutil, socket, statistics, subprocess, sys, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "src", "bench")
WORK = "/tmp/altllm-bench"
JAR = os.path.join(ROOT, "target", "altllm-micro.jar")
GW_PORT = 18080
ADMIN_KEY = "bench-admin-key-0123456789"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def body(model, stream):
    b = {"model": model, "messages": [{"role": "user", "content": "Say hello."}], "max_tokens": 16}
    if stream:
        b["stream"] = True
    return json.dumps(b)


def http(method, url, data=None, headers=None):
    req = urllib.request.Request(url, method=method, data=data.encode() if data else None, headers=headers or {})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, r.read().decode()


def start_nginx():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(os.path.join(WORK, "www"))
    frame = 'data: {"id":"chatcmpl-slow","object":"chat.completion.chunk","created":1704067200,"model":"m","choices":[{"index":0,"delta":{"content":"tick"},"finish_reason":null}]}\n\n'
    with open(os.path.join(WORK, "www", "slow.sse"), "w") as f:
        f.write(frame * 400 + "data: [DONE]\n\n")
    shutil.copy(os.path.join(BENCH, "nginx.conf"), WORK)
    sh(["taskset", "-c", "0", "nginx", "-p", WORK, "-c", os.path.join(WORK, "nginx.conf")])


def stop_nginx():
    subprocess.run(["nginx", "-p", WORK, "-c", os.path.join(WORK, "nginx.conf"), "-s", "stop"], capture_output=True)


PG_DB = "altllm_bench"


def psql(sql, port):
    return sh(["su", "postgres", "-c", f'psql -p {port} -qtAc "{sql}"'], cwd="/").strip()


def postgres_database():
    """Starts Debian's PostgreSQL cluster if it is down, pins it to core 0, and creates an empty bench database."""
    clusters = sh(["pg_lsclusters", "-h"]).strip()
    if not clusters:
        sys.exit("--database postgres needs a PostgreSQL cluster (apt-get install postgresql)")
    version, _, port, status = clusters.split("\n")[-1].split()[:4]
    if status != "online":
        sh(["pg_ctlcluster", version, "main", "start"])
    for pid in sh(["pgrep", "-u", "postgres"]).split():
        subprocess.run(["taskset", "-a", "-p", "-c", "0", pid], capture_output=True)
    if psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{PG_DB}'", port) != "1":
        psql(f"CREATE ROLE {PG_DB} LOGIN PASSWORD '{PG_DB}'", port)
    psql(f"DROP DATABASE IF EXISTS {PG_DB}", port)
    psql(f"CREATE DATABASE {PG_DB} OWNER {PG_DB}", port)
    return {"url": f"jdbc:postgresql://127.0.0.1:{port}/{PG_DB}", "user": PG_DB, "password": PG_DB}


def gateway_config(limits, observability=True, database="h2"):
    """The bench catalog, with rate limits and prepaid credits, and metrics and the access log, on or off."""
    with open(os.path.join(BENCH, "bench-config.json")) as f:
        config = json.load(f)
    if database == "postgres":
        config["database"] = postgres_database()
    if limits:
        config["rate_limits"] = {"default": {"requests_per_minute": 100000000, "tokens_per_minute": 100000000000,
                                             "max_concurrent": 100000}}
        config["credits"] = {"enabled": True, "default_budget": "prepaid"}
    else:
        config["credits"] = {"enabled": False}
    if not observability:
        config["metrics"] = {"enabled": False}
        config["access_log"] = {"enabled": False}
    path = os.path.join(WORK, "gateway-config.json")
    with open(path, "w") as f:
        json.dump(config, f)
    return path


def start_gateway(limits, observability=True, database="h2", jar=JAR):
    shutil.rmtree(os.path.join(WORK, "data"), ignore_errors=True)
    env = dict(os.environ, ALTLLM_CONFIG=gateway_config(limits, observability, database), ALTLLM_ADMIN_KEY=ADMIN_KEY,
               ALTLLM_DATA_DIR=os.path.join(WORK, "data"))
    log = open(os.path.join(WORK, "gateway.log"), "w")
    proc = subprocess.Popen(["taskset", "-c", "1", "java", "-Xmx512m", "-Xss512k", "-jar", jar, "--port", str(GW_PORT),
                             "--nohazelcast"], env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(600):
        try:
            if http("GET", f"http://127.0.0.1:{GW_PORT}/health")[0] == 200:
                return proc
        except Exception:
            time.sleep(0.2)
    proc.kill()
    sys.exit("gateway did not start; see " + os.path.join(WORK, "gateway.log"))


def create_key(limits):
    admin = {"Authorization": "Bearer " + ADMIN_KEY, "Content-Type": "application/json"}
    base = f"http://127.0.0.1:{GW_PORT}/admin/v1"
    account = json.loads(http("POST", base + "/accounts", json.dumps({"name": "bench"}), admin)[1])
    request = {"account": account["id"], "name": "bench"}
    if limits:
        # Key-level limits and a cap, so admission checks every dimension; none of them ever refuses here.
        request["rate_limit"] = {"requests_per_minute": 100000000, "tokens_per_minute": 100000000000}
        request["credit_limit"] = "100000000"
        http("POST", f"{base}/accounts/{account['id']}/credits", json.dumps({"amount": "100000000"}), admin)
    key = json.loads(http("POST", base + "/keys", json.dumps(request), admin)[1])
    return key["key"]


def limited_key():
    """A key allowed one request per minute, to time the 429 path."""
    admin = {"Authorization": "Bearer " + ADMIN_KEY, "Content-Type": "application/json"}
    base = f"http://127.0.0.1:{GW_PORT}/admin/v1"
    account = json.loads(http("POST", base + "/accounts", json.dumps({"name": "bench-429"}), admin)[1])
    request = {"account": account["id"], "name": "bench-429", "rate_limit": {"requests_per_minute": 1}}
    return json.loads(http("POST", base + "/keys", json.dumps(request), admin)[1])["key"]


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024


def threads(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("Threads"):
            return int(line.split()[1])


def to_ms(text):
    match = re.match(r"([\d.]+)(us|ms|s|m|h)$", text)
    if not match:
        print(f"warning: wrk printed an unreadable latency '{text}'", file=sys.stderr)
        return float("nan")
    value, unit = match.groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000, "h": 3600000}[unit]


def wrk(url, model, stream, conns, seconds, key):
    env = dict(os.environ, BENCH_BODY=body(model, stream), BENCH_KEY=key or "")
    out = sh(["taskset", "-c", "0", "wrk", "-t1", f"-c{conns}", f"-d{seconds}s", "--latency",
              "-s", os.path.join(BENCH, "chat.lua"), url], env=env)
    if not re.search(r"50%\s+[\d.]+(us|ms|s|m)", out):
        sys.exit(f"wrk against {url} gave no latencies:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    # Anchored: the thread-stats table can hold a value like "68.50%", which an unanchored "50%" matched.
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    for line in re.findall(r"non-2xx: .*", out)[:1]:
        print(f"note: {url} {conns} conns: {line}", file=sys.stderr)
    if "Socket errors" in out:
        print(f"note: {url} {conns} conns: " + re.search(r"Socket errors:.*", out).group(0), file=sys.stderr)
    return {"rps": rps, "total": total, "p50": p50, "p99": p99, "non2xx": int(errors.group(1)) if errors else 0}


def first_token_ms(port, path, payload, key, n):
    """Sequential requests on fresh connections; time from sending the request to the first 'data:' byte."""
    samples = []
    headers = f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
    if key:
        headers += f"Authorization: Bearer {key}\r\n"
    request = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}\r\n{payload}").encode()
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port))
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        start = time.perf_counter()
        s.sendall(request)
        seen = b""
        while b"data:" not in seen:
            chunk = s.recv(65536)
            if not chunk:
                break
            seen += chunk
        samples.append((time.perf_counter() - start) * 1000)
        s.close()
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def scrape_metrics():
    """Scrapes /metrics once: its time, and how many chat requests it counted (every request is counted)."""
    start = time.perf_counter()
    status, text = http("GET", f"http://127.0.0.1:{GW_PORT}/metrics", headers={"Authorization": "Bearer " + ADMIN_KEY})
    took = (time.perf_counter() - start) * 1000
    counted = sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                  if line.startswith("altllm_chat_requests_total{"))
    return took, counted, len(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="short runs, for checking the harness")
    ap.add_argument("--streams", type=int, default=0, help="also hold N concurrent slow streams open")
    ap.add_argument("--limits", choices=("off", "on", "both"), default="off",
                    help="rate limits and credits in the gateway: off, on, or both runs compared")
    ap.add_argument("--observability", choices=("on", "off", "both"), default="on",
                    help="metrics counting and the access log: on, off, or both runs compared")
    ap.add_argument("--database", choices=("h2", "postgres"), default="h2",
                    help="the embedded H2 (on the gateway's core) or a local PostgreSQL (on core 0)")
    ap.add_argument("--rounds", type=int, default=1,
                    help="repeat the runs (off, on, off, on, ...) and report the median ratio: two JVMs on one core "
                         "differ by up to 10-20%% from run to run")
    ap.add_argument("--jar", default=JAR,
                    help="the gateway jar to run (default: this tree's target/altllm-micro.jar)")
    ap.add_argument("--baseline-jar", help="also run this jar with the same settings and compare --jar with it")
    args = ap.parse_args()
    if (args.limits == "both") + (args.observability == "both") + bool(args.baseline_jar) > 1:
        sys.exit("compare one thing at a time: --limits both, --observability both or --baseline-jar")
    for jar in (args.jar, args.baseline_jar):
        if jar and not os.path.isfile(jar):
            sys.exit(f"no such jar: {jar}")
    limits = {"off": [False], "on": [True], "both": [False, True]}[args.limits]
    observability = {"on": [True], "off": [False], "both": [True, False]}[args.observability]
    jars = [args.baseline_jar, args.jar] if args.baseline_jar else [args.jar]
    pair = [(l, o, j) for l in limits for o in observability for j in jars]
    # Every other round runs the pair in reverse order, so a slow drift of the machine does not favour one side.
    settings = [s for r in range(args.rounds) for s in (pair if r % 2 == 0 else pair[::-1])]
    results = []
    start_nginx()
    try:
        for l, o, j in settings:
            print(f"\n=== rate limits and credits {'ON' if l else 'OFF'}, metrics and access log {'ON' if o else 'OFF'}, "
                  f"database {args.database}" + (f", jar {j}" if args.baseline_jar else "") + " ===")
            results.append(((l, o, j), run(args, j, l, o)))
    finally:
        stop_nginx()
    if len(pair) == 2:
        compare(args, [rows for r in range(0, len(results), 2)
                       for _, rows in sorted(results[r:r + 2], key=lambda done: pair.index(done[0]))])


def compare(args, results):
    """Each pair of runs side by side, then (over several rounds) the median ratio per row; comparing jars, also the
    p50 and p99 of each and what this jar adds to the baseline's p50."""
    if args.baseline_jar:
        print(f"\nproxied rps and latency, baseline {args.baseline_jar} vs this {args.jar} (odd rounds ran the "
              "baseline first, even rounds this first):")
        names = ("baseline", "this")
    elif args.limits == "both":
        print("\nproxied rps, limits and credits off vs on (target: on within 10% of off; odd rounds ran off first, "
              "even rounds on first):")
        names = ("off", "on")
    else:
        print("\nproxied rps, metrics and access log on vs off (what counting and logging cost):")
        names = ("on", "off")
    ratios, added = {}, {}
    for r in range(0, len(results), 2):
        if args.rounds > 1:
            print(f" round {r // 2 + 1}:")
        for (mode, conns, _, g_a, cpu_a), (_, _, _, g_b, cpu_b) in zip(results[r], results[r + 1]):
            ratio = g_b['rps'] / max(g_a['rps'], 1)
            ratios.setdefault((mode, conns), []).append(ratio)
            added.setdefault((mode, conns), []).append(g_b['p50'] - g_a['p50'])
            latency = (f"  p50 {g_a['p50']:.3f} vs {g_b['p50']:.3f} ms (this adds {g_b['p50'] - g_a['p50']:+.3f} ms)  "
                       f"p99 {g_a['p99']:.3f} vs {g_b['p99']:.3f} ms" if args.baseline_jar else "")
            print(f"  {mode:6} {conns:>4} conns: {names[0]} {g_a['rps']:>8.0f}  {names[1]} {g_b['rps']:>8.0f}  "
                  f"{names[1]}/{names[0]} {ratio:.3f}  cpu/req {cpu_a:.0f} vs {cpu_b:.0f} us{latency}"
                  f"  (non-2xx: {g_a['non2xx']}, {g_b['non2xx']})")
    if args.rounds > 1:
        print(f" median of {args.rounds} rounds:")
        for (mode, conns), values in ratios.items():
            p50 = f"  this adds p50 {statistics.median(added[mode, conns]):+.3f} ms" if args.baseline_jar else ""
            print(f"  {mode:6} {conns:>4} conns: {names[1]}/{names[0]} {statistics.median(values):.3f}{p50}  "
                  f"(each round: {', '.join(f'{v:.3f}' for v in values)})")


def compile_seconds(pid):
    """Time the JIT compilers have spent so far: HotSpot's java.ci.totalTime counter, read with jcmd."""
    counters = dict(line.split("=", 1) for line in sh(["jcmd", str(pid), "PerfCounter.print"]).splitlines()
                    if "=" in line)
    return int(counters["java.ci.totalTime"]) / int(counters["sun.os.hrt.frequency"])


def warm_up(pid, url, key, quick):
    """Rounds of mixed traffic (a minute of JSON, 40 s of streams) until the JIT has settled: at least three rounds,
    then more until the compilers were busy for under 3% of a round, at most twelve. On one core C2 takes its CPU
    from the requests, and after five minutes it can still have a backlog (more code, so longer, with limits on);
    a run measured then measures the compiler."""
    seconds = 5 if quick else 60
    started, rounds = time.time(), 0
    while True:
        before, t0 = compile_seconds(pid), time.time()
        wrk(url, "bench-fast", False, 32, seconds, key)
        wrk(url, "bench-stream", True, 32, seconds * 2 // 3, key)
        busy = (compile_seconds(pid) - before) / (time.time() - t0)
        rounds += 1
        if quick or (rounds >= 3 and busy < 0.03) or rounds >= 12:
            break
    print(f"warm-up: {rounds} rounds in {time.time() - started:.0f} s; JIT compilers busy {100 * busy:.1f}% of the "
          "last round")


def run(args, jar, limits, observability):
    """One gateway start of a jar with the given settings: the table, first-token times and optional streams; its
    rows."""
    seconds = 3 if args.quick else 10
    gw = start_gateway(limits, observability, args.database, jar)
    try:
        key = create_key(limits)
        direct_url = "http://127.0.0.1:{}/v1/chat/completions"
        gw_url = f"http://127.0.0.1:{GW_PORT}/v1/chat/completions"
        warm_up(gw.pid, gw_url, key, args.quick)
        rows = []
        for stream, port, model in ((False, 9101, "bench-fast"), (True, 9102, "bench-stream")):
            for conns in (1, 32, 128):
                d = wrk(direct_url.format(port), "bench-upstream", stream, conns, seconds, None)
                cpu0 = cpu_seconds(gw.pid)
                g = wrk(gw_url, model, stream, conns, seconds, key)
                cpu_us = (cpu_seconds(gw.pid) - cpu0) * 1e6 / max(g["total"], 1)
                rows.append(("stream" if stream else "json", conns, d, g, cpu_us))
        print(f"\n{'mode':6} {'conc':>4} | {'direct rps':>10} {'gw rps':>9} | {'direct p50':>10} {'gw p50':>8} "
              f"{'added p50':>9} | {'direct p99':>10} {'gw p99':>8} {'added p99':>9} | {'gw cpu/req':>10} {'non-2xx':>7}")
        for mode, conns, d, g, cpu_us in rows:
            print(f"{mode:6} {conns:>4} | {d['rps']:>10.0f} {g['rps']:>9.0f} | {d['p50']:>8.3f}ms {g['p50']:>6.3f}ms "
                  f"{g['p50'] - d['p50']:>7.3f}ms | {d['p99']:>8.3f}ms {g['p99']:>6.3f}ms {g['p99'] - d['p99']:>7.3f}ms"
                  f" | {cpu_us:>8.0f}us {g['non2xx']:>7}")
        n = 100 if args.quick else 500
        dp50, dp99 = first_token_ms(9102, "/v1/chat/completions", body("bench-upstream", True), None, n)
        gp50, gp99 = first_token_ms(GW_PORT, "/v1/chat/completions", body("bench-stream", True), key, n)
        print(f"\nfirst token (fresh connection, sequential, n={n}): direct p50 {dp50:.3f}ms p99 {dp99:.3f}ms | "
              f"gateway p50 {gp50:.3f}ms p99 {gp99:.3f}ms | added p50 {gp50 - dp50:.3f}ms")
        print(f"gateway RSS after load: {rss_mb(gw.pid):.0f} MB, threads: {threads(gw.pid)} (-Xmx512m)")
        print(sh([sys.executable, os.path.join(BENCH, "rejections.py"), str(GW_PORT), key,
                  "20" if args.quick else "200"] + ([limited_key()] if limits else [])).strip())
        if observability:
            took, counted, size = scrape_metrics()
            print(f"/metrics after load: {took:.1f}ms for {size} bytes; chat requests counted: {counted:.0f}")
        if args.streams:
            out = sh([sys.executable, os.path.join(BENCH, "streams.py"), str(GW_PORT), key, str(args.streams),
                      str(gw.pid)])
            print(out.strip())
        return rows
    finally:
        gw.terminate()
        gw.wait(timeout=60)


if __name__ == "__main__":
    main()
