# shellcheck shell=bash
# Which Java is where: sourced by bin/run (the JVM for the services) and bin/keycloak (the JVM for Keycloak).

java_major() { # java_major JAVA_HOME: the feature version (17, 21, 25) or nothing
    local jh=$1 version=
    [[ -x $jh/bin/java ]] || return 0
    if [[ -f $jh/release ]]; then
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$jh/release")
    fi
    if [[ -z $version ]]; then
        version=$("$jh/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
    fi
    version=${version#1.}
    printf '%s' "${version%%[^0-9]*}"
}

java_ok() { # java_ok JAVA_HOME MIN: it is a JDK/JRE of version >= MIN
    local major
    major=$(java_major "$1")
    [[ -n $major ]] && ((major >= $2))
}

newest_java_under() { # newest_java_under MIN [DIR]: the newest JDK >= MIN in DIR (default /usr/lib/jvm), or nothing
    local candidate best="" best_major=0 major
    for candidate in "${2:-/usr/lib/jvm}"/*; do
        [[ -d $candidate && ! -L $candidate ]] || continue
        major=$(java_major "$candidate")
        if [[ -n $major ]] && ((major >= $1 && major > best_major)); then
            best=$candidate best_major=$major
        fi
    done
    printf '%s' "$best"
}
