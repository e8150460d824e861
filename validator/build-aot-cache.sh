#!/usr/bin/env bash
# Run by the build after the jar and its class archive: where a JDK 25 or newer is on the machine, a training run
# on examples/training writes validator.aot, JDK 25's ahead-of-time cache (JEP 483, 514, 515: classes loaded and
# linked, method profiles), and validator.aot.java names the java it belongs to. bin/validator then starts on that
# JDK with the cache. Without such a JDK nothing is written and bin/validator runs as before.
#   build-aot-cache.sh TARGET_DIR TRAINING_DIR
set -euo pipefail
target="$1"
training="$2"
rm -f "$target/validator.aot" "$target/validator-ddl.aot" "$target/validator.aot.java"

java_aot=""
for candidate in "${DRYDOCK_AOT_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/*/bin/java; do
  [ -n "$candidate" ] && [ -x "$candidate" ] || continue
  version="$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
    java_aot="$candidate"
    break
  fi
done
if [ -z "$java_aot" ]; then
  echo "validator: no JDK 25 or newer here, so no AOT cache; bin/validator starts with the class archive alone"
  exit 0
fi

# The same JVM options as bin/validator: the cache holds only what a run with them can use. The training run
# checks data statements too, so Calcite's classes are in the cache: JDK 25 loads them at every start (about 20 ms
# on a run over schema changes), but a run that checks data statements starts half as slow as without them.
"$java_aot" -XX:AOTCacheOutput="$target/validator.aot" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m \
  -Xlog:aot=off -Xlog:cds=off -jar "$target/validator.jar" --format=json --output="$target/aot-training.json" \
  --config="$training/drydock.yaml" "$training/flyway" "$training/golang" "$training/wrangler" > /dev/null 2>&1 || true
# A second cache, trained on schema changes alone, holds no Calcite class: bin/validator starts from it when the
# files a run names hold no data statement (a pre-commit run over DDL), which then never loads Calcite at all.
"$java_aot" -XX:AOTCacheOutput="$target/validator-ddl.aot" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m \
  -Xlog:aot=off -Xlog:cds=off -jar "$target/validator.jar" --format=json --output="$target/aot-training-ddl.json" \
  --config="$training/drydock.yaml" "$training/flyway/V1__create_users.sql" "$training/flyway/U1__create_users.sql" \
  "$training/flyway/V2__add_email_index.sql" "$training/flyway/U2__add_email_index.sql" "$training/golang" \
  "$training/wrangler" > /dev/null 2>&1 || true
if [ -f "$target/validator.aot" ]; then
  echo "$java_aot" > "$target/validator.aot.java"
  echo "validator: AOT cache for $java_aot written"
fi
