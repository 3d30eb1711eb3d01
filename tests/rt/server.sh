#!/usr/bin/env bash
# A throwaway Request Tracker 5 for the tests (tests/rt/README.md).
#
#   tests/rt/server.sh run -- CMD [ARGS...]
#       installs RT when absent, starts it on a free 127.0.0.1 port with a private copy of the
#       SQLite database, exports RT_URL, RT_USER, RT_PASSWORD, RT_DIR to CMD, stops RT when CMD
#       ends and exits with CMD's status.
#   tests/rt/server.sh start        starts one and prints RT_URL=… RT_USER=… RT_PASSWORD=…
#                                   RT_DIR=… RT_PID=… lines (shell-sourceable); stop it with
#   tests/rt/server.sh stop RT_DIR
#
# Exit status 77 (and a loud SKIPPED banner on stderr) when RT is absent and apt-get is
# impossible, so callers can tell "skipped" from "failed". Every server stops by itself after
# RT_MAX_SECONDS (default 1800) even if nobody calls stop.
set -euo pipefail

RT_HOME=/usr/share/request-tracker5
RT_ETC=/etc/request-tracker5
SITE_FILE=$RT_ETC/RT_SiteConfig.d/90-handoff-tests.pm
SYSTEM_DB=/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb
RT_MAX_SECONDS=${RT_MAX_SECONDS:-1800}
RT_READY_SECONDS=${RT_READY_SECONDS:-120}

log() { echo "rt/server.sh: $*" >&2; }

skip_loudly() {
  {
    echo
    echo "################################################################################"
    echo "#  SKIPPED: Request Tracker 5 is not installed and cannot be installed here:"
    echo "#  $*"
    echo "#  The end-to-end test against a real helpdesk did NOT run."
    echo "################################################################################"
    echo
  } >&2
  exit 77
}

ensure_installed() {
  if [[ -x $RT_HOME/libexec/rt-server && -f $SYSTEM_DB ]]; then return; fi
  command -v apt-get >/dev/null || skip_loudly "apt-get is not available"
  local sudo=""
  if [[ $(id -u) != 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"
    else skip_loudly "not root and no password-less sudo for apt-get"; fi
  fi
  log "installing request-tracker5 (apt-get)"
  if ! { $sudo apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
           request-tracker5 rt5-db-sqlite rt5-standalone; } >&2; then
    skip_loudly "apt-get install request-tracker5 rt5-db-sqlite rt5-standalone failed"
  fi
  [[ -x $RT_HOME/libexec/rt-server && -f $SYSTEM_DB ]] ||
    skip_loudly "the packages installed but $SYSTEM_DB or rt-server is missing"
}

# The site config: everything that differs per server comes from the environment of that
# server's process, so several servers (several test runs) can share this one file, and RT
# started without HANDOFF_RT_PORT (the system's own) is not affected.
write_site_config() {
  local tmp
  tmp=$(mktemp)
  cat >"$tmp" <<'PERL'
# Written by Handoff Kit's tests/rt/server.sh. Applies only to RT processes started with
# HANDOFF_RT_PORT in their environment (the test servers); harmless for any other RT.
if ( my $port = $ENV{HANDOFF_RT_PORT} ) {
    Set( $WebPath,    "" );
    Set( $WebDomain,  "127.0.0.1" );
    Set( $WebPort,    $port );
    Set( $WebBaseURL, "http://127.0.0.1:$port" );
    Set( $CanonicalizeRedirectURLs, 0 );
    Set( $RestrictReferrer, 0 );
    Set( $DatabaseName, $ENV{HANDOFF_RT_DB} ) if $ENV{HANDOFF_RT_DB};
    Set( $LogToSTDERR, "warning" );
    Set( $LogToSyslog, undef );
    Set( $LogToFile, undef );
    Set( $Timezone, "UTC" );
    # REST 2 with HTTP basic auth (root / password) needs nothing more in RT 5.0.
}
1;
PERL
  if ! cmp -s "$tmp" "$SITE_FILE" 2>/dev/null; then
    cp "$tmp" "$SITE_FILE" 2>/dev/null || { $([[ $(id -u) != 0 ]] && echo "sudo -n") cp "$tmp" "$SITE_FILE"; }
    chmod 0644 "$SITE_FILE" || true
  fi
  rm -f "$tmp"
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  ensure_installed
  write_site_config
  local dir port pid
  dir=$(mktemp -d /tmp/handoff-rt.XXXXXX)
  cp "$SYSTEM_DB" "$dir/rtdb"
  chmod 0666 "$dir/rtdb"; chmod 0777 "$dir"
  port=$(free_port)
  # setsid: its own process group, so stop kills rt-server and its children only.
  HANDOFF_RT_PORT=$port HANDOFF_RT_DB=$dir/rtdb \
    setsid "$RT_HOME/libexec/rt-server" --port "$port" >"$dir/log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$dir/pid"
  echo "$port" >"$dir/port"
  # Watchdog: stop by itself after RT_MAX_SECONDS.
  ( trap '' HUP; sleep "$RT_MAX_SECONDS"; kill -TERM -- "-$pid" 2>/dev/null ) >/dev/null 2>&1 </dev/null &
  echo $! >"$dir/watchdog"
  local url=http://127.0.0.1:$port deadline=$((SECONDS + RT_READY_SECONDS))
  until curl -fsS -o /dev/null -u root:password "$url/REST/2.0/queues/all" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "rt-server exited during start-up; its log:"; cat "$dir/log" >&2; return 1
    fi
    if ((SECONDS > deadline)); then
      log "rt-server not ready after ${RT_READY_SECONDS}s; its log:"; tail -50 "$dir/log" >&2
      stop "$dir"; return 1
    fi
    sleep 0.5
  done
  log "ready at $url (dir $dir, pid $pid)"
  printf 'RT_URL=%s\nRT_USER=root\nRT_PASSWORD=password\nRT_DIR=%s\nRT_PID=%s\n' "$url" "$dir" "$pid"
}

stop() {
  local dir=$1 pid
  [[ -f $dir/pid ]] || { log "no server in $dir"; return 0; }
  pid=$(cat "$dir/pid")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  [[ -f $dir/watchdog ]] && kill "$(cat "$dir/watchdog")" 2>/dev/null || true
  case $dir in /tmp/handoff-rt.*) rm -rf "$dir" ;; esac
}

case ${1:-} in
  start) start ;;
  stop) stop "${2:?usage: server.sh stop RT_DIR}" ;;
  run)
    shift; [[ ${1:-} == -- ]] && shift
    (($#)) || { echo "usage: server.sh run -- CMD [ARGS...]" >&2; exit 2; }
    out=$(start) || exit $?
    eval "$(printf '%s\n' "$out" | sed 's/^/export /')"
    trap 'stop "$RT_DIR"' EXIT INT TERM
    status=0; "$@" || status=$?
    exit "$status"
    ;;
  *) echo "usage: server.sh start | stop RT_DIR | run -- CMD [ARGS...]" >&2; exit 2 ;;
esac
