package jp.kenpo.keycloak.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void ipv6AddressesOfOnePrefixAreOneClient() {
        String a = ClientAddress.throttleKey("2001:db8:1234:5678:aaaa:bbbb:cccc:dddd");
        assertEquals("2001:db8:1234:5678::/64", a);
        assertEquals(a, ClientAddress.throttleKey("2001:0db8:1234:5678:0:0:0:1"));
        assertEquals(a, ClientAddress.throttleKey("2001:DB8:1234:5678::ffff"));
        assertEquals(a, ClientAddress.throttleKey("[2001:db8:1234:5678::2]"));
        assertEquals(a, ClientAddress.throttleKey("2001:db8:1234:5678::3%eth0"));
        assertNotEquals(a, ClientAddress.throttleKey("2001:db8:1234:5679::1"), "the next /64 is another client");
        assertEquals("0:0:0:0::/64", ClientAddress.throttleKey("::1"));
    }

    @Test
    void ipv4AddressesStayWhole() {
        assertEquals("192.0.2.1", ClientAddress.throttleKey("192.0.2.1"));
        assertNotEquals(ClientAddress.throttleKey("192.0.2.1"), ClientAddress.throttleKey("192.0.2.2"));
        assertEquals("192.0.2.1", ClientAddress.throttleKey("::ffff:192.0.2.1"), "IPv4-mapped is the IPv4 client");
    }

    @Test
    void missingOrOddInputIsStillASubject() {
        assertEquals("unknown", ClientAddress.throttleKey(null));
        assertEquals("unknown", ClientAddress.throttleKey(" "));
        assertEquals("not:an:address:zz", ClientAddress.throttleKey("not:an:address:zz"));
    }
}
