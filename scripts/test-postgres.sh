#!/usr/bin/env bash
# Runs a command with a private PostgreSQL 15 server: initialises a cluster in a temporary directory, starts it on a
# free loopback port, exports PARALLAX_TEST_POSTGRES (a postgres:// URL to its `postgres` database), runs the
# command, then stops the server and removes the cluster (also on failure or Ctrl-C).
#
#   scripts/test-postgres.sh swift test --skip-build --filter Conformance
#
# Installs Debian's postgresql when missing. As root, the server runs as the `postgres` user (initdb refuses
# root); otherwise as the current user. PG_SERVER_OPTIONS adds server settings (default `-c fsync=off`: a
# throw-away cluster; benchmarks use `-c synchronous_commit=off`, durable like SQLite's WAL with synchronous=NORMAL).
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
    done
    return 1
}

if ! BIN=$(find_bin); then
    echo "test-postgres: installing postgresql" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
    BIN=$(find_bin)
fi

RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    RUN_AS=(runuser -u postgres --)
fi

DIR=$(mktemp -d /tmp/parallax-pg.XXXXXX)
chmod 755 "$DIR"
[ ${#RUN_AS[@]} -gt 0 ] && chown postgres "$DIR"
DATA="$DIR/data"

cleanup() {
    local status=$?
    if [ -f "$DATA/postmaster.pid" ]; then
        "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    exit $status
}
trap cleanup EXIT INT TERM

"${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }

# A free loopback port: ask the kernel for one, then start; retry if another process took it meanwhile.
started=""
for _ in 1 2 3 4 5; do
    PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    if "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 30 \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 ${PG_SERVER_OPTIONS--c fsync=off}" \
        start >/dev/null; then
        started=yes
        break
    fi
done
if [ -z "$started" ]; then
    echo "test-postgres: the server did not start:" >&2
    cat "$DIR/server.log" >&2 || true
    exit 1
fi

export PARALLAX_TEST_POSTGRES="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "test-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ($DIR)" >&2
set +e
"$@"
status=$?
set -e
exit $status
