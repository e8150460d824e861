#!/usr/bin/env bash
# pg_dump against the backup daemon on a PostgreSQL database of realistic text, in one go:
#   pg_dump -Fc (default compression), pg_dump -Fc -Z0, and `backup-daemon backup` (checksum-verified),
#   then pg_restore of the -Fc dump against `backup-daemon verify --verify restore`.
# Prints medians and ratios. SIZE_MB (default 1024) sets the database size, RUNS (default 3) the runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/.work/backup"
size_mb="${SIZE_MB:-1024}"
runs="${RUNS:-3}"
db="drydock_bench_${size_mb}mb"
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
mkdir -p "$work"
[ -f "$root/backup-daemon/target/backup-daemon.jar" ] || (cd "$root" && mvn -q -DskipTests package) >&2

if ! psql -d "$db" -tAc "select 1 from bench_ready" >/dev/null 2>&1; then
  echo "creating $db (~${size_mb} MB of documents in words of a 4,000-word vocabulary)..." >&2
  dropdb --if-exists "$db"
  createdb "$db"
  psql -q -d "$db" <<SQL
create table vocabulary (id int primary key, word text not null);
insert into vocabulary select i, substr(md5(i::text), 1, 2 + i % 9) from generate_series(1, 4000) i;
create table documents (id bigint primary key, title text not null, body text not null, tags text[],
                        author int not null, created_at timestamptz not null);
create table comments (id bigint primary key, document_id bigint not null references documents (id),
                       body text not null, created_at timestamptz not null);
SQL
  # each round adds ~64 MB: 16,000 documents of 200-800 words and 32,000 short comments
  rounds=$(( (size_mb + 63) / 64 ))
  for round in $(seq 0 $((rounds - 1))); do
    psql -q -d "$db" <<SQL
insert into documents
select n, (select string_agg(word, ' ') from vocabulary where id in (select 1 + (random() * 3999)::int from generate_series(1, 6 + (n % 3)))),
       (select string_agg(v.word, case when g % 17 = 0 then '. ' else ' ' end)
          from generate_series(1, 200 + (n::bigint * 7919) % 600) g
          join vocabulary v on v.id = 1 + ((g * 2654435761 + n::bigint * 40503) % 4000)),
       array['t' || n % 50, 't' || n % 7], n % 997, now() - (n % 100000) * interval '1 minute'
from generate_series($round * 16000 + 1, ($round + 1) * 16000) n;
insert into comments
select n, 1 + (n - 1) / 2 + 0 * $round,
       (select string_agg(word, ' ') from vocabulary where id in (select 1 + (random() * 3999)::int from generate_series(1, 20 + n % 30))),
       now() - (n % 5000) * interval '1 minute'
from generate_series($round * 32000 + 1, ($round + 1) * 32000) n;
SQL
  done
  psql -q -d "$db" -c "vacuum analyze"
  psql -q -d "$db" -c "create index documents_author on documents (author); create table bench_ready ()"
fi
echo "database $db: $(psql -d "$db" -tAc "select pg_size_pretty(pg_database_size('$db'))")"

cat > "$work/drydock.yaml" <<YAML
environments:
  bench: { url: "jdbc:postgresql://127.0.0.1:5432/$db", user: postgres }
backup:
  store: "file:./backups"
  jobs:
    - { environment: bench, schedule: "0 0 3 * * ?", verifyUrl: "jdbc:postgresql://127.0.0.1:5432/postgres" }
YAML
daemon=("$root/bin/backup-daemon" --config "$work/drydock.yaml")

now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
for f in fc fc0 drydock restore verify; do : > "$work/$f.ms"; done

for run in $(seq "$runs"); do
  rm -rf "$work/backups" "$work"/*.dump
  t0=$(now); pg_dump -Fc -d "$db" -f "$work/fc.dump"; t1=$(now); ms "$t0" "$t1" >> "$work/fc.ms"
  t0=$(now); pg_dump -Fc -Z0 -d "$db" -f "$work/fc0.dump"; t1=$(now); ms "$t0" "$t1" >> "$work/fc0.ms"
  t0=$(now); "${daemon[@]}" backup --env bench --verify checksum > "$work/backup.out"; t1=$(now); ms "$t0" "$t1" >> "$work/drydock.ms"
  id=$(cut -d' ' -f1 < "$work/backup.out")
  dropdb --if-exists drydock_bench_restore; createdb drydock_bench_restore
  t0=$(now); pg_restore --no-owner -d drydock_bench_restore "$work/fc.dump"; t1=$(now); ms "$t0" "$t1" >> "$work/restore.ms"
  dropdb drydock_bench_restore
  t0=$(now); "${daemon[@]}" verify "$id" --verify restore > /dev/null; t1=$(now); ms "$t0" "$t1" >> "$work/verify.ms"
  echo "run $run: pg_dump -Fc $(tail -1 "$work/fc.ms") ms, -Z0 $(tail -1 "$work/fc0.ms") ms," \
       "backup-daemon $(tail -1 "$work/drydock.ms") ms, pg_restore $(tail -1 "$work/restore.ms") ms," \
       "restore verification $(tail -1 "$work/verify.ms") ms" >&2
done

fc=$(median < "$work/fc.ms"); fc0=$(median < "$work/fc0.ms"); dd=$(median < "$work/drydock.ms")
rs=$(median < "$work/restore.ms"); vf=$(median < "$work/verify.ms")
fc_bytes=$(stat -c %s "$work/fc.dump"); fc0_bytes=$(stat -c %s "$work/fc0.dump")
dd_bytes=$(stat -c %s "$work/backups/$id.zip")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "median of $runs runs; $(nproc) cores; $(pg_dump --version)"
printf '%-34s %8s ms %12s bytes\n' "pg_dump -Fc" "$fc" "$fc_bytes"
printf '%-34s %8s ms %12s bytes\n' "pg_dump -Fc -Z0" "$fc0" "$fc0_bytes"
printf '%-34s %8s ms %12s bytes\n' "backup-daemon backup (checksum)" "$dd" "$dd_bytes"
printf '%-34s %8s ms\n' "pg_restore of the -Fc dump" "$rs"
printf '%-34s %8s ms\n' "backup-daemon verify --verify restore" "$vf"
echo "backup-daemon / pg_dump -Fc      $(ratio "$dd" "$fc")   (target <= 0.40)"
echo "backup-daemon / pg_dump -Fc -Z0  $(ratio "$dd" "$fc0")   (target <= 2.00)"
echo "archive / pg_dump -Fc size       $(ratio "$dd_bytes" "$fc_bytes")   (target <= 1.00)"
echo "restore verification / pg_restore $(ratio "$vf" "$rs")"
