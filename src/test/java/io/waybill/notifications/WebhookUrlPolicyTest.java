package io.waybill.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The webhook URL policy on its own, without Spring and without DNS: every block of the IANA
 * special-purpose address registries is refused, in every spelling that hides an IPv4 address in an
 * IPv6 one, and an ordinary public address is not. Address literals are parsed, never looked up, and
 * nothing here opens a connection.
 */
class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy policy = new WebhookUrlPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {
            // IPv4 special-purpose registry, first and last address of each block where it matters
            "0.0.0.0", "0.255.255.255", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254",
            "127.0.0.1", "127.255.255.254", "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.254",
            "192.0.0.1", "192.0.0.170", "192.0.2.1", "192.88.99.1", "192.168.0.1", "192.168.255.254",
            "198.18.0.1", "198.19.255.254", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250",
            "240.0.0.1", "250.1.2.3", "255.255.255.254", "255.255.255.255",
            // IPv6 special-purpose registry
            "[::]", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[::ffff:8.8.8.8]", "[::ffff:0:0]",
            "[64:ff9b::a9fe:a9fe]", "[64:ff9b::7f00:1]", "[64:ff9b::808:808]", "[64:ff9b:1::1]", "[100::1]",
            "[2001::1]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]", "[2001:1ff:ffff::1]", "[2001:db8::1]",
            "[3fff::1]", "[5f00::1]", "[fc00::1]", "[fd12:3456::1]", "[fe80::1]", "[febf::1]", "[fec0::1]",
            "[ff02::1]", "[ff0e::1]",
            // IPv4-compatible (deprecated) addresses carrying anything, loopback first
            "[::127.0.0.1]", "[::7f00:1]", "[::a9fe:a9fe]", "[::8.8.8.8]",
            // 6to4 carrying a special-purpose IPv4 address
            "[2002:7f00:1::]", "[2002:7f00:0001::1]", "[2002:a9fe:a9fe::1]", "[2002:c0a8:1::1]", "[2002:a00:1::]",
            "[2002::]", "[2002:c633:6401::1]", "[2002:ffff:ffff::1]",
            // other spellings of loopback the JDK understands
            "127.1", "2130706433", "localhost"})
    void shouldRefuseEverySpecialPurposeAddress(String host) {
        assertThat(policy.refusal("http://" + host + "/hook")).as(host).isPresent();
        assertThat(policy.refusal("https://" + host + ":8443/hook")).as(host).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "100.63.255.255", "100.128.0.1", "172.15.255.255",
            "172.32.0.1", "192.0.1.1", "192.88.98.1", "198.17.255.255", "198.20.0.1", "223.255.255.255",
            "[2606:4700:4700::1111]", "[2a00:1450:4001:80b::200e]", "[2001:200::1]", "[2002:808:808::1]",
            "[64:ff9a::1]"})
    void shouldAcceptPublicAddresses(String host) {
        assertThat(policy.refusal("https://" + host + "/hook")).as(host).isEmpty();
    }

    @Test
    void shouldNameTheBlockAndTheIpv4AddressHiddenInAnIpv6One() {
        assertThat(policy.refusal("http://[::127.0.0.1]/")).get().asString().contains("127.0.0.1");
        assertThat(policy.refusal("http://[64:ff9b::a9fe:a9fe]/")).get().asString()
                .contains("NAT64").contains("169.254.169.254");
        assertThat(policy.refusal("http://[2002:7f00:1::]/")).get().asString()
                .contains("6to4").contains("127.0.0.1").contains("loopback");
        assertThat(policy.refusal("http://198.18.0.1/")).get().asString().contains("benchmarking");
    }

    @Test
    void shouldRefuseWhatIsNotAnHttpUrlWithoutLookingItUp() {
        WebhookUrlPolicy noDns = new WebhookUrlPolicy(false, host -> {
            throw new AssertionError("looked up " + host);
        });
        for (String url : List.of("ftp://example.com/x", "file:///etc/passwd", "gopher://example.com/",
                "http:///path", "https://user:secret@example.com/", "http://exa mple.com/", "//example.com/", "")) {
            assertThat(noDns.refusal(url)).as(url).isPresent();
        }
        assertThat(noDns.refusal(null)).isPresent();
    }

    @Test
    void shouldRefuseAHostWhenAnyOfItsAddressesIsSpecialPurpose() throws Exception {
        WebhookUrlPolicy dns = new WebhookUrlPolicy(false, resolver(Map.of(
                "mixed.example.test", List.of("8.8.8.8", "10.0.0.5"),
                "public.example.test", List.of("8.8.8.8", "2606:4700:4700::1111"),
                "metadata.example.test", List.of("fd00:ec2::254"))));
        assertThat(dns.refusal("https://mixed.example.test/hook")).isPresent();
        assertThat(dns.refusal("https://metadata.example.test/hook")).isPresent();
        assertThat(dns.refusal("https://unknown.example.test/hook")).get().asString().contains("does not resolve");
        assertThat(dns.refusal("https://public.example.test/hook")).isEmpty();
        assertThat(dns.vettedAddresses("public.example.test")).containsExactly(InetAddress.getByName("8.8.8.8"),
                InetAddress.getByName("2606:4700:4700::1111"));
    }

    @Test
    void shouldVetTheVeryAnswerItReturnsSoThatARebindingCannotSlipThrough() throws Exception {
        Deque<List<InetAddress>> answers = new ArrayDeque<>(List.of(
                List.of(InetAddress.getByName("8.8.8.8")), List.of(InetAddress.getByName("127.0.0.1"))));
        WebhookUrlPolicy dns = new WebhookUrlPolicy(false, host -> answers.pop());

        assertThat(dns.refusal("https://rebinding.example.test/hook")).isEmpty();
        assertThatThrownBy(() -> dns.vettedAddresses("rebinding.example.test"))
                .isInstanceOf(WebhookUrlPolicy.RefusedAddressException.class).hasMessageContaining("loopback");
        assertThat(answers).isEmpty();
    }

    @Test
    void shouldAllowPrivateAddressesOnlyWhenConfiguredTo() throws Exception {
        WebhookUrlPolicy closedNetwork = new WebhookUrlPolicy(true);
        assertThat(closedNetwork.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(closedNetwork.refusal("http://[::1]/hook")).isEmpty();
        assertThat(closedNetwork.refusal("ftp://127.0.0.1/hook")).isPresent();
    }

    private static WebhookUrlPolicy.HostResolver resolver(Map<String, List<String>> zone) {
        return host -> {
            List<String> names = zone.get(host);
            if (names == null) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> addresses = new java.util.ArrayList<>();
            for (String name : names) {
                addresses.add(InetAddress.getByName(name));
            }
            return addresses;
        };
    }
}
