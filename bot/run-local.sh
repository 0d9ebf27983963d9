#!/usr/bin/env bash
# One command to try TeamsCrm on your machine: the bot on the embedded SQLite archive, plus two Agents
# Playgrounds (the local Teams client) — one as Li Na, a sales rep, one as Zhang Wei, her direct leader.
# Needs only the .NET 10 SDK and Node.js 20+. Ctrl-C stops everything.
# Written for bash 3.2 too (macOS): no `wait -n`, no associative arrays.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BOT_URL="http://127.0.0.1:3978"   # Urls in bot/TeamsCrm.Bot/appsettings.json
REP_PORT=56150
LEADER_PORT=56151
PLAYGROUND_CLI="$ROOT/node_modules/@microsoft/m365agentsplayground/cli.js"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31mrun-local: %s\033[0m\n' "$*" >&2; exit 1; }

for tool in dotnet node npm curl; do
    command -v "$tool" >/dev/null || die "'$tool' is not installed. You need the .NET 10 SDK, Node.js 20+ (with npm) and curl."
done

# Something already on our ports would answer our health checks and make this run look fine when it is not.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 3978 $REP_PORT $LEADER_PORT; do
    port_in_use "$port" && die "port $port is already in use (another run-local.sh, or a bot started from your IDE?). Stop it first."
done

# npm records what it installed in node_modules/.package-lock.json: reinstall when the lock file is newer.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing the Node tools (npm ci)"
    npm ci --no-audit --no-fund
fi
[ -f "$PLAYGROUND_CLI" ] || die "npm ci did not install the Agents Playground ($PLAYGROUND_CLI)."

say "Building the bot"
dotnet build bot/TeamsCrm.Bot --nologo -v quiet

mkdir -p data/playground-rep data/playground-leader

# Each background process gets a process group of its own (job control on just while starting it), so
# (1) one kill of the group also stops what it started — `dotnet run` starts the bot as a child process —
# and (2) Ctrl-C, which the terminal sends to the foreground group, reaches only this script, which then
# stops everything in order.
PIDS=()
cleanup() {
    trap - INT TERM EXIT
    set +e
    if [ ${#PIDS[@]} -gt 0 ]; then
        say "Stopping"
        for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null; done
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            alive=0
            for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
            [ $alive -eq 0 ] && break
            sleep 0.5
        done
        for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "Starting the bot on $BOT_URL (local mode: no Entra app, loopback only)"
# `dotnet run` starts the app in the project folder, so the relative default (data/teamscrm.db) would land
# in bot/TeamsCrm.Bot/data/: point it at the repository's data/ explicitly.
set -m
Archive__Sqlite__Path="$ROOT/data/teamscrm.db" dotnet run --project bot/TeamsCrm.Bot --no-build </dev/null &
BOT_PID=$!
set +m
PIDS+=("$BOT_PID")
for _ in $(seq 1 120); do
    curl -fsS "$BOT_URL/health" >/dev/null 2>&1 && break
    kill -0 "$BOT_PID" 2>/dev/null || die "the bot stopped while starting; its output is above."
    sleep 0.5
done
curl -fsS "$BOT_URL/health" >/dev/null 2>&1 || die "the bot did not answer $BOT_URL/health within 60 s."

# start_playground PORT WORKDIR CONFIG: each playground writes devTools/ into its working directory, so each
# gets one of its own; its configuration comes from the environment variable, not from that directory.
start_playground() {
    local port=$1 dir=$2 config=$3
    rm -f "$dir/devTools/m365agentsplayground.log"
    set -m
    (cd "$dir" && TEAMSAPPTESTER_BROWSER=none M365_AGENTS_PLAYGROUND_CONFIG_PATH="$config" \
        exec node "$PLAYGROUND_CLI" -p "$port" -e "$BOT_URL/api/messages" -c msteams --dt </dev/null >"$dir/playground.out" 2>&1) &
    local pid=$!
    set +m
    PIDS+=("$pid")
    # It prints "Listening" even when its configuration is invalid, then exits 1: wait for its config API instead.
    for _ in $(seq 1 60); do
        curl -fsS "http://127.0.0.1:$port/_internal/v1/config" >/dev/null 2>&1 && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$dir/devTools/m365agentsplayground.log" >&2 2>/dev/null || cat "$dir/playground.out" >&2
            die "the Agents Playground on port $port stopped while starting (config $config); its log is above."
        fi
        sleep 0.5
    done
    die "the Agents Playground on port $port did not answer within 30 s; see $dir/devTools/m365agentsplayground.log"
}

say "Starting the Agents Playgrounds"
start_playground $REP_PORT "$ROOT/data/playground-rep" "$ROOT/.m365agentsplayground.yml"
start_playground $LEADER_PORT "$ROOT/data/playground-leader" "$ROOT/tests/e2e/playground-leader.yml"

cat <<EOF

  TeamsCrm is running — open these in your browser:

    http://localhost:$REP_PORT   you are Li Na, sales rep
    http://localhost:$LEADER_PORT   you are Zhang Wei, Li Na's direct leader

  Type "help" (or 帮助) in the chat. Bot: $BOT_URL/api/messages, data in data/teamscrm.db,
  playground logs in data/playground-rep/ and data/playground-leader/ (devTools/).

  Press Ctrl-C to stop everything.

EOF

# bash 3.2 has no `wait -n`: poll, and stop everything if any one of them dies.
while true; do
    for pid in "${PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null || die "a process stopped unexpectedly (pid $pid); stopping the rest."
    done
    sleep 1
done
