package ai.altllm.gateway.throttle;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The key a client is counted under: its IPv4 address, or the /64 network of its IPv6 address (one subscriber usually
 * holds a whole /64). Always the connection's peer address: {@code X-Forwarded-For} is client-controlled, and the
 * gateway has no notion of a trusted proxy.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** @param remoteAddr the servlet request's remote address, an IP literal */
    public static String of(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.isEmpty()) {
            return "unknown";
        }
        if (remoteAddr.indexOf(':') < 0) {
            return remoteAddr;
        }
        try {
            // A literal containing ':' is parsed as IPv6 without any name lookup.
            InetAddress address = InetAddress.getByName(stripBrackets(remoteAddr));
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] bytes = address.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException | SecurityException e) {
            return remoteAddr;
        }
    }

    private static String stripBrackets(String text) {
        String plain = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = plain.indexOf('%');
        return zone < 0 ? plain : plain.substring(0, zone);
    }
}
