# Runs in the container (busybox sh): writes the routes' answers, then serves them in the foreground.
bb=/bin/busybox
$bb mkdir -p /www
$bb cp /app/index.html /www/index.html
echo '{"status":"ok"}' >/www/status
echo "{\"version\":\"${COMMIT_HASH}\"}" >/www/version
echo "sample-app ${COMMIT_HASH} listening on :${PORT}"
exec $bb httpd -f -v -p "${PORT}" -h /www
