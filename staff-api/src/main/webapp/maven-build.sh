#!/usr/bin/env bash
# The Maven build's step for the staff client (staff-api/pom.xml, phase generate-resources): builds src/main/webapp
# with this machine's Node.js and npm into the directory given as $1 (target/classes/META-INF/resources), from where
# staff-api serves it. The typed API client is generated from the committed openapi/staff-api.json on the way, so a
# change of the API that breaks the client breaks the build. Skip with -Dskp.client.skip (the Java tests do not need it).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
out=${1:?usage: maven-build.sh OUTPUT_DIR}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "[client] ERROR: the staff client is built with Node.js and npm, and this machine has no $(command -v node >/dev/null && echo npm || echo node)." >&2
    echo "[client]   bin/test and bin/run install them (bin/ensure-node); for ./mvnw by hand: PATH=\$(bin/ensure-node)\$PATH ./mvnw ..." >&2
    echo "[client]   or build without the client: -Dskp.client.skip" >&2
    exit 1
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a == 20 && b >= 19) ? 0 : 1)'; then
    echo "[client] ERROR: Node.js $(node -v) is too old for the client's build tools (Vite needs 20.19 or newer)." >&2
    echo "[client]   bin/test and bin/run fetch a newer one where the distribution's is older (bin/ensure-node); for ./mvnw by" >&2
    echo "[client]   hand: PATH=\$(bin/ensure-node)\$PATH ./mvnw ..." >&2
    exit 1
fi

# npm ci only when the lock file changed since the last install: it takes longer than the build itself.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "[client] npm ci"
    npm ci --no-audit --no-fund --loglevel=error
fi
# The output directory holds the client alone: files of an earlier build (hashed names) would end up in the jar.
rm -rf "$out/assets" "$out/index.html"
echo "[client] npm run build -> $out"
SKP_CLIENT_OUT_DIR=$out npm run build --silent
