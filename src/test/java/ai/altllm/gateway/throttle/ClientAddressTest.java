package ai.altllm.gateway.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void ipv4AddressesCountOnTheirOwn() {
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7"));
        assertNotEquals(ClientAddress.of("203.0.113.7"), ClientAddress.of("203.0.113.8"));
    }

    @Test
    void ipv6AddressesCountPerSlash64() {
        String one = ClientAddress.of("2001:db8:1:2:aaaa::1");
        assertEquals("2001:db8:1:2::/64", one);
        assertEquals(one, ClientAddress.of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
        assertEquals(one, ClientAddress.of("[2001:db8:1:2::5%eth0]"));
        assertNotEquals(one, ClientAddress.of("2001:db8:1:3::1"));
        assertEquals("0:0:0:0::/64", ClientAddress.of("0:0:0:0:0:0:0:1"));
    }

    @Test
    void aMissingAddressIsOneKey() {
        assertEquals("unknown", ClientAddress.of(null));
        assertEquals("unknown", ClientAddress.of(""));
    }
}
