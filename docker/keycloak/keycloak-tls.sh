#!/usr/bin/env bash
# docker/compose.yml's one-off keycloak-tls, in the staff-api image (it has the JDK's keytool): a self-signed
# certificate for Keycloak's https port, reached only inside the compose network as https://keycloak:8443, and a trust
# store for staff-api with that certificate and the JDK's usual ones. Nothing is made when both exist already.
#   /keycloak-tls/keycloak.p12, /keycloak-tls/password  Keycloak's key and certificate, and the store's random password
#   /staff-trust/truststore.p12                         what staff-api trusts (password "changeit": it holds no secret)
set -euo pipefail
tls=/keycloak-tls
trust=/staff-trust
if [[ -s $tls/keycloak.p12 && -s $trust/truststore.p12 ]]; then
    echo "[keycloak-tls] certificate and trust store exist already"
    exit 0
fi
rm -f "$tls/keycloak.p12" "$tls/password" "$tls/keycloak.crt" "$trust/truststore.p12"
umask 077
# keytool is on the PATH of the UBI OpenJDK images; the JDK's own copy otherwise.
command -v keytool >/dev/null || PATH=${JAVA_HOME:-/usr/lib/jvm/jre}/bin:$PATH
head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$tls/password"
password=$(< "$tls/password")
keytool -genkeypair -noprompt -alias keycloak -keyalg RSA -keysize 3072 -validity 825 \
    -dname "CN=keycloak" -ext "SAN=dns:keycloak,dns:localhost" \
    -keystore "$tls/keycloak.p12" -storetype PKCS12 -storepass "$password"
keytool -exportcert -noprompt -rfc -alias keycloak -keystore "$tls/keycloak.p12" -storepass "$password" \
    -file "$tls/keycloak.crt"
# The JDK's public CAs first (so the trust store replaces nothing the service trusted), then Keycloak's certificate.
cacerts=${JAVA_HOME:-/usr/lib/jvm/jre}/lib/security/cacerts
if [[ -f $cacerts ]]; then
    keytool -importkeystore -noprompt -srckeystore "$cacerts" -srcstorepass changeit \
        -destkeystore "$trust/truststore.p12" -deststoretype PKCS12 -deststorepass changeit >/dev/null 2>&1 ||
        echo "[keycloak-tls] could not copy the JDK's CAs from $cacerts; the trust store holds Keycloak's certificate alone"
fi
keytool -importcert -noprompt -alias keycloak -file "$tls/keycloak.crt" \
    -keystore "$trust/truststore.p12" -storetype PKCS12 -storepass changeit
# Keycloak runs as uid 1000, staff-api as 185: both read, nobody else writes.
chmod 0444 "$tls/keycloak.p12" "$tls/password" "$tls/keycloak.crt" "$trust/truststore.p12"
echo "[keycloak-tls] made a certificate for keycloak (and localhost) and staff-api's trust store"
