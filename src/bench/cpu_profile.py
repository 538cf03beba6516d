#!/usr/bin/env python3
"""Where a gateway's CPU goes per request, by thread and by the rate-limit and credit code, after the harness's
warm-up: a CPU profile (async-profiler, 1 ms samples) of one load row. Two JVM starts of the same setting differ by up
to 15% in rps, far more than rate limits and credits cost, so this attributes their cost inside one run instead.

    src/bench/cpu_profile.py --agent /path/to/libasyncProfiler.so --limits on [--stream] [--conns 32] [--seconds 30]
                             [--database h2|postgres] [--jar other.jar] [--warm-up-seconds 300]

async-profiler is not bundled; any 2.x or 3.x build's libasyncProfiler.so will do (Maven Central has it:
tools.profiler:async-profiler:3.0, classifier linux-x64, a jar holding linux-x64/libasyncProfiler.so). Needs nginx and wrk like run.py.
"""
import argparse, collections, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run as R  # noqa: E402

# Frames that run only because of rate limits and credits (the admission filter also runs, briefly, with them off).
LIMITS = re.compile(r"admission/AdmissionFilter|admission/Gatekeeper|admission/Ticket|limits/credits/"
                    r"|limits/ratelimit/|credit-ledger-rows")
HEADERS = re.compile(r"encodeMimeHeader|MimeHeaders\.addValue|Response\.addHeader")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--agent", required=True, help="path to async-profiler's libasyncProfiler.so")
    ap.add_argument("--limits", choices=("on", "off"), default="on")
    ap.add_argument("--stream", action="store_true", help="profile streams instead of JSON answers")
    ap.add_argument("--conns", type=int, default=32)
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--database", choices=("h2", "postgres"), default="h2",
                    help="as in run.py: the embedded H2, or a local PostgreSQL on core 0")
    ap.add_argument("--jar", default=R.JAR, help="the gateway jar to profile (default: this tree's)")
    ap.add_argument("--warm-up-seconds", type=int, default=0,
                    help="a fixed warm-up (JSON, then streams, 4:1) instead of the harness's until-the-JIT-settles one")
    args = ap.parse_args()
    out = os.path.join(R.WORK, f"profile-{args.limits}-{'stream' if args.stream else 'json'}-{args.conns}.collapsed")
    limits = args.limits == "on"
    R.start_nginx()
    gw = R.start_gateway(limits, database=args.database, jar=args.jar)
    try:
        key = R.create_key(limits)
        url = f"http://127.0.0.1:{R.GW_PORT}/v1/chat/completions"
        if args.warm_up_seconds:
            R.wrk(url, "bench-fast", False, args.conns, args.warm_up_seconds * 4 // 5, key)
            R.wrk(url, "bench-stream", True, args.conns, args.warm_up_seconds // 5, key)
        else:
            R.warm_up(gw.pid, url, key, False)
        agent(gw.pid, args.agent, "start,event=cpu,interval=1000000,threads")
        cpu0 = R.cpu_seconds(gw.pid)
        g = R.wrk(url, "bench-stream" if args.stream else "bench-fast", args.stream, args.conns, args.seconds, key)
        cpu_us = (R.cpu_seconds(gw.pid) - cpu0) * 1e6 / max(g["total"], 1)
        agent(gw.pid, args.agent, f"stop,collapsed,file={out}")
    finally:
        gw.terminate()
        gw.wait(timeout=60)
        R.stop_nginx()
    print(f"limits {args.limits}: {g['rps']:.0f} rps, {g['total']} requests, {cpu_us:.1f} us CPU per request "
          f"(/proc); profile: {out}")
    report(out, g["total"])


def agent(pid, library, options):
    subprocess.run(["jcmd", str(pid), "JVMTI.agent_load", library, f'"{options}"'], check=True, capture_output=True)


def report(collapsed, requests):
    """Samples are milliseconds of CPU; divided by the requests served they are microseconds per request."""
    threads, limits, headers = collections.Counter(), 0, 0
    with open(collapsed) as f:
        for line in f:
            stack, n = line.rsplit(" ", 1)
            n = int(n)
            threads[re.sub(r"\d+", "N", stack.split(";")[0])] += n
            limits += n if LIMITS.search(stack) else 0
            headers += n if HEADERS.search(stack) else 0
    per = 1000.0 / max(requests, 1)
    print(f"sampled: {sum(threads.values()) * per:.1f} us per request, by thread:")
    for name, n in threads.most_common(10):
        print(f"  {n * per:7.1f} us  {name}")
    print(f"in rate-limit and credit code (incl. the ledger writer): {limits * per:.1f} us per request")
    print(f"adding and encoding response headers: {headers * per:.1f} us per request")


if __name__ == "__main__":
    main()
