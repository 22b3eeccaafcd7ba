# Runs in the container (busybox sh): writes the routes' answers, then serves them in the foreground.
# A misbehaving release, by its task definition's environment: FAIL_PERCENT=10 answers `/` with HTTP 500 on
# (at random) 10 % of requests, SLOW_MS=300 sleeps 300 ms before answering `/`; then `/` is the CGI script
# /www/cgi-bin/index.cgi (busybox httpd runs it when there is no index.html). Without them `/` is a static file.
bb=/bin/busybox
for name in FAIL_PERCENT SLOW_MS; do
  eval "value=\${$name}"
  case "$value" in
    '' | *[!0-9]*) [ -z "$value" ] || { echo "sample-app: $name must be a whole number, not \"$value\"" >&2; exit 2; } ;;
  esac
done
if [ "${FAIL_PERCENT:-0}" -gt 100 ]; then echo "sample-app: FAIL_PERCENT must be 0..100, not ${FAIL_PERCENT}" >&2; exit 2; fi
$bb mkdir -p /www
if [ -n "${FAIL_PERCENT}${SLOW_MS}" ]; then
  $bb mkdir -p /www/cgi-bin
  $bb cp /app/index.cgi /www/cgi-bin/index.cgi
  $bb chmod 755 /www/cgi-bin/index.cgi
else
  $bb cp /app/index.html /www/index.html
fi
echo '{"status":"ok"}' >/www/status
echo "{\"version\":\"${COMMIT_HASH}\"}" >/www/version
echo "sample-app ${COMMIT_HASH} listening on :${PORT} (FAIL_PERCENT=${FAIL_PERCENT:-0} SLOW_MS=${SLOW_MS:-0})"
exec $bb httpd -f -v -p "${PORT}" -h /www
