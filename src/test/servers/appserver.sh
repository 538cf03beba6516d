#!/usr/bin/env bash
# Starts or stops one application server for the smoke suite (Maven profiles payara-server, wildfly, liberty):
#   appserver.sh start|stop wildfly|liberty|payara-server
# The build unpacks the server under $SERVERS_DIR and passes, in the environment: SERVERS_DIR, SERVER_CONFIG (the
# server's server-config/<server> folder), WAR, ALTLLM_CONFIG_FILE, ALTLLM_DATA_DIR_PATH, ALTLLM_ADMIN_KEY and PORTS
# (free ports, HTTP first). "start" applies server-config/<server>, deploys the WAR, waits until /health/ready answers
# 200 and fails (leaving nothing running) if it does not within START_TIMEOUT seconds. The server runs in its own
# process group, recorded in $SERVERS_DIR/<server>.pgid, and "stop" ends that group: gently, then by force.
set -euo pipefail

action="${1:?start or stop}"
server="${2:?wildfly, liberty or payara-server}"
: "${SERVERS_DIR:?}"
pgid_file="$SERVERS_DIR/$server.pgid"
log="$SERVERS_DIR/$server.log"

stop() {
    [ -f "$pgid_file" ] || return 0
    local pgid
    pgid="$(cat "$pgid_file")"
    if kill -0 -- "-$pgid" 2>/dev/null || kill -0 "$pgid" 2>/dev/null; then
        echo "appserver: stopping $server (process group $pgid)"
        kill -TERM -- "-$pgid" 2>/dev/null || kill -TERM "$pgid" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 -- "-$pgid" 2>/dev/null || kill -0 "$pgid" 2>/dev/null || break
            sleep 1
        done
        kill -KILL -- "-$pgid" 2>/dev/null || kill -KILL "$pgid" 2>/dev/null || true
    fi
    rm -f "$pgid_file"
}

# Runs "$@" in a new session (so its whole process tree is one group we can end) with output to the log.
launch() {
    setsid "$@" >"$log" 2>&1 < /dev/null &
    local pid=$!
    echo "$pid" >"$pgid_file"
    # setsid runs in the child after the fork: wait until the new group exists, so stop can always end it.
    for _ in $(seq 1 50); do
        [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ] && break
        sleep 0.1
    done
    echo "appserver: $server started as process group $(cat "$pgid_file"), log $log"
}

await_ready() {
    local url="http://127.0.0.1:$http_port/health/ready" deadline=$((SECONDS + ${START_TIMEOUT:-300}))
    while [ $SECONDS -lt $deadline ]; do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)" = 200 ]; then
            echo "appserver: $server ready at http://127.0.0.1:$http_port/ after ${SECONDS}s"
            return 0
        fi
        # The launched process itself (its group may not exist yet in the first instants after launch).
        if ! kill -0 "$(cat "$pgid_file")" 2>/dev/null || deployment_failed; then
            break
        fi
        sleep 1
    done
    echo "appserver: $server did not become ready at $url; last lines of $log:" >&2
    tail -n 60 "$log" >&2 || true
    stop
    return 1
}

deployment_failed() {
    case "$server" in
        wildfly) [ -e "$home/standalone/deployments/ROOT.war.failed" ] ;;
        *) grep -q "AltLLM Gateway cannot start" "$log" ;;
    esac
}

start_wildfly() {
    home="$(ls -d "$SERVERS_DIR"/wildfly/wildfly-*)"
    cp "$home/standalone/configuration/standalone.xml.orig" "$home/standalone/configuration/standalone.xml" 2>/dev/null \
        || cp "$home/standalone/configuration/standalone.xml" "$home/standalone/configuration/standalone.xml.orig"
    "$home/bin/jboss-cli.sh" --file="$SERVER_CONFIG/configure.cli" >/dev/null
    rm -rf "$home/standalone/deployments/ROOT.war"* "$home/standalone/data" "$home/standalone/tmp"
    # Deployed as ROOT.war: WildFly's name for the root context; the bytes are target/altllm.war's.
    cp "$WAR" "$home/standalone/deployments/ROOT.war"
    launch env JAVA_OPTS="-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true \
-Djboss.modules.system.pkgs=org.jboss.byteman -Djava.io.tmpdir=$SERVERS_DIR" \
        "$home/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
        -Djboss.http.port="$http_port" -Djboss.https.port="${ports[1]}" \
        -Djboss.management.http.port="${ports[2]}" -Djboss.management.https.port="${ports[3]}" \
        -Daltllm.config="$ALTLLM_CONFIG_FILE" -Daltllm.data.dir="$ALTLLM_DATA_DIR_PATH"
}

start_liberty() {
    home="$SERVERS_DIR/liberty/wlp"
    local dir="$home/usr/servers/altllm"
    rm -rf "$dir"
    mkdir -p "$dir/apps"
    cp "$SERVER_CONFIG/server.xml" "$dir/server.xml"
    cp "$WAR" "$dir/apps/altllm.war"
    # Liberty variables (server.xml) and the gateway's system properties for this installation.
    printf 'http.port=%s\n' "$http_port" >"$dir/bootstrap.properties"
    { cat "$SERVER_CONFIG/jvm.options"
      printf -- '-Daltllm.config=%s\n-Daltllm.data.dir=%s\n-Djava.io.tmpdir=%s\n' \
          "$ALTLLM_CONFIG_FILE" "$ALTLLM_DATA_DIR_PATH" "$SERVERS_DIR"; } >"$dir/jvm.options"
    launch "$home/bin/server" run altllm
}

start_payara_server() {
    home="$SERVERS_DIR/payara-server/payara6"
    local asadmin="$home/bin/asadmin" domain_dir="$SERVERS_DIR/payara-server/domains"
    rm -rf "$domain_dir"
    # A fresh domain on free ports, so parallel builds and a domain1 elsewhere never collide.
    "$asadmin" create-domain --nopassword --domaindir "$domain_dir" --adminport "${ports[1]}" \
        --instanceport "$http_port" --domainproperties "http.ssl.port=${ports[2]}:jms.port=${ports[3]}:\
domain.jmxPort=${ports[4]}:orb.listener.port=${ports[5]}:orb.ssl.port=${ports[6]}:orb.mutualauth.port=${ports[7]}:\
osgi.shell.telnet.port=${ports[8]}:java.debugger.port=${ports[9]}" altllm >/dev/null
    local boot="$SERVERS_DIR/payara-server/post-boot.asadmin"
    { cat "$SERVER_CONFIG/post-boot.asadmin"
      printf 'create-system-properties altllm.config=%s:altllm.data.dir=%s\n' "$ALTLLM_CONFIG_FILE" \
          "$ALTLLM_DATA_DIR_PATH"
      printf 'deploy --contextroot / --name altllm %s\n' "$WAR"; } >"$boot"
    launch "$asadmin" start-domain --verbose --domaindir "$domain_dir" \
        --prebootcommandfile "$SERVER_CONFIG/pre-boot.asadmin" --postbootcommandfile "$boot" altllm
}

case "$action" in
    stop)
        stop
        ;;
    start)
        : "${SERVER_CONFIG:?}" "${WAR:?}" "${ALTLLM_CONFIG_FILE:?}" "${ALTLLM_DATA_DIR_PATH:?}" "${PORTS:?}"
        read -r -a ports <<<"$PORTS"
        http_port="${ports[0]}"
        stop # a server left over by an interrupted build
        rm -rf "$ALTLLM_DATA_DIR_PATH"
        echo "appserver: deploying $WAR (sha256 $(sha256sum "$WAR" | cut -d' ' -f1)) to $server"
        case "$server" in
            wildfly) start_wildfly ;;
            liberty) start_liberty ;;
            payara-server) start_payara_server ;;
            *) echo "appserver: unknown server $server" >&2; exit 2 ;;
        esac
        await_ready
        ;;
    *)
        echo "usage: $0 start|stop wildfly|liberty|payara-server" >&2
        exit 2
        ;;
esac
