#!/usr/bin/env bash
# Fills a local bin/run instance with something to look at in the client: two contact persons, a partner, and a
# dozen concerns in different states. Development only; safe to run again (it adds more concerns).
#
#   scripts/seed-dev.sh            # intake on 127.0.0.1:8080, staff on 127.0.0.1:8081
#   SKP_INTAKE=http://127.0.0.1:28080 SKP_STAFF=http://127.0.0.1:28081 scripts/seed-dev.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../../../.." && pwd)
INTAKE=${SKP_INTAKE:-http://127.0.0.1:8080}
STAFF=${SKP_STAFF:-http://127.0.0.1:8081}/api/v1
COORD=$("$ROOT/bin/dev-token" kim)
ADMIN=$("$ROOT/bin/dev-token" ada)
ANNA=$("$ROOT/bin/dev-token" anna)

json() { curl -s -H 'Content-Type: application/json' "$@"; }
etag() { curl -s -o /dev/null -D - -H "Authorization: Bearer $1" "$2" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p'; }

# Anna and Bo (the demo users' Keycloak subjects) are registered by bin/run.
json -X POST "$STAFF/admin/partners" -H "Authorization: Bearer $ADMIN" \
    -d '{"id": "fyns-politi", "name": "Fyns Politi", "defaultRole": "POLICE"}' >/dev/null
ANNA_ID=$(curl -s -H "Authorization: Bearer $ADMIN" "$STAFF/admin/contact-persons" | sed -E 's/.*"id":"([^"]+)","subject":"c0000000-0000-4000-8000-000000000002".*/\1/')

submit() { # submit URGENCY ACUTE INDICATORS DESCRIPTION [PLACE]
    json -X POST "$INTAKE/api/v1/concerns" -H 'Accept-Language: da' -d "{
      \"reporter\": {\"role\": \"NEIGHBOUR\", \"anonymity\": \"CONFIDENTIAL\", \"phone\": \"12345678\"},
      \"person\": {\"ageBand\": \"50_66\", \"knowsAboutReport\": \"NO\", \"appearance\": \"Høj, gråt skæg, grøn militærjakke\", \"language\": \"da\"},
      \"whereabouts\": {\"address\": \"Vestergade 12, 2. th.\", \"postcode\": \"5000\", \"placeDescription\": ${5:-null}, \"usualTimes\": \"Om morgenen på bænken\", \"regularity\": \"DAILY\"},
      \"observations\": {\"indicators\": $3, \"description\": \"$4\", \"safetyNotes\": \"Stor hund i lejligheden\"},
      \"urgency\": \"$1\", \"acuteDanger\": $2}" | sed -E 's/.*"reference":"([^"]+)".*/\1/'
}
id_of() { curl -s -H "Authorization: Bearer $COORD" "$STAFF/concerns?reference=$1" | sed -E 's/.*"id":"([^"]+)".*/\1/'; }

R1=$(submit URGENT true '["CONFUSED_OR_PSYCHOTIC","SELF_NEGLECT"]' 'Råber om natten, har ikke spist i dagevis.')
R2=$(submit SOON false '["SOCIAL_ISOLATION","NEGLECTED_HOME"]' 'Ikke set i to uger; posten hober sig op.')
R3=$(submit NORMAL false '["HOMELESS","SUBSTANCE_USE"]' 'Sover i et telt bag stationen.' '"Buskene bag banegården, nordsiden"')
R4=$(submit NORMAL false '["HOARDING"]' 'Lejligheden er fyldt til loftet.')
R5=$(submit SOON false '["EVICTION_RISK","MISSED_APPOINTMENTS"]' 'Har fået varsel om udsættelse.')
R6=$(submit NORMAL false '["SOCIAL_ISOLATION"]' 'Går aldrig ud.')
sleep 2
for R in $R3 $R4 $R5 $R6; do
    ID=$(id_of "$R")
    json -X POST "$STAFF/concerns/$ID/triage" -H "Authorization: Bearer $COORD" -H "If-Match: $(etag "$COORD" "$STAFF/concerns/$ID")" \
        -d '{"outcome": "ACCEPTED", "priority": "HIGH", "targetGroups": ["HOMELESSNESS", "SUBSTANCE_ABUSE"], "district": "Odense C"}' >/dev/null
done
for R in $R3 $R4; do
    ID=$(id_of "$R")
    json -X PUT "$STAFF/concerns/$ID/assignment" -H "Authorization: Bearer $COORD" -H "If-Match: $(etag "$COORD" "$STAFF/concerns/$ID")" \
        -d "{\"contactPersonId\": \"$ANNA_ID\"}" >/dev/null
done
ID=$(id_of "$R3")
json -X POST "$STAFF/concerns/$ID/attempts" -H "Authorization: Bearer $ANNA" -H "If-Match: $(etag "$ANNA" "$STAFF/concerns/$ID")" \
    -d "{\"attemptedAt\": \"$(date -u +%FT%TZ)\", \"channel\": \"STREET\", \"placeNote\": \"Bag stationen\", \"outcome\": \"NOT_FOUND\", \"nextStep\": \"Prøv igen om aftenen\", \"nextStepOn\": \"$(date -u -d '+1 day' +%F)\"}" >/dev/null
ID=$(id_of "$R6")
json -X POST "$STAFF/concerns/$ID/close" -H "Authorization: Bearer $COORD" -H "If-Match: $(etag "$COORD" "$STAFF/concerns/$ID")" \
    -d '{"reason": "OTHER", "note": "Flyttet til plejehjem"}' >/dev/null
echo "seeded: $R1 $R2 $R3 $R4 $R5 $R6"
