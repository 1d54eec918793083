# Sourced by the farm benchmarks: a throw-away PostgreSQL cluster on a free local port, as the
# postgres user when run as root, password auth, stopped and deleted on exit. After
# `start_throwaway_postgres [EXTRA SERVER OPTIONS]`: $bin (PostgreSQL's binaries), $dir (the
# cluster's folder), $port, $as_pg (the command prefix to act as postgres); SLATE_DB_PASSWORD and
# SLATE_BENCH_USER are exported. `on_postgres_exit CMD` runs CMD before the cluster stops.
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
postgres_exit_hook=":"
on_postgres_exit() { postgres_exit_hook="$1"; }
start_throwaway_postgres() {
  dir="$(mktemp -d)"
  as_pg=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; as_pg=(runuser -u postgres --); fi
  export SLATE_DB_PASSWORD="$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export SLATE_BENCH_USER=slate
  printf '%s\n' "$SLATE_DB_PASSWORD" > "$dir/pw"; [ "$(id -u)" = 0 ] && chown postgres "$dir/pw"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U slate --auth=scram-sha-256 --pwfile="$dir/pw" -E UTF8 --no-locale >/dev/null
  rm -f "$dir/pw"
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir \
    -c max_connections=200 $*" -l "$dir/server.log" -w start >/dev/null
  trap 'eval "$postgres_exit_hook"; "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null; rm -rf "$dir"' EXIT
}
