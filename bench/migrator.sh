#!/usr/bin/env bash
# Applying a real corpus (concourse, ~150 PostgreSQL migrations) to an empty database, three ways, alternating
# run by run, in one go:
#   psql       each forward file with psql, in order: the floor, no history, no checks
#   flyway     Flyway's own command line (org.flywaydb:flyway-commandline:12.4.0 from Maven Central)
#   migrator   bin/migrator up --backup skip-with-reason=bench --yes (validator and drift gates on)
# and the gates' own cost: inside up (validator and drift check, as up reports them) and bin/migrator plan alone.
# Prints medians and ratios. RUNS=N sets the number of runs (default 5). Needs PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/.work/migrator"
runs="${RUNS:-5}"
corpus="$(cd "$root/../shared/corpora/concourse__concourse/atc/db/migration/migrations" && pwd)"
pg="postgresql://postgres@127.0.0.1:5432"
mkdir -p "$work"

if [ ! -f "$root/migrator/target/migrator.jar" ]; then
  (cd "$root" && mvn -q -DskipTests package) >&2
fi

# Flyway's command line and what it needs, from Maven Central, once.
if [ ! -d "$work/flyway-lib" ]; then
  echo "fetching org.flywaydb:flyway-commandline:12.4.0 into $work/flyway-lib" >&2
  cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>flyway-cli</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-commandline</artifactId><version>12.4.0</version></dependency>
    <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId><version>12.4.0</version></dependency>
    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.13</version></dependency>
    <!-- flyway-commandline (Jackson 3) needs jackson-annotations 2.21 (JsonSerializeAs), which it does not pin -->
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-annotations</artifactId><version>2.21</version></dependency>
  </dependencies>
</project>
POM
  (cd "$work" && mvn -q dependency:copy-dependencies -DoutputDirectory=flyway-lib) >&2
fi

# The same forward scripts for all three: concourse's .up.sql files, named as Flyway names them.
flyway_dir="$work/flyway-sql"
rm -rf "$flyway_dir" && mkdir -p "$flyway_dir"
for file in "$corpus"/*.up.sql; do
  base="$(basename "$file" .up.sql)"
  version="${base%%_*}"; description="${base#*_}"
  if [ -e "$flyway_dir/V${version}__${description}.sql" ] || ls "$flyway_dir"/V"${version}"__*.sql >/dev/null 2>&1; then
    continue # concourse has two files with one version; Flyway refuses that, so all three skip the second
  fi
  cp "$file" "$flyway_dir/V${version}__${description}.sql"
done
count=$(ls "$flyway_dir" | wc -l)

# The migrator's project: the same files, the flyway layout, the validator's errors on this set made warnings.
cat > "$work/drydock.yaml" <<YAML
migrations:
  dir: flyway-sql
  layout: flyway
  dialects: [postgresql]
validator:
  rules: { rollback-missing: off, rollback-orphan: off, rollback-not-inverse: warning, unknown-object: warning,
           duplicate-object: warning, empty-migration: off, irreversible-without-ack: warning,
           not-null-without-default: warning, concurrent-in-transaction: warning }
environments:
  bench: { url: "jdbc:postgresql://127.0.0.1:5432/drydock_bench_migrator?user=postgres" }
YAML

fresh() { psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS drydock_bench_migrator WITH (FORCE)" -c "CREATE DATABASE drydock_bench_migrator"; }
now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
: > "$work/psql.ms"; : > "$work/flyway.ms"; : > "$work/migrator.ms"; : > "$work/gates.ms"; : > "$work/plan.ms"
for i in $(seq "$runs"); do
  fresh
  s=$(now); for f in "$flyway_dir"/*.sql; do psql -q -o /dev/null "$pg/drydock_bench_migrator" -f "$f" >/dev/null 2>&1 || true; done
  echo $(( ($(now) - s) / 1000000 )) >> "$work/psql.ms"
  fresh
  s=$(now); java -cp "$work/flyway-lib/*" org.flywaydb.commandline.Main -q \
      -url="jdbc:postgresql://127.0.0.1:5432/drydock_bench_migrator" -user=postgres \
      -locations="filesystem:$flyway_dir" migrate >/dev/null
  echo $(( ($(now) - s) / 1000000 )) >> "$work/flyway.ms"
  fresh
  s=$(now); "$root/bin/migrator" --config "$work/drydock.yaml" up --env bench --backup skip-with-reason=bench --yes \
      > "$work/up.out" 2>/dev/null
  echo $(( ($(now) - s) / 1000000 )) >> "$work/migrator.ms"
  # the gates' own cost inside that run, as up reports it: "gates so far: validator N ms, drift M ms"
  sed -n 's/^gates so far: validator \([0-9]*\) ms, drift \([0-9]*\) ms$/\1 \2/p' "$work/up.out" \
      | awk '{print $1 + $2}' >> "$work/gates.ms"
  s=$(now); "$root/bin/migrator" --config "$work/drydock.yaml" plan --env bench >/dev/null || true
  echo $(( ($(now) - s) / 1000000 )) >> "$work/plan.ms"
done
psql -q "$pg/postgres" -c "DROP DATABASE IF EXISTS drydock_bench_migrator WITH (FORCE)"
p=$(median < "$work/psql.ms"); f=$(median < "$work/flyway.ms"); m=$(median < "$work/migrator.ms"); g=$(median < "$work/gates.ms")
pl=$(median < "$work/plan.ms")
echo "concourse: $count migrations applied to an empty PostgreSQL database; median of $runs alternating runs; $(nproc) cores"
printf 'psql file by file %6s ms\nflyway CLI 12.4.0 %6s ms   %s x psql\nmigrator up       %6s ms   %s x psql   %s x flyway (target <= 1.2)\n' \
  "$p" "$f" "$(awk -v a="$f" -v b="$p" 'BEGIN{printf "%.2f", a/b}')" \
  "$m" "$(awk -v a="$m" -v b="$p" 'BEGIN{printf "%.2f", a/b}')" "$(awk -v a="$m" -v b="$f" 'BEGIN{printf "%.2f", a/b}')"
printf 'gates inside up: validator + drift check %s ms (target < 1000 ms)\n' "$g"
printf 'migrator plan as its own command (JVM start, validator, drift, the plan) on the applied database: %s ms\n' "$pl"
