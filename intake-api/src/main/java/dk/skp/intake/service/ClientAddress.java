package dk.skp.intake.service;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The part of a client's address that a rate limit counts by. An IPv4 address is one client. An IPv6 client usually
 * holds a whole /64 (SLAAC, privacy addresses) and can take a new address in it for every request, so all of a /64 is
 * one bucket; an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is its IPv4 address.
 */
public final class ClientAddress {

    /** Only literals are parsed: a name must never make us ask DNS. */
    private static final Pattern LITERAL = Pattern.compile(
            "\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9A-Fa-f.]{0,40}:[0-9A-Fa-f:.]{1,44}(%[0-9A-Za-z._-]{1,32})?]?");

    private ClientAddress() {
    }

    /** e.g. {@code 192.0.2.1}, {@code 2001:db8:1:2::/64}; anything that is not an address literal is its own bucket. */
    public static String bucket(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return "other:" + address;
        }
        String literal = address.replace("[", "").replace("]", "");
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        InetAddress parsed;
        try {
            // A literal (checked above) is parsed, never looked up; ::ffff:a.b.c.d comes back as the Inet4Address.
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | RuntimeException e) {
            return "other:" + address;
        }
        if (parsed instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(parsed.getAddress(), 8);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                text.append(Integer.toHexString(((prefix[i] & 0xff) << 8) | (prefix[i + 1] & 0xff))).append(':');
            }
            return text.append(":/64").toString();
        }
        return parsed.getHostAddress();
    }
}
