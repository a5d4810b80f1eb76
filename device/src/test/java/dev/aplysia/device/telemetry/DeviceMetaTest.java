package dev.aplysia.device.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aplysia.device.wire.FlatJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceMetaTest {

    @Test
    void theMetaPayloadIsFlatJsonWithSchemaShapeOneFieldPerFormatAndTheCommandsTaken() {
        Map<String, String> formats = new LinkedHashMap<>();
        formats.put("weight", "Q1.14");
        formats.put("trace", "Q7.24");
        DeviceMeta meta = new DeviceMeta("0.1.0", "rp2040", "digits", new int[] {64, 100, 10}, formats);

        String json = new String(meta.toJson("board-7", List.of("start", "halt")), StandardCharsets.UTF_8);

        assertEquals("{\"schema\":1,\"device\":\"board-7\",\"firmware\":\"0.1.0\",\"mcu\":\"rp2040\","
                + "\"network\":\"digits\",\"shape\":[64,100,10],\"format.weight\":\"Q1.14\","
                + "\"format.trace\":\"Q7.24\",\"commands\":\"start,halt\"}", json);
        assertEquals(9, new FlatJson(16, 256, 16).parse(meta.toJson("board-7", List.of())).size());
    }
}
