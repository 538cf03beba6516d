package ai.altllm.gateway.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChunksTest {

    private static final String PUBLIC = Chunks.quoted("altllm-basic");

    @Test
    void renamesTheModelInPlace() {
        assertEquals("{\"id\":\"x\",\"model\":\"altllm-basic\",\"choices\":[]}",
                Chunks.renameModel("{\"id\":\"x\",\"model\":\"moonshotai/kimi-k2\",\"choices\":[]}", PUBLIC));
        assertEquals("{\"model\" : \"altllm-basic\"}", Chunks.renameModel("{\"model\" : \"a\\\"b\"}", PUBLIC));
        assertEquals("{\"choices\":[]}", Chunks.renameModel("{\"choices\":[]}", PUBLIC));
    }

    @Test
    void quotedModelTextInsideContentIsLeftAlone() {
        String chunk = "{\"choices\":[{\"delta\":{\"content\":\"say \\\"model\\\": \\\"x\\\"\"}}],\"model\":\"up\"}";
        assertEquals("{\"choices\":[{\"delta\":{\"content\":\"say \\\"model\\\": \\\"x\\\"\"}}],"
                + "\"model\":\"altllm-basic\"}", Chunks.renameModel(chunk, PUBLIC));
    }

    @Test
    void onlyChunksWithRealUsageAreParsed() {
        assertTrue(Chunks.mayCarryUsage("{\"choices\":[],\"usage\":{\"prompt_tokens\":1}}"));
        assertFalse(Chunks.mayCarryUsage("{\"choices\":[],\"usage\": null}"));
        assertFalse(Chunks.mayCarryUsage("{\"choices\":[]}"));
    }
}
