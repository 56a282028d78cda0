#!/usr/bin/env bash
# Runs every test of the solution: unit, data (real SQLite and real PostgreSQL 15, a throwaway server
# started by tests/postgres.sh), component (bUnit), HTTP integration and browser end-to-end (real
# Kestrel + Debian's Chromium, installed here if missing).
# Ends with one line "N passed, N failed, N skipped" counting every test run; a skipped test counts as a failure.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package for the browser tests."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null \
    || { echo "Could not install chromium; the browser tests need it."; exit 1; }
fi

log=$(mktemp)
# The PostgreSQL variants of the data and integration tests need a server: a throwaway one, torn down at exit.
. tests/postgres.sh
trap 'rm -f "$log"; talkstracker_postgres_stop' EXIT
talkstracker_postgres_start || { echo "Could not start PostgreSQL for the tests."; echo; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
# The SIGKILL crash tests take TALKSTRACKER_KILL_POINTS kill points (200 unless set; docs/reliability.md has the
# longer run). Any test that hangs fails after 10 minutes instead of stalling CI.
# Every test runs with the clock at one fixed instant (TestClock: TALKSTRACKER_TEST_CLOCK, default one minute before
# 2027), so no test depends on the day it is run. Then the projects whose tests touch dates run again at the end of a
# month and on a leap day (docs/testing.md has the full matrix as a longer run).
dotnet test TalksTracker.sln --blame-hang-timeout 10m "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# At each instant the data and component tests run side by side, then the browser tests alone: next to the other two
# on two cores, the browser tests missed their waits (a circuit not started in 45 s, a highlight not shown in 15 s) in
# three of the last four full runs, and alone they take about as long (the others finish in about a third of their time).
# Output is shown whole, one project after another.
clock_projects=(tests/TalksTracker.Data.Tests tests/TalksTracker.Web.Tests tests/TalksTracker.EndToEnd)
clock_waves=("0 1" "2")
clock_out=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$clock_out"; talkstracker_postgres_stop' EXIT
for instant in ${TALKSTRACKER_CLOCK_MATRIX-2026-11-30T23:59:00Z 2028-02-29T12:00:00Z}; do
  for wave in "${clock_waves[@]}"; do
    pids=()
    for i in $wave; do
      ( TALKSTRACKER_TEST_CLOCK=$instant dotnet test "${clock_projects[$i]}" --no-build --blame-hang-timeout 10m "$@" >"$clock_out/$i.log" 2>&1
        echo $? >"$clock_out/$i.rc" ) &
      pids+=($!)
    done
    wait "${pids[@]}"
  done
  for i in "${!clock_projects[@]}"; do
    echo
    echo "== ${clock_projects[$i]} with the clock at $instant"
    tee -a "$log" <"$clock_out/$i.log"
    [ "$(cat "$clock_out/$i.rc")" -ne 0 ] && status=1
  done
done

# Each test assembly prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed!  - ...").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:")  f += $(i + 1)
      if ($i == "Passed:")  p += $(i + 1)
      if ($i == "Skipped:") s += $(i + 1)
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run failed without a failing test (a build error or a crashed test host): count it as a failure.
  failed=1
fi
if [ "$skipped" -gt 0 ]; then
  # Here every test must run: a PostgreSQL variant skips only when no server is named, and this script starts one.
  echo
  echo "$skipped tests were skipped; tests/run.sh counts each skipped test as a failure."
  failed=$((failed + skipped))
  status=1
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
