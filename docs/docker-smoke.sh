#!/usr/bin/env bash
# Tries the Mediahub image end to end on a machine with Docker: builds it, starts the container on three fresh
# folders (data, library, inbox), waits until its health check passes, drops a small video made with the image's own
# ffmpeg into the inbox, and checks that it was filed into the library or moved to inbox/.failed/ with a reason.
# Then it removes the container and the folders. Needs Docker and nothing else; takes a few minutes (the build).
#
#   docs/docker-smoke.sh            # from the checkout; exit 0 when the image works
#   KEEP=1 docs/docker-smoke.sh     # leave the folders behind to look at
set -euo pipefail
cd "$(dirname "$0")/.."

image=${IMAGE:-mediahub:smoke}
name=mediahub-smoke-$$
port=${PORT:-18080}
work=$(mktemp -d)
mkdir -p "$work/data" "$work/library" "$work/inbox"

cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "folders kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== building $image"
docker build -q -t "$image" . >/dev/null

echo "== starting $name (health and metrics on 127.0.0.1:$port)"
# As the calling user, so the bind-mounted folders stay writable and removable; no TMDb token: a drop is filed by its
# name alone or fails with a reason, both of which show the intake works in the container.
docker run -d --name "$name" --user "$(id -u):$(id -g)" -p "127.0.0.1:$port:8080" \
  -v "$work/data:/data" -v "$work/library:/library" -v "$work/inbox:/inbox" \
  -e INTAKE_SETTLE_TIME=2 -e STORE_BACKUP_ENABLED=false "$image" >/dev/null

echo "== waiting for the health check"
status=starting
for _ in $(seq 1 60); do
  status=$(docker inspect --format '{{.State.Health.Status}}' "$name" 2>/dev/null || echo gone)
  [ "$status" = healthy ] && break
  [ "$status" = gone ] && break
  sleep 5
done
if [ "$status" != healthy ]; then
  echo "the container did not become healthy (status: $status); its log:" >&2
  docker logs "$name" >&2 || true
  exit 1
fi
curl -fsS "http://127.0.0.1:$port/observe/health/live" && echo

echo "== the tools are in the image"
for tool in ffmpeg ffprobe mediainfo fpcalc HandBrakeCLI yt-dlp; do
  docker exec "$name" sh -c "command -v $tool" >/dev/null || { echo "$tool is missing from the image" >&2; exit 1; }
done

echo "== dropping Smoke.Test.Movie.2020.mkv into the inbox"
docker exec "$name" ffmpeg -nostdin -v error -f lavfi -i testsrc=size=64x48:rate=5:duration=2 \
  -f lavfi -i sine=frequency=440:duration=2 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest \
  /tmp/smoke.mkv
docker exec "$name" mv /tmp/smoke.mkv /inbox/Smoke.Test.Movie.2020.mkv

echo "== waiting for the intake"
result=""
for _ in $(seq 1 60); do
  if [ -n "$(find "$work/library" -type f -name '*.mkv' 2>/dev/null)" ]; then result=filed; break; fi
  if [ -n "$(find "$work/inbox/.failed" -type f -name '*.error.txt' 2>/dev/null)" ]; then result=failed; break; fi
  sleep 3
done
case "$result" in
  filed)  echo "filed: $(cd "$work/library" && find . -type f -name '*.mkv')" ;;
  failed) echo "failed with a reason: $(cat "$(find "$work/inbox/.failed" -type f -name '*.error.txt' | head -1)")" ;;
  *)      echo "the drop was neither filed nor failed; the container's log:" >&2; docker logs "$name" >&2; exit 1 ;;
esac
docker exec "$name" mediahub flows
echo "== the image works"
