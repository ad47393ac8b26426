# Sourced by scripts/setup.sh: `apt_get ARGS...` runs `$SUDO apt-get ARGS...` non-interactively.
#
# apt-get that waits for another package manager (an update running in the background, a
# second set-up) instead of failing at once, and says so plainly when the wait runs out.
# DPkg::Lock::Timeout makes `install` wait for the dpkg lock, here in slices of 10 s so that the
# wait is reported; `apt-get update` (apt 2.6) does not wait for the lists lock at all, so a
# lock error is retried until the same deadline. Output is shown only on failure (and warnings).
# APT_LOCK_TIMEOUT: seconds to wait in all (default 300).
APT_LOCK_TIMEOUT=${APT_LOCK_TIMEOUT:-300}
apt_get() {
  local log status holder slice waited=0 deadline=$((SECONDS + APT_LOCK_TIMEOUT))
  log=$(mktemp)
  while :; do
    status=0
    slice=$((deadline - SECONDS))
    [ "$slice" -gt 10 ] && slice=10
    [ "$slice" -lt 0 ] && slice=0
    ${SUDO:-} env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$slice" \
      "$@" >"$log" 2>&1 || status=$?
    if [ "$status" -eq 0 ]; then
      grep "^W:" "$log" >&2 || true
      rm -f "$log"
      return 0
    fi
    if ! grep -q -e "Could not get lock" -e "Unable to lock" -e "Unable to acquire the dpkg" "$log"; then
      cat "$log" >&2
      rm -f "$log"
      echo "scripts/setup.sh: apt-get $1 failed (exit status $status), see above." >&2
      exit "$status"
    fi
    holder=$(sed -n 's/.*held by process \([0-9]*\) (\(.*\)).*/\2, process \1/p' "$log" | tail -1)
    if [ "$SECONDS" -ge "$deadline" ]; then
      rm -f "$log"
      echo "scripts/setup.sh: another package manager${holder:+ ($holder)} still holds the" \
        "apt/dpkg lock after ${APT_LOCK_TIMEOUT} s; nothing was installed." >&2
      echo "Let it finish (or close the software updater), then run this again. To wait" \
        "longer: APT_LOCK_TIMEOUT=900 bash scripts/setup.sh" >&2
      exit "$status"
    fi
    if [ "$waited" -eq 0 ]; then
      echo "Waiting for another package manager${holder:+ ($holder)} to finish" \
        "(at most ${APT_LOCK_TIMEOUT} s)..." >&2
      waited=1
    fi
    sleep 2
  done
}
