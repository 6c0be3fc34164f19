package jp.kenpo.keycloak.common;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The subject of a per-client throttle. An IPv4 address is one client; an IPv6 client usually holds a whole
 * /64 (one subscriber's prefix; privacy addresses change within it at will), so IPv6 addresses are grouped
 * by their /64 prefix, or one attacker could use 2^64 addresses to pass every per-IP limit.
 *
 * <p>Keycloak takes the address from the connection, or from {@code Forwarded}/{@code X-Forwarded-For} only
 * when started with {@code --proxy-headers}: see docs/security.md.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The throttle subject for a remote address: IPv4 as is, IPv6 as its /64 prefix, anything else as typed. */
    public static String throttleKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String literal = remoteAddress.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.indexOf(':') < 0) {
            return literal; // IPv4 (or a name): never resolved here
        }
        try {
            // A literal with ':' is parsed, never looked up in DNS.
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet4Address) {
                return address.getHostAddress(); // an IPv4-mapped IPv6 address
            }
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/64").toString();
            }
        } catch (UnknownHostException | SecurityException e) {
            // not an address: fall through
        }
        return literal.toLowerCase(Locale.ROOT);
    }
}
