#!/usr/bin/env bash
# Growth: does the time stay linear in what a user's input can grow by? For each axis the input is doubled
# twice and each size timed RUNS times (default 5); the script prints the median wall time of each size and the
# ratio to the size before it. Linear is a ratio near 2 (start-up makes the small sizes look cheaper); the bar is
# at most 2.2 per doubling.
#   pairs:    migration pairs (CREATE TABLE with a serial key, a foreign key, an index and a comment / DROP TABLE)
#             5k -> 10k -> 20k, through the validator's replay and rollback comparison
#   literal:  one string literal of hex (a seeded image) 256 KiB -> 512 KiB -> 1 MiB
#   file:     one seed file of INSERT statements, 50k -> 100k -> 200k statements
#   config:   a drydock.yaml with 250 -> 500 -> 1000 environments, loaded by 'migrator status'
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/.work/growth"
runs="${RUNS:-5}"
mkdir -p "$work"
if [ ! -f "$root/validator/target/validator.jar" ] || [ ! -f "$root/migrator/target/migrator.jar" ]; then
  (cd "$root" && mvn -q -DskipTests package) >&2
fi

python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]
def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
for n in (5000, 10000, 20000):
    d = f"{work}/pairs-{n}"
    if os.path.isdir(d):
        continue
    write(f"{d}/V1__t1.sql", "CREATE TABLE t1 (id serial PRIMARY KEY, name text);\n")
    write(f"{d}/U1__t1.sql", "DROP TABLE t1;\n")
    for i in range(2, n + 1):
        write(f"{d}/V{i}__t{i}.sql", f"CREATE TABLE t{i} (id serial PRIMARY KEY, parent_id int REFERENCES t{i-1} (id),"
              f" name text);\nCREATE INDEX t{i}_name ON t{i} (name);\nCOMMENT ON TABLE t{i} IS 'table {i}';\n")
        write(f"{d}/U{i}__t{i}.sql", f"DROP TABLE t{i};\n")
random.seed(7)
for kib in (256, 512, 1024):
    d = f"{work}/literal-{kib}"
    hexdigits = "".join(random.choice("0123456789abcdef") for _ in range(kib * 1024))
    write(f"{d}/V1__logo.sql", "CREATE TABLE logo (id int, data bytea);\nINSERT INTO logo VALUES (1, '\\x" + hexdigits + "');\n")
    write(f"{d}/U1__logo.sql", "DROP TABLE logo;\n")
for n in (50000, 100000, 200000):
    d = f"{work}/file-{n}"
    rows = "".join(f"INSERT INTO items (id, name) VALUES ({i}, 'item {i}');\n" for i in range(n))
    write(f"{d}/V1__seed.sql", "CREATE TABLE items (id int PRIMARY KEY, name text);\n" + rows)
    write(f"{d}/U1__seed.sql", "DROP TABLE items;\n")
for n in (250, 500, 1000):
    d = f"{work}/config-{n}"
    os.makedirs(f"{d}/db", exist_ok=True)
    envs = "".join(f"  env{i}:\n    url: \"jdbc:sqlite:./env{i}.db\"\n    backup: {{ required: true, maxAge: 24h }}\n" for i in range(n))
    write(f"{d}/drydock.yaml", "migrations: { dir: db, layout: flyway }\nenvironments:\n" + envs)
    write(f"{d}/db/V1__t.sql", "CREATE TABLE t (id int);\n")
    write(f"{d}/db/U1__t.sql", "DROP TABLE t;\n")
PY

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# axis NAME SIZES... -- CMD with {} for the size's folder: medians and ratios for one axis
axis() {
  local name="$1"; shift
  local -a sizes=()
  while [ "$1" != "--" ]; do sizes+=("$1"); shift; done
  shift
  local previous="" size folder start end median_ms
  printf '%-8s' "$name"
  for size in "${sizes[@]}"; do
    folder="$work/$name-$size"
    : > "$work/$name-$size.ms"
    for _ in $(seq "$runs"); do
      start=$(now)
      "${@//\{\}/$folder}" > /dev/null 2>&1 || true
      end=$(now)
      echo $(( (end - start) / 1000000 )) >> "$work/$name-$size.ms"
    done
    median_ms=$(median < "$work/$name-$size.ms")
    if [ -z "$previous" ]; then
      printf '  %s: %s ms' "$size" "$median_ms"
    else
      printf '  %s: %s ms (x%s)' "$size" "$median_ms" "$(awk -v a="$median_ms" -v b="$previous" 'BEGIN {printf "%.2f", a / b}')"
    fi
    previous="$median_ms"
  done
  echo
}

echo "median of $runs runs per size; (xN) = time over the size before it, linear is about x2"
axis pairs 5000 10000 20000 -- "$root/bin/validator" --dialect postgresql {}
axis literal 256 512 1024 -- "$root/bin/validator" --dialect postgresql {}
axis file 50000 100000 200000 -- "$root/bin/validator" --dialect postgresql {}
axis config 250 500 1000 -- "$root/bin/migrator" --config {}/drydock.yaml status --env env0
