package io.waybill.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs Waybill will call (server-side request forgery): http or https only, no credentials in
 * the URL, and a host whose every address is an ordinary public one. Every block of the IANA IPv4
 * and IPv6 special-purpose address registries is refused (loopback, private, shared, link-local,
 * documentation, benchmarking, reserved, multicast, broadcast, unique-local, translation and
 * discard prefixes), and addresses that carry an IPv4 address inside an IPv6 one are unwrapped, so
 * {@code [::127.0.0.1]} or {@code [2002:7f00:1::]} cannot smuggle loopback past the check.
 *
 * <p>A check is only worth something if the connection goes where the check looked: a sender asks
 * {@link #vettedAddresses} once per attempt and connects to exactly those addresses, so a DNS answer
 * that changes between the check and the connection (rebinding) cannot reach a private address.
 * Private addresses may be allowed for tests and closed networks.
 */
public final class WebhookUrlPolicy {

    /** Turns a host name (or an address literal) into addresses; the system's DNS unless a test says otherwise. */
    @FunctionalInterface
    public interface HostResolver {

        HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** The host resolves to an address Waybill will not call (or to none at all). */
    public static final class RefusedAddressException extends UnknownHostException {

        RefusedAddressException(String reason) {
            super(reason);
        }
    }

    private record Block(byte[] prefix, int bits, String name) {

        static Block of(String cidr, String name) {
            int slash = cidr.indexOf('/');
            try {
                byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), name + " (" + cidr + ")");
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    /** The IANA IPv4 Special-Purpose Address Registry, plus multicast and the reserved 240/4. */
    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "\"this network\""),
            Block.of("10.0.0.0/8", "private"),
            Block.of("100.64.0.0/10", "shared (carrier-grade NAT)"),
            Block.of("127.0.0.0/8", "loopback"),
            Block.of("169.254.0.0/16", "link-local (cloud metadata)"),
            Block.of("172.16.0.0/12", "private"),
            Block.of("192.0.0.0/24", "IETF protocol assignments"),
            Block.of("192.0.2.0/24", "documentation (TEST-NET-1)"),
            Block.of("192.88.99.0/24", "6to4 relay anycast"),
            Block.of("192.168.0.0/16", "private"),
            Block.of("198.18.0.0/15", "benchmarking"),
            Block.of("198.51.100.0/24", "documentation (TEST-NET-2)"),
            Block.of("203.0.113.0/24", "documentation (TEST-NET-3)"),
            Block.of("224.0.0.0/4", "multicast"),
            Block.of("240.0.0.0/4", "reserved and limited broadcast"));

    /**
     * The IANA IPv6 Special-Purpose Address Registry and the other non-unicast blocks. 2002::/16 (6to4)
     * is absent: it is judged by the IPv4 address it carries.
     */
    private static final List<Block> IPV6 = List.of(
            Block.of("::/96", "unspecified, loopback or IPv4-compatible"),
            Block.of("::ffff:0:0/96", "IPv4-mapped"),
            Block.of("64:ff9b::/96", "NAT64"),
            Block.of("64:ff9b:1::/48", "local-use NAT64"),
            Block.of("100::/64", "discard-only"),
            Block.of("2001::/23", "IETF protocol assignments (Teredo and others)"),
            Block.of("2001:db8::/32", "documentation"),
            Block.of("3fff::/20", "documentation"),
            Block.of("5f00::/16", "segment routing"),
            Block.of("fc00::/7", "unique-local (private)"),
            Block.of("fe80::/10", "link-local"),
            Block.of("fec0::/10", "site-local"),
            Block.of("ff00::/8", "multicast"));

    private static final Block SIX_TO_FOUR = Block.of("2002::/16", "6to4");
    private static final List<Block> CARRYING_IPV4_AT_THE_END = List.of(Block.of("::/96", "IPv4-compatible"),
            Block.of("::ffff:0:0/96", "IPv4-mapped"), Block.of("64:ff9b::/96", "NAT64"));

    private final boolean allowPrivate;
    private final HostResolver resolver;

    public WebhookUrlPolicy(boolean allowPrivate) {
        this(allowPrivate, HostResolver.SYSTEM);
    }

    public WebhookUrlPolicy(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why this URL is refused, or empty when it may be called: its form, then where its host points now. */
    public Optional<String> refusal(String url) {
        Optional<String> form = formRefusal(url);
        if (form.isPresent()) {
            return form;
        }
        try {
            vettedAddresses(URI.create(url).getHost());
            return Optional.empty();
        } catch (UnknownHostException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** Why this URL is refused whatever its host resolves to, or empty. Needs no DNS. */
    public Optional<String> formRefusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        return Optional.empty();
    }

    /**
     * Resolves the host once and returns its addresses when every one of them may be called; the
     * caller connects to these and to nothing else.
     *
     * @throws RefusedAddressException naming the reason, when one address is special-purpose
     * @throws UnknownHostException when the host does not resolve
     */
    public List<InetAddress> vettedAddresses(String host) throws UnknownHostException {
        if (host == null || host.isBlank()) {
            throw new RefusedAddressException("must name a host");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (RefusedAddressException refused) {
            throw refused;
        } catch (UnknownHostException unknown) {
            throw new UnknownHostException("has a host that does not resolve");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new UnknownHostException("has a host that does not resolve");
        }
        if (allowPrivate) {
            return List.copyOf(addresses);
        }
        // Java turns a literal [::ffff:a.b.c.d] into a plain IPv4 address; the literal still names
        // the IPv4-mapped block, which is refused as such.
        if (isIpv6Literal(host) && addresses.stream().anyMatch(Inet4Address.class::isInstance)) {
            throw new RefusedAddressException("points at a special-purpose address: IPv4-mapped (::ffff:0:0/96)");
        }
        for (InetAddress address : addresses) {
            Optional<String> block = specialPurpose(address);
            if (block.isPresent()) {
                throw new RefusedAddressException("points at a special-purpose address: " + block.get());
            }
        }
        return List.copyOf(addresses);
    }

    /** The special-purpose block this address belongs to (an IPv4 one inside 6to4 included), or empty. */
    public static Optional<String> specialPurpose(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return first(IPV4, bytes);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of("an unknown address family");
        }
        Optional<String> block = first(IPV6, bytes);
        if (block.isPresent()) {
            Optional<byte[]> embedded = embeddedIpv4(bytes);
            return embedded.isEmpty() ? block : Optional.of(block.get() + ", carrying " + ipv4(embedded.get()));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            byte[] inner = Arrays.copyOfRange(bytes, 2, 6);
            return first(IPV4, inner).map(inside -> "6to4 (2002::/16) carrying " + ipv4(inner) + ", " + inside);
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv4-compatible, IPv4-mapped or NAT64 address carries in its last 32 bits. */
    private static Optional<byte[]> embeddedIpv4(byte[] v6) {
        byte[] last = Arrays.copyOfRange(v6, 12, 16);
        // :: and ::1 carry nothing worth naming.
        return last[0] != 0 && CARRYING_IPV4_AT_THE_END.stream().anyMatch(block -> block.contains(v6))
                ? Optional.of(last) : Optional.empty();
    }

    private static Optional<String> first(List<Block> blocks, byte[] bytes) {
        return blocks.stream().filter(block -> block.contains(bytes)).map(Block::name).findFirst();
    }

    private static String ipv4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    private static boolean isIpv6Literal(String host) {
        return host.startsWith("[") || host.contains(":");
    }
}
