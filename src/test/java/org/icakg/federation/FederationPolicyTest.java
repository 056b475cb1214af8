package org.icakg.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which endpoint URLs an allow-list entry covers, and which addresses are not public. */
class FederationPolicyTest {

    static boolean allowed(FederationPolicy p, String url) {
        return p.match(URI.create(url)).isPresent();
    }

    @Test
    void wikidata_is_allowed_by_default_and_nothing_else() {
        FederationPolicy p = FederationPolicy.defaults();
        assertTrue(allowed(p, "https://query.wikidata.org/sparql"));
        assertFalse(allowed(p, "http://query.wikidata.org/sparql"));
        assertFalse(allowed(p, "https://query.wikidata.org/sparql/x"));
        assertFalse(allowed(p, "https://query.wikidata.org.evil.example/sparql"));
        assertFalse(allowed(p, "http://127.0.0.1:3030/sparql"));
    }

    @Test
    void none_turns_the_defaults_off() {
        assertFalse(allowed(FederationPolicy.defaults().allowing(List.of("none")), "https://query.wikidata.org/sparql"));
    }

    @Test
    void an_exact_entry_matches_its_scheme_host_port_and_path_only() {
        FederationPolicy p = FederationPolicy.defaults().allowing(List.of("http://127.0.0.1:8080/sparql"));
        assertTrue(allowed(p, "http://127.0.0.1:8080/sparql"));
        assertTrue(allowed(p, "http://127.0.0.1:8080/sparql?default-graph-uri=x"));
        assertFalse(allowed(p, "http://127.0.0.1:8081/sparql"));
        assertFalse(allowed(p, "http://127.0.0.1:8080/sparql2"));
        assertFalse(allowed(p, "https://127.0.0.1:8080/sparql"));
        assertTrue(p.namesHost("127.0.0.1", 8080));
        assertFalse(p.namesHost("127.0.0.1", 80));
    }

    @Test
    void a_prefix_entry_ends_in_a_slash_and_covers_the_paths_under_it() {
        FederationPolicy p = FederationPolicy.defaults().allowing(List.of("https://data.example.org/sparql/"));
        assertTrue(allowed(p, "https://data.example.org/sparql/a"));
        assertTrue(allowed(p, "https://data.example.org:443/sparql/b/c"));
        assertFalse(allowed(p, "https://data.example.org/sparqlx"));
        assertFalse(allowed(p, "https://data.example.org/sparql/../admin"));
        assertFalse(allowed(p, "https://data.example.org.attacker.net/sparql/a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x.example/sparql", "query.wikidata.org/sparql", "http://user:pw@x.example/sparql",
            "http:///nohost", "http://x.example/sparql?query=1", "not a url"})
    void an_entry_that_is_not_an_http_url_with_a_host_is_refused_with_its_text(String entry) {
        var e = assertThrows(IllegalArgumentException.class, () -> FederationPolicy.defaults().allowing(List.of(entry)));
        assertTrue(e.getMessage().contains(entry.strip()), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.5.6.7", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1", "172.31.255.254",
            "192.168.1.1", "100.64.0.1", "169.254.169.254", "169.254.1.1", "fe80::1", "fc00::1", "fd00:ec2::254",
            "224.0.0.1", "ff02::1", "255.255.255.255", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe",
            "::127.0.0.1"})
    void loopback_private_link_local_metadata_and_multicast_addresses_are_not_public(String address)
            throws UnknownHostException {
        assertTrue(Addresses.restriction(InetAddress.getByName(address)).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "208.80.154.224", "172.32.0.1", "100.128.0.1", "2620:0:861:ed1a::1"})
    void public_addresses_are_public(String address) throws UnknownHostException {
        assertEquals(java.util.Optional.empty(), Addresses.restriction(InetAddress.getByName(address)), address);
    }

    @Test
    void a_header_depth_that_cannot_be_read_counts_as_deep() {
        assertEquals(0, IncomingQuery.depth(null));
        assertEquals(3, IncomingQuery.depth(" 3 "));
        assertEquals(0, IncomingQuery.depth("-4"));
        assertEquals(IncomingQuery.MAX_HEADER_DEPTH, IncomingQuery.depth("many"));
    }
}
