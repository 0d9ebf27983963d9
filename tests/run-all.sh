#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the Node tools from the lockfile (the Agents Playground and
# the official Adaptive Cards renderer), restores NuGet packages, runs every test project in the solution,
# and ends with one line "N passed, N failed" counted from the test results (TRX) of every project.
set -uo pipefail
cd "$(dirname "$0")/.."

results=artifacts/test-results
rm -rf "$results"

command -v node >/dev/null || { echo "Node.js is needed (the Agents Playground and the card renderer run on it)." >&2; exit 1; }
npm ci --no-audit --no-fund --loglevel=error || exit 1
# The check-in page is tested in a real browser: Debian's Chromium (browser downloads are not possible) and CJK fonts.
# Several instances are tested against a real Redis: the tests start redis-server themselves, one per test.
if ! command -v chromium >/dev/null || [ ! -d /usr/share/fonts/opentype/noto ] || [ ! -x /usr/bin/redis-server ]; then
  apt=(apt-get); [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && apt=(sudo apt-get)
  "${apt[@]}" update -qq && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends chromium fonts-noto-cjk redis-server >/dev/null \
    || { echo "Chromium and redis-server (Debian packages chromium, redis-server) are needed for the browser and scale tests." >&2; echo "0 passed, 1 failed"; exit 1; }
fi

dotnet build TeamsCrm.sln --nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
status=0
# One run per test project, each with a TRX file named after it (names by timestamp can collide).
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=$?
done

passed=0; failed=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
# A project that crashed or never ran leaves no counts: that is a failure too, not silence.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$files" -eq 0 ]; then failed=$((failed + 1)); fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
