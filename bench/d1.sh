#!/usr/bin/env bash
# Applying a D1 migration set to a fresh local D1: wrangler's own `d1 migrations apply --local` against
# `bin/migrator up` (validator gate, then one `wrangler d1 execute --local` per migration), alternating run by run,
# each on a new copy of the project. Prints the median wall time of each side and the ratio.
# Corpus: cloudflare/wildebeest (11 files). RUNS=N sets the number of runs (default 5).
# Wrangler 4 and Node 22 come from npm into bench/.work (as .ci/run installs them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/bench/.work"
runs="${RUNS:-5}"
corpora="$(cd "$root/../shared/corpora" && pwd)"
node="$work/node22/node_modules/node/bin/node"
wrangler_js="$work/wrangler/node_modules/wrangler/bin/wrangler.js"
[ -x "$node" ] || npm install --silent --no-audit --no-fund --prefix "$work/node22" node@22 >&2
[ -f "$wrangler_js" ] || npm install --silent --no-audit --no-fund --prefix "$work/wrangler" wrangler@4.164.0 >&2
wrangler="$node $wrangler_js"
export CI=true WRANGLER_SEND_METRICS=false

project() {
  rm -rf "$1" && mkdir -p "$1/migrations"
  cp "$corpora/cloudflare__wildebeest/migrations/"*.sql "$1/migrations/"
  printf 'name = "bench"\ncompatibility_date = "2025-01-01"\n\n[[d1_databases]]\nbinding = "DB"\n' > "$1/wrangler.toml"
  printf 'database_name = "app"\ndatabase_id = "00000000-0000-4000-8000-00000000b0b0"\n' >> "$1/wrangler.toml"
  cat > "$1/drydock.yaml" <<YAML
migrations: { dir: migrations, layout: wrangler, dialects: [d1] }
validator: { rules: { rollback-missing: off, irreversible-without-ack: warning } }
environments:
  dev: { url: "d1:app", wrangler: { local: true, command: "$wrangler" } }
YAML
}

ms() { local start end; start=$(date +%s%N); "$@" > /dev/null 2>&1; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

"$root/bin/migrator" --version > /dev/null   # builds the jar once, outside the timing
: > "$work/d1.wrangler"; : > "$work/d1.migrator"
for _ in $(seq 1 "$runs"); do
  project "$work/d1-wrangler"
  (cd "$work/d1-wrangler" && ms $wrangler d1 migrations apply app --local) >> "$work/d1.wrangler"
  project "$work/d1-migrator"
  (cd "$work/d1-migrator" && ms "$root/bin/migrator" up --env dev) >> "$work/d1.migrator"
done
w=$(median < "$work/d1.wrangler"); m=$(median < "$work/d1.migrator")
echo "wildebeest: 11 migrations to a fresh local D1; median of $runs alternating runs; $(nproc) cores"
printf 'wrangler d1 migrations apply %6s ms   migrator up %6s ms   migrator/wrangler %s\n' "$w" "$m" \
  "$(awk -v m="$m" -v w="$w" 'BEGIN {printf "%.2f", m / w}')"
