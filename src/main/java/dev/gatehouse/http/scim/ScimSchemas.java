package dev.gatehouse.http.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.captaingoldfish.scim.sdk.common.constants.SchemaUris;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;

import java.util.Set;

/**
 * A body's {@code schemas} must name its resource's core schema and only schemas this server knows: the SDK
 * reads a body under an unknown URI as if it were a user, which would provision what the client did not mean.
 */
final class ScimSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> USER = Set.of(SchemaUris.USER_URI, SchemaUris.ENTERPRISE_USER_URI);
    private static final Set<String> GROUP = Set.of(SchemaUris.GROUP_URI);
    private static final Set<String> PATCH = Set.of(SchemaUris.PATCH_OP);

    private ScimSchemas() {
    }

    /** Checks the body of {@code method} on {@code resource} (Users, Groups/ID, ...); other bodies are the SDK's. */
    static void check(String method, String resource, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        String type = resource.split("/", 2)[0];
        if (!type.equals("Users") && !type.equals("Groups")) {
            return;
        }
        boolean isUser = type.equals("Users");
        String core;
        Set<String> known;
        switch (method) {
            case "POST", "PUT" -> {
                core = isUser ? SchemaUris.USER_URI : SchemaUris.GROUP_URI;
                known = isUser ? USER : GROUP;
            }
            case "PATCH" -> {
                core = SchemaUris.PATCH_OP;
                known = PATCH;
            }
            default -> {
                return;
            }
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestException("the body is not JSON: " + e.getOriginalMessage(), null, "invalidSyntax");
        }
        if (!doc.isObject()) {
            throw new BadRequestException("the body must be a JSON object", null, "invalidSyntax");
        }
        JsonNode schemas = doc.get("schemas");
        if (schemas == null || !schemas.isArray() || schemas.isEmpty()) {
            throw new BadRequestException("'schemas' is required: a list naming " + core, null, "invalidSyntax");
        }
        boolean hasCore = false;
        for (JsonNode s : schemas) {
            String uri = s.asText();
            if (!s.isTextual() || !known.contains(uri)) {
                throw new BadRequestException("unknown schema '" + s.asText() + "' for " + method + " " + type
                        + ": this server knows " + String.join(", ", known), null, "invalidSyntax");
            }
            hasCore |= uri.equals(core);
        }
        if (!hasCore) {
            throw new BadRequestException("'schemas' must name " + core, null, "invalidSyntax");
        }
    }
}
