/**
 * SCIM 2.0 (RFC 7643, RFC 7644) at {@code /scim/v2/orgs/{organizationId}}: the protocol is the SCIM SDK's
 * ({@code de.captaingoldfish:scim-sdk-server}: parsing, schema validation, filters, PATCH, paging, attribute
 * selection, the discovery endpoints, the error format), and the resources are Gatehouse's, through
 * {@link dev.gatehouse.service.ScimDirectory}: users are members, groups are teams.
 *
 * <p>Like the rest of http, this package reaches services only: never the store or the engine.
 */
package dev.gatehouse.http.scim;
