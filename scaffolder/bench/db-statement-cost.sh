#!/usr/bin/env bash
# MariaDB CPU per 100,000 events for each statement of the generated pipeline against the bare loop's insert,
# measured from mariadbd's /proc entry (run it on a quiet machine, with MariaDB on this host).
# Usage: [DB_USER=… DB_PASSWORD=…] scaffolder/bench/db-statement-cost.sh [JDBC_URL] [BATCHES]
#        (defaults: root with no password, jdbc:mariadb://127.0.0.1:3306/test?useBulkStmts=true, 200 batches of 500)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
driver_version=3.5.10   # the MariaDB driver Spring Boot 4.0.8 manages, as in generated services
jar="$HOME/.m2/repository/org/mariadb/jdbc/mariadb-java-client/$driver_version/mariadb-java-client-$driver_version.jar"
if [ ! -f "$jar" ]; then
  "$repo/mvnw" -B -q dependency:get -Dartifact="org.mariadb.jdbc:mariadb-java-client:$driver_version" -Dtransitive=false
fi
java -cp "$jar" "$here/DbStatementCost.java" "${1:-jdbc:mariadb://127.0.0.1:3306/test?useBulkStmts=true}" "${2:-200}"
