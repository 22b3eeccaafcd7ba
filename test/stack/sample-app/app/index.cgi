#!/bin/busybox sh
# `/` of a misbehaving release (start.sh): sleeps SLOW_MS, then answers 500 on FAIL_PERCENT % of requests.
bb=/bin/busybox
[ "${SLOW_MS:-0}" -gt 0 ] && $bb usleep $((SLOW_MS * 1000))
if [ $((RANDOM % 100)) -lt "${FAIL_PERCENT:-0}" ]; then
  printf 'Status: 500 Internal Server Error\r\nContent-Type: text/plain\r\n\r\nsample-app %s: failing on purpose (FAIL_PERCENT=%s)\n' "$COMMIT_HASH" "$FAIL_PERCENT"
  exit 0
fi
printf 'Content-Type: text/html\r\n\r\n'
$bb cat /app/index.html
