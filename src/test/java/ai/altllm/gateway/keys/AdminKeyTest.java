package ai.altllm.gateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminKeyTest {

    @Test
    void withoutTheVariableTheAdminApiIsDisabledAndSaysSo() {
        AdminKey disabled = new AdminKey(Map.<String, String>of()::get);
        assertFalse(disabled.isEnabled());
        Response refusal = disabled.refusal("anything");
        assertEquals(403, refusal.getStatus());
        assertTrue(refusal.getEntity().toString().contains("\"code\":\"admin_disabled\""));
        assertTrue(refusal.getEntity().toString().contains("ALTLLM_ADMIN_KEY"));
        assertEquals(403, new AdminKey(Map.of("ALTLLM_ADMIN_KEY", " ")::get).refusal(" ").getStatus());
    }

    @Test
    void onlyTheExactKeyIsAccepted() {
        AdminKey admin = new AdminKey(Map.of("ALTLLM_ADMIN_KEY", "adm-1234567890")::get);
        assertNull(admin.refusal("adm-1234567890"));
        for (String wrong : new String[] {null, "", "adm-123456789", "adm-12345678900", "ADM-1234567890"}) {
            Response refusal = admin.refusal(wrong);
            assertEquals(401, refusal.getStatus());
            assertEquals("Bearer", refusal.getHeaderString("WWW-Authenticate"));
        }
    }
}
