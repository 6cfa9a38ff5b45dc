#!/usr/bin/env bash
# Side-by-side benchmark of `portlore serve` and nginx serving `portlore export`, plus
# the export of all 65,536 English pages. Loopback only.
#
#   PORTLORE_REGISTRY=/path/to/service-names-port-numbers.xml bench/web/run.sh
#
# Env: SKIP_BUILD=1 uses the existing release binary; DURATION (default 20s), CONNECTIONS (64), THREADS (2), CARGO_TARGET_DIR.
# Needs wrk and nginx (Debian: apt-get install wrk nginx-light).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
TARGET=${CARGO_TARGET_DIR:-target}
command -v wrk >/dev/null || { echo "skipped: wrk is not installed"; exit 0; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "skipped: nginx is not installed"; exit 0; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

[ -n "${SKIP_BUILD:-}" ] || cargo build --release -p portlore-full >/dev/null
BIN="$TARGET/release/portlore-full"
WORK=$(mktemp -d /tmp/portlore-bench-web.XXXXXX)
export PORTLORE_DATA_DIR="$WORK/data"
mkdir -p "$PORTLORE_DATA_DIR"
trap 'kill $SERVE_PID 2>/dev/null || true; [ -f "$WORK/run/nginx.pid" ] && kill "$(cat "$WORK/run/nginx.pid")" 2>/dev/null || true; rm -rf "$WORK"' EXIT
SERVE_PID=
# Both get the same public address, so both write the same canonical and hreflang links
# (without one, the export leaves them out while serve builds them from its listener).
SITE_URL=https://portlore.example/

echo "== export of every English page (nproc=$(nproc))"
/usr/bin/time -f "export: %e s wall, %M KB max RSS" "$BIN" export --out "$WORK/site" --lang en --no-progress \
  --site-url "$SITE_URL"

SERVE_PORT=17147
NGINX_PORT=17148
RUST_LOG=warn "$BIN" serve --listen "127.0.0.1:$SERVE_PORT" --site-url "$SITE_URL" --log-format text &
SERVE_PID=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$SERVE_PORT/healthz" >/dev/null && break; sleep 0.2; done

mkdir -p "$WORK/run"
chmod -R a+rX "$WORK"   # nginx workers run unprivileged
sed -e "s#@RUN@#$WORK/run#g" -e "s#@ROOT@#$WORK/site#g" -e "s#@PORT@#$NGINX_PORT#g" bench/web/nginx.conf.in > "$WORK/run/nginx.conf"
"$NGINX" -c "$WORK/run/nginx.conf" -e "$WORK/run/error.log"
sleep 0.5

# Both must serve the same bytes for the same page, apart from the links (the export's
# are relative, so that it works on any host and over file://).
# The export holds English only, so it also leaves out the links to other languages, and
# it has no feedback overview or API, so its footer does not link them.
unlink() {
  perl -0pe 's/<link rel="alternate"[^>]*>\n?//g; s/<nav class="langs".*?<\/nav>\n?//sg;
    s/<p><a href="[^"]*">Home<\/a>.*?<\/p>//g' |
    sed -E 's/(href|src|action)="[^"]*"/\1=""/g'
}
for p in 3147 22 65535; do
  cmp <(curl -fs "http://127.0.0.1:$SERVE_PORT/en/ports/$p" | unlink) <(curl -fs "http://127.0.0.1:$NGINX_PORT/en/ports/$p" | unlink) \
    || { echo "serve and nginx differ on /en/ports/$p"; exit 1; }
done

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in serve nginx; do
  port=$SERVE_PORT; [ $name = nginx ] && port=$NGINX_PORT
  echo "== $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION, random /en/ports/N"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/web/random-port.lua "http://127.0.0.1:$port" \
    | grep -E "Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx|Socket errors"
  if [ $name = serve ]; then
    echo "portlore serve RSS after the run: $(ps -o rss= -p $SERVE_PID) KB"
  fi
done
echo "nginx errors: $(grep -c error "$WORK/run/error.log" || true)"; tail -2 "$WORK/run/error.log"
