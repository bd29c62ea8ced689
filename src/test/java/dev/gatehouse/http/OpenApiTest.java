package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document and the server's routes describe the same API. */
class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        try (TestApp app = TestApp.start(dir)) {
            TestApp.Res r = app.get("/v1/openapi.json", null);
            assertThat(r.status()).isEqualTo(200);
            JsonNode doc = r.json();
            assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");

            Set<String> documented = new TreeSet<>();
            Set<String> operationIds = new HashSet<>();
            doc.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
                documented.add(m.getKey().toUpperCase() + " " + p.getKey());
                assertThat(operationIds.add(m.getValue().get("operationId").asText())).as("unique operationId").isTrue();
            }));
            Set<String> served = new TreeSet<>();
            for (ParsedEndpoint e : app.javalin().unsafe.internalRouter.allHttpHandlers()) {
                String method = e.endpoint.method.name();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    served.add(method + " " + e.endpoint.path);
                }
            }
            assertThat(documented).isEqualTo(served);
        }
    }

    @Test
    void everySchemaReferenceResolves() {
        try (TestApp app = TestApp.start(dir)) {
            JsonNode doc = app.get("/v1/openapi.json", null).json();
            Set<String> refs = new TreeSet<>();
            collect(doc, refs);
            assertThat(refs).isNotEmpty();
            for (String ref : refs) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            }
        }
    }

    private static void collect(JsonNode n, Set<String> refs) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), refs);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, refs));
        }
    }
}
