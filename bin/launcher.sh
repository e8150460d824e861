# Sourced by bin/validator, bin/migrator and bin/backup-daemon: builds a module's jar when it is missing or older
# than any main source or pom of the reactor, so a launcher runs what the checkout holds and a second run starts
# at once.
ensure_jar() {
  local home="$1" module="$2" jar="$1/$2/target/$2.jar" stamp="$1/$2/target/.launcher-built"
  # only the modules' main sources and the poms are walked, not build output or the npm tools under bench/.work:
  # this runs at every start
  if [ -f "$jar" ] && [ -f "$stamp" ] && [ -z "$(find "$home"/*/src/main "$home"/pom.xml "$home"/*/pom.xml -type f \
      -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    return
  fi
  echo "$module: building $jar (first run, or the sources changed)..." >&2
  (cd "$home" && mvn -q -DskipTests -pl "$module" -am package) >&2
  # A stamp, not the jar, records the build: Maven keeps an unchanged jar's old time, and touching the jar would
  # make the JVM refuse the class archive (and AOT cache) built from it.
  touch "$stamp"
}

# PostgreSQL's own parser (libpg_query) judges the validator's PostgreSQL syntax. Debian packages it; on a fresh
# Debian machine run as root it is installed here, once. Elsewhere the validator runs without it and says so.
ensure_pg_query() {
  # the whole listing first: under pipefail, grep -q closing the pipe early would fail the check at random
  case "$(ldconfig -p 2>/dev/null)" in *libpg_query.so*) return ;; esac
  if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
    return
  fi
  echo "installing Debian's libpg-query1504.0 (PostgreSQL's own parser, for the validator)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq libpg-query1504.0 >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq libpg-query1504.0 >/dev/null 2>&1; } \
    || echo "could not install libpg-query1504.0; the validator checks PostgreSQL syntax without it" >&2
}
