# Sourced by the load scripts: builds this tree's jar (or takes JAR=…), starts it in demo mode on a scratch data
# directory (or DATA=…) with the extra arguments given (and the JVM options in JAVA_OPTS), waits for health, and sets:
# java_bin, work, pid, postmaster; and defines session (a demo user signed in through the form).
# The app and the scratch folder are removed when the script exits.
start_app() { # $1 HTTP port, then extra application arguments
  local port=$1
  shift
  local jar=${JAR:-}
  if [ -z "$jar" ]; then
    ./mvnw -q -B -DskipTests package
    jar=$(ls target/synovia-*.jar | grep -v plain | head -1)
  fi
  java_bin=$( (ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null || true) | head -1)/bin/java
  work=$(mktemp -d)
  local data=${DATA:-$work/pg}
  "$java_bin" ${JAVA_OPTS:-} -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
      --synovia.database.embedded.data-directory="$data" "$@" > "$work/app.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
  until curl -fs "http://localhost:$port/actuator/health" | grep -q UP; do
    kill -0 $pid 2>/dev/null || { echo "application died:"; tail -20 "$work/app.log"; exit 1; }
    sleep 0.2
  done
  postmaster=$(head -1 "$data/postmaster.pid")
}

session() { # $1 demo user → JSESSIONID=<value> of a signed-in session (needs port and work, as start_app sets)
  local jar="$work/$1.cookies"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "http://localhost:$port/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "username=$1&password=synovia-demo&_csrf=$token" "http://localhost:$port/login"
  awk '$6 == "JSESSIONID" {print "JSESSIONID=" $7}' "$jar"
}
