package org.icakg.federation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/** Which network addresses a federated call may not reach unless the operator names the endpoint. */
final class Addresses {

    private Addresses() {}

    /**
     * Why {@code a} is not a public address: loopback, unspecified, private (RFC 1918, shared 100.64/10, unique
     * local fc00::/7), link-local (169.254/16 with the cloud metadata address, fe80::/10), multicast or broadcast;
     * empty for a public address. IPv4 addresses carried in IPv6 (mapped, compatible, NAT64) are judged as IPv4.
     */
    static Optional<String> restriction(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            InetAddress embedded = embeddedIpv4(v6.getAddress());
            if (embedded != null)
                return restriction(embedded);
        }
        if (a.isLoopbackAddress())
            return Optional.of("a loopback address");
        if (a.isAnyLocalAddress())
            return Optional.of("the unspecified address");
        if (a.isLinkLocalAddress())
            return Optional.of("a link-local address (the cloud metadata service lives there)");
        if (a.isMulticastAddress())
            return Optional.of("a multicast address");
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            if (a.isSiteLocalAddress() || first == 100 && (second & 0xc0) == 64)
                return Optional.of("a private address");
            if (first == 0 || first >= 240)
                return Optional.of("a reserved address");
        } else if ((b[0] & 0xfe) == 0xfc || a.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        return Optional.empty();
    }

    /** True when {@code a} belongs to this machine (loopback, unspecified, or an address of one of its interfaces). */
    static boolean isThisMachine(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress())
            return true;
        try {
            return NetworkInterface.getByInetAddress(a) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 (64:ff9b::/96) IPv6 address, else null. */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean zeros = Arrays.equals(b, 0, 10, new byte[10], 0, 10);
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && Arrays.equals(b, 4, 12, new byte[8], 0, 8);
        if (!mapped && !compatible && !nat64)
            return null;
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
