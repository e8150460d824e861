#!/usr/bin/env bash
# The validator against squawk on the same PostgreSQL files, alternating run by run, in one go.
#   pre-commit: 3 changed files in a repository of ~280 migrations (ory/kratos, PostgreSQL files)
#   corpus:     a whole corpus (concourse, 299 files)
#   kratos:     every PostgreSQL up and down file of ory/kratos (557 files), with the project's config
# Prints the median wall time of each side and the ratios, against squawk as its npm package runs it
# (a node wrapper) and against the bare Rust binary inside. RUNS=N sets the number of runs (default 21).
# BASELINE=DIR also times DIR/bin/validator (an older checkout, built) in the same alternation, and prints
# this checkout's time over it: how a change moved each scenario.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/.work"
runs="${RUNS:-21}"
corpora="$(cd "$root/../shared/corpora" && pwd)"
mkdir -p "$work"

squawk_npm="$work/squawk/node_modules/.bin/squawk"   # the command the npm package installs (a node wrapper)
squawk_bin="$work/squawk/node_modules/@squawk-cli/linux-x64/bin/squawk"   # the Rust binary it wraps
if [ ! -x "$squawk_bin" ]; then
  echo "installing squawk-cli from npm into $work/squawk" >&2
  npm install --silent --no-audit --no-fund --prefix "$work/squawk" squawk-cli@2.66.0 >&2
fi
if [ ! -f "$root/validator/target/validator.jar" ]; then
  (cd "$root" && mvn -q -DskipTests package) >&2
fi
validator="$root/bin/validator"

# The kratos PostgreSQL set as a project would configure it.
kratos="$corpora/ory__kratos/persistence/sql/migrations/sql"
cat > "$work/kratos-pg.yaml" <<YAML
migrations:
  dir: '$kratos'
  dialects: [postgresql]
  layout: custom
  forward: '(?<version>\d+)_(?<description>[^.]+)\.postgres(\.autocommit)?\.up\.sql'
  rollback: '(?<version>\d+)_(?<description>[^.]+)\.postgres(\.autocommit)?\.down\.sql'
YAML
mapfile -t changed < <(ls "$kratos" | grep -E '\.postgres\.up\.sql$' | sort | tail -n 3 | sed "s|^|$kratos/|")
mapfile -t kratos_files < <(ls "$kratos" | grep -E '\.postgres(\.autocommit)?\.(up|down)\.sql$' | sort | sed "s|^|$kratos/|")
concourse="$corpora/concourse__concourse/atc/db/migration/migrations"
mapfile -t concourse_files < <(ls "$concourse"/*.sql)

now() { date +%s%N; }
# time_ms CMD...: one run's wall time in milliseconds; findings make both tools exit non-zero, which is fine
time_ms() {
  local start end
  start=$(now)
  "$@" > /dev/null 2>&1 || true
  end=$(now)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# bench NAME FILES... : squawk (npm command and bare binary) and drydock, alternating, on the same files;
# drydock's own arguments come from the DRYDOCK_ARGS array.
bench() {
  local name="$1"; shift
  local -a files=("$@")
  local side
  for side in npm bin drydock baseline; do : > "$work/$name.$side"; done
  "$squawk_bin" "${files[@]}" > /dev/null 2>&1 || true   # warm the page cache for all sides
  "$validator" "${DRYDOCK_ARGS[@]}" > /dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    time_ms "$squawk_npm" "${files[@]}" >> "$work/$name.npm"
    time_ms "$squawk_bin" "${files[@]}" >> "$work/$name.bin"
    time_ms "$validator" "${DRYDOCK_ARGS[@]}" >> "$work/$name.drydock"
    if [ -n "${BASELINE:-}" ]; then
      time_ms "$BASELINE/bin/validator" "${DRYDOCK_ARGS[@]}" >> "$work/$name.baseline"
    fi
  done
  local n b d
  n=$(median < "$work/$name.npm")
  b=$(median < "$work/$name.bin")
  d=$(median < "$work/$name.drydock")
  printf '%-11s squawk (npm) %5s ms   squawk (binary) %5s ms   drydock %5s ms   drydock/npm %s   drydock/binary %s\n' \
    "$name" "$n" "$b" "$d" "$(awk -v d="$d" -v s="$n" 'BEGIN {printf "%.2f", d / s}')" \
    "$(awk -v d="$d" -v s="$b" 'BEGIN {printf "%.2f", d / s}')"
  if [ -n "${BASELINE:-}" ]; then
    local o
    o=$(median < "$work/$name.baseline")
    printf '%-11s baseline %5s ms   drydock %5s ms   drydock/baseline %s\n' "" "$o" "$d" \
      "$(awk -v d="$d" -v s="$o" 'BEGIN {printf "%.2f", d / s}')"
  fi
}

echo "median of $runs alternating runs each; $(nproc) cores; $(java -version 2>&1 | head -n 1)"
DRYDOCK_ARGS=(--config "$work/kratos-pg.yaml" "${changed[@]}")
bench pre-commit "${changed[@]}"
DRYDOCK_ARGS=("$concourse")
bench corpus "${concourse_files[@]}"
DRYDOCK_ARGS=(--config "$work/kratos-pg.yaml")
bench kratos "${kratos_files[@]}"

# The floor under every run: a JVM, the class archive and picocli, before any file is read.
: > "$work/startup.drydock"
for _ in $(seq "$runs"); do time_ms "$validator" --version >> "$work/startup.drydock"; done
printf '%-11s                 drydock %6s ms   (bin/validator --version)\n' start-up "$(median < "$work/startup.drydock")"
