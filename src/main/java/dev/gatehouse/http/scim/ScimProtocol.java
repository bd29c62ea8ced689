package dev.gatehouse.http.scim;

import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.complex.BulkConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ChangePasswordConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.SortConfig;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.AuthenticationScheme;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.ScimDirectory;

import java.util.List;
import java.util.Map;

/**
 * The SDK's endpoint, configured once for every organization: the organization is the caller's, and the base
 * URL of each request ({@code .../scim/v2/orgs/ORG}) is what the SDK builds its locations from.
 */
final class ScimProtocol {
    /** The most resources one list answers; a larger {@code count} is refused (see ScimRoutes). */
    static final int MAX_RESULTS = 1000;

    private final ResourceEndpoint endpoint;

    ScimProtocol(ScimDirectory directory) {
        ServiceProvider provider = ServiceProvider.builder()
                .documentationUri("https://github.com/gatehouse/gatehouse/blob/main/docs/scim.md")
                // Entra sends capitalised ops, string booleans and value filters in paths: the SDK's workarounds.
                .patchConfig(PatchConfig.builder().supported(true).activateMsAzureFilterWorkaround(true)
                        .activateMsAzureValueSubAttributeWorkaround(true).activateMsAzureComplexSimpleValueWorkaround(true)
                        .build())
                .filterConfig(FilterConfig.builder().supported(true).maxResults(MAX_RESULTS).build())
                .sortConfig(SortConfig.builder().supported(false).build())
                .changePasswordConfig(ChangePasswordConfig.builder().supported(false).build())
                .eTagConfig(ETagConfig.builder().supported(false).build())
                .bulkConfig(BulkConfig.builder().supported(false).maxOperations(0).maxPayloadSize(0L).build())
                .authenticationSchemes(List.of(AuthenticationScheme.builder().name("OAuth Bearer Token")
                        .description("The organization's SCIM token, created with POST /v1/orgs/{organizationId}/scim-tokens")
                        .type("oauthbearertoken").primary(true).build()))
                // application/json is accepted beside application/scim+json, as RFC 7644 section 3.8 asks.
                .lenientContentTypeChecking(true)
                .caseInsensitiveValidation(true)
                .build();
        endpoint = new ResourceEndpoint(provider);
        ResourceType users = endpoint.registerEndpoint(new UserEndpointDefinition(new ScimUsers(directory)));
        ResourceType groups = endpoint.registerEndpoint(new GroupEndpointDefinition(new ScimGroups(directory)));
        // The handlers hand over the whole organization; the SDK filters, pages and selects attributes.
        users.getFeatures().setAutoFiltering(true);
        groups.getFeatures().setAutoFiltering(true);
        endpoint.addDefaultPatchWorkarounds();
    }

    ScimResponse handle(String url, HttpMethod method, String body, Map<String, String> headers, Caller caller) {
        return endpoint.handleRequest(url, method, body, headers, new Context(new ScimCaller(caller)));
    }
}
