#!/usr/bin/env bash
# Test servers on loopback, in the project-local folder .services/ (gitignored):
#   RabbitMQ (Debian rabbitmq-server), PostgreSQL 15 (Debian), Azurite (npm, pinned by tools/azurite/package-lock.json).
# Usage: scripts/services.sh start|stop|status
#   start  — idempotent: a service whose pid file names a live process is left alone; writes .services/env
#   stop   — stops only what this script started, by its pid files
#   status — one line per service
# Ports: 5672 (AMQP), 55432 (PostgreSQL), 10000 (Azurite); when one is taken the next free port is used and
# .services/env says which. CLAIMVISION_RABBITMQ_MANAGEMENT=1 also enables the management UI (15672 or next free).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
svc="$root/.services"
mkdir -p "$svc"
# Short and stable per checkout, so two checkouts on one machine never share a node name or a folder.
checkout_id="$(printf '%s' "$root" | sha256sum | cut -c1-8)"

log() { echo "services: $*" >&2; }
die() { log "$*"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() { # first free port from $1 upwards
  local p=$1
  while port_in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}

running() { # pid → running? The servers are orphans (setsid, their starting shell gone), reaped by whatever init
  # the machine has, maybe late or never; a zombie (state Z: exited, not yet reaped) answers kill -0 but has exited.
  local state
  state=$(sed -n 's/^.*) \(.\).*$/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

gone() { ! running "$1"; }

alive() { # pid file → running?
  [ -f "$1" ] && running "$(cat "$1")"
}

wait_for() { # description, seconds, command…
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "$what did not become ready within ${seconds}s (logs under $svc)"
}

as_postgres() { # PostgreSQL refuses to run as root: use the Debian 'postgres' account then
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# ---------------------------------------------------------------- PostgreSQL
pg_bin=/usr/lib/postgresql/15/bin
pg_dir="$svc/pg"
if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$svc" 2>/dev/null; then
  # The postgres account cannot traverse the checkout's parents (a checkout under /root, say): keep the
  # cluster in a per-checkout folder under /tmp instead; everything else stays in .services/.
  pg_dir="/tmp/claimvision-services-$checkout_id/pg"
fi
pg_data="$pg_dir/data"
pg_port_file="$pg_dir/port"

pg_running() { [ -f "$pg_data/postmaster.pid" ] && as_postgres "$pg_bin/pg_ctl" status -D "$pg_data" >/dev/null 2>&1; }

pg_start() {
  [ -x "$pg_bin/pg_ctl" ] || die "PostgreSQL 15 is not installed (apt-get install postgresql-15; see scripts/packages/test/runtime.txt)"
  if pg_running; then log "postgres already running on port $(cat "$pg_port_file")"; return; fi
  mkdir -p "$pg_dir/run"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$pg_dir"
    runuser -u postgres -- test -w "$pg_dir" || die "user postgres cannot write $pg_dir"
  fi
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    # Trust on loopback only: a throw-away test server that listens on 127.0.0.1 and nowhere else.
    as_postgres "$pg_bin/initdb" -D "$pg_data" -U claimvision --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
      || die "initdb failed, see $pg_dir/initdb.log"
  fi
  local port
  port=$(free_port 55432)
  as_postgres "$pg_bin/pg_ctl" start -D "$pg_data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $pg_dir/run -c max_connections=200 -c fsync=off" >/dev/null \
    || die "postgres did not start, see $pg_dir/server.log"
  echo "$port" >"$pg_port_file"
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U claimvision -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'claimvision'" | grep -q 1 \
    || as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U claimvision claimvision
  log "postgres running on 127.0.0.1:$port"
}

pg_stop() {
  if pg_running; then as_postgres "$pg_bin/pg_ctl" stop -D "$pg_data" -m fast -w >/dev/null && log "postgres stopped"; fi
}

# ---------------------------------------------------------------- Azurite
az_dir="$svc/azurite"
az_pid="$az_dir/azurite.pid"
az_port_file="$az_dir/port"

az_start() {
  if alive "$az_pid"; then log "azurite already running on port $(cat "$az_port_file")"; return; fi
  command -v npm >/dev/null || die "npm is not installed (Node.js with npm is needed for Azurite)"
  mkdir -p "$az_dir" "$svc/azurite-data"
  # Reinstall only when the committed lock changed.
  if ! cmp -s tools/azurite/package-lock.json "$az_dir/package-lock.json" || [ ! -x "$az_dir/node_modules/.bin/azurite-blob" ]; then
    cp tools/azurite/package.json tools/azurite/package-lock.json "$az_dir/"
    (cd "$az_dir" && npm ci --no-audit --no-fund --loglevel=error >"$az_dir/npm.log" 2>&1) || die "npm ci for Azurite failed, see $az_dir/npm.log"
  fi
  local port
  # A restart keeps the port it had (clients hold it in their connection strings) unless something else took it.
  port=$(free_port "$(cat "$az_port_file" 2>/dev/null || echo 10000)")
  setsid nohup "$az_dir/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" \
    --location "$svc/azurite-data" --skipApiVersionCheck --loose --silent >"$az_dir/azurite.log" 2>&1 </dev/null &
  echo $! >"$az_pid"
  echo "$port" >"$az_port_file"
  wait_for azurite 60 port_in_use "$port"
  log "azurite running on 127.0.0.1:$port"
}

az_stop() {
  if alive "$az_pid"; then
    kill "$(cat "$az_pid")"
    wait_for "azurite shutdown" 20 gone "$(cat "$az_pid")"
    log "azurite stopped"
  fi
  rm -f "$az_pid"
}

# ---------------------------------------------------------------- RabbitMQ
rmq_bin=/usr/lib/rabbitmq/bin
rmq_dir="$svc/rabbitmq"
rmq_pid="$rmq_dir/server.pid"
rmq_port_file="$rmq_dir/port"
# One node per checkout: several worktrees on one machine must not share a node name.
rmq_node="claimvision-$checkout_id@localhost"

rmq_env() {
  export HOME="$rmq_dir" # the Erlang cookie lives in $HOME
  export RABBITMQ_NODENAME="$rmq_node"
  export RABBITMQ_MNESIA_BASE="$rmq_dir/mnesia" RABBITMQ_LOG_BASE="$rmq_dir/log"
  export RABBITMQ_CONFIG_FILE="$rmq_dir/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$rmq_dir/enabled_plugins"
  export RABBITMQ_PID_FILE="$rmq_dir/beam.pid" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1
}

rmq_start() {
  [ -x "$rmq_bin/rabbitmq-server" ] || die "RabbitMQ is not installed (apt-get install rabbitmq-server; see scripts/packages/test/runtime.txt)"
  if alive "$rmq_pid"; then log "rabbitmq already running on port $(cat "$rmq_port_file")"; return; fi
  mkdir -p "$rmq_dir/log" "$rmq_dir/mnesia"
  rmq_env
  local port mgmt=""
  port=$(free_port 5672)
  # Remember whether epmd (Erlang's port mapper, started as a side effect of the first node) was ours to stop.
  if epmd -names >/dev/null 2>&1; then rm -f "$rmq_dir/epmd.ours"; else touch "$rmq_dir/epmd.ours"; fi
  {
    echo "listeners.tcp.default = 127.0.0.1:$port"
    echo "loopback_users.guest = true"
    if [ "${CLAIMVISION_RABBITMQ_MANAGEMENT:-0}" = 1 ]; then
      mgmt=$(free_port 15672)
      echo "management.tcp.ip = 127.0.0.1"
      echo "management.tcp.port = $mgmt"
    fi
  } >"$rmq_dir/rabbitmq.conf"
  if [ -n "$mgmt" ]; then echo '[rabbitmq_management].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"; else echo '[].' >"$RABBITMQ_ENABLED_PLUGINS_FILE"; fi
  # Distribution port next to the AMQP port, like RabbitMQ's own default (+20000), kept on loopback.
  RABBITMQ_DIST_PORT=$((port + 20000)) RABBITMQ_NODE_PORT=$port \
    setsid nohup "$rmq_bin/rabbitmq-server" >"$rmq_dir/server.log" 2>&1 </dev/null &
  echo $! >"$rmq_pid"
  echo "$port" >"$rmq_port_file"
  wait_for rabbitmq 120 "$rmq_bin/rabbitmq-diagnostics" -q -n "$rmq_node" ping
  wait_for "rabbitmq AMQP listener" 60 port_in_use "$port"
  log "rabbitmq running on 127.0.0.1:$port${mgmt:+ (management on 127.0.0.1:$mgmt)}"
}

rmq_stop() {
  if alive "$rmq_pid"; then
    rmq_env
    "$rmq_bin/rabbitmqctl" -q -n "$rmq_node" stop >/dev/null 2>&1 || kill "$(cat "$rmq_pid")"
    wait_for "rabbitmq shutdown" 60 gone "$(cat "$rmq_pid")"
    log "rabbitmq stopped"
  fi
  rm -f "$rmq_pid"
  if [ -f "$rmq_dir/epmd.ours" ]; then
    # Only if no other Erlang node still uses it.
    if ! epmd -names 2>/dev/null | grep -q '^name '; then epmd -kill >/dev/null 2>&1 || true; fi
    rm -f "$rmq_dir/epmd.ours"
  fi
}

# ---------------------------------------------------------------- commands
write_env() {
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==" # Azurite's well-known key
  cat >"$svc/env" <<EOF
CLAIMVISION_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$(cat "$rmq_port_file")/'
CLAIMVISION_TEST_POSTGRES='Host=127.0.0.1;Port=$(cat "$pg_port_file");Database=claimvision;Username=claimvision'
CLAIMVISION_TEST_AZURITE='DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$(cat "$az_port_file")/devstoreaccount1'
CLAIMVISION_TEST_RABBITMQ_NODE='$rmq_node'
CLAIMVISION_TEST_RABBITMQ_HOME='$rmq_dir'
EOF
  log "wrote $svc/env"
}

status_line() { # name, running?, port file
  if $2; then echo "$1: running on 127.0.0.1:$(cat "$3")"; else echo "$1: stopped"; fi
}

case "${1:-}" in
  start)
    pg_start
    az_start
    rmq_start
    write_env
    ;;
  stop)
    rmq_stop
    az_stop
    pg_stop
    rm -f "$svc/env"
    ;;
  status)
    status_line rabbitmq "alive $rmq_pid" "$rmq_port_file"
    status_line postgres pg_running "$pg_port_file"
    status_line azurite "alive $az_pid" "$az_port_file"
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
