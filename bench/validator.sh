#!/usr/bin/env bash
# The validator against squawk on the same PostgreSQL files, alternating run by run, in one go.
#   pre-commit: 3 changed files in a repository of ~280 migrations (ory/kratos, PostgreSQL files)
#   corpus:     a whole corpus (concourse, 299 files)
# Prints the median wall time of each side and the ratio. RUNS=N sets the number of runs (default 21).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/.work"
runs="${RUNS:-21}"
corpora="$(cd "$root/../shared/corpora" && pwd)"
mkdir -p "$work"

squawk="$work/squawk/node_modules/@squawk-cli/linux-x64/bin/squawk"
if [ ! -x "$squawk" ]; then
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

bench() {
  local name="$1"; shift
  local -a squawk_cmd drydock_cmd
  local split=0
  for arg in "$@"; do
    if [ "$arg" = "--" ]; then split=1; continue; fi
    if [ $split -eq 0 ]; then squawk_cmd+=("$arg"); else drydock_cmd+=("$arg"); fi
  done
  "${squawk_cmd[@]}" > /dev/null 2>&1 || true   # warm the page cache for both
  "${drydock_cmd[@]}" > /dev/null 2>&1 || true
  : > "$work/$name.squawk"; : > "$work/$name.drydock"
  for _ in $(seq "$runs"); do
    time_ms "${squawk_cmd[@]}" >> "$work/$name.squawk"
    time_ms "${drydock_cmd[@]}" >> "$work/$name.drydock"
  done
  local s d
  s=$(median < "$work/$name.squawk")
  d=$(median < "$work/$name.drydock")
  printf '%-11s squawk %6s ms   drydock %6s ms   drydock/squawk %s\n' "$name" "$s" "$d" \
    "$(awk -v d="$d" -v s="$s" 'BEGIN {printf "%.2f", d / s}')"
}

echo "median of $runs alternating runs each; $(nproc) cores; $(java -version 2>&1 | head -n 1)"
bench pre-commit "$squawk" "${changed[@]}" -- "$validator" --config "$work/kratos-pg.yaml" "${changed[@]}"
bench corpus "$squawk" "${concourse_files[@]}" -- "$validator" "$concourse"

# The floor under every run: a JVM, the class archive and picocli, before any file is read.
: > "$work/startup.drydock"
for _ in $(seq "$runs"); do time_ms "$validator" --version >> "$work/startup.drydock"; done
printf '%-11s                 drydock %6s ms   (bin/validator --version)\n' start-up "$(median < "$work/startup.drydock")"
