package dev.gatehouse.http.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.captaingoldfish.scim.sdk.common.constants.ResourceTypeNames;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.resources.complex.Name;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Email;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import dev.gatehouse.service.ScimDirectory;
import dev.gatehouse.service.ScimDirectory.UserInput;
import dev.gatehouse.service.ScimDirectory.UserView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCIM users as organization members. Kept: {@code userName} (the email, which is also the one entry of
 * {@code emails}), {@code displayName}, {@code name}, {@code externalId}, {@code active}. Everything else the
 * schemas allow (other emails, phone numbers, the enterprise extension, ...) is accepted and not kept.
 *
 * <p>Filtering, paging and attribute selection are the SDK's, over the organization's members: the list is
 * the whole organization, which the index answers from memory.
 */
final class ScimUsers extends ResourceHandler<User> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScimDirectory directory;

    ScimUsers(ScimDirectory directory) {
        this.directory = directory;
    }

    @Override
    public User createResource(User resource, Context context) {
        ScimCaller c = (ScimCaller) context.getAuthorization();
        UserView v = ScimFailures.call(() -> directory.createUser(c.caller(), c.orgId(), input(resource)).value());
        return shape(v, context);
    }

    @Override
    public User getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
                            Context context) {
        ScimCaller c = (ScimCaller) context.getAuthorization();
        return shape(ScimFailures.call(() -> directory.user(c.caller(), c.orgId(), id)), context);
    }

    @Override
    public PartialListResponse<User> listResources(long startIndex, int count, FilterNode filter, SchemaAttribute sortBy,
                                                   SortOrder sortOrder, List<SchemaAttribute> attributes,
                                                   List<SchemaAttribute> excludedAttributes, Context context) {
        ScimCaller c = (ScimCaller) context.getAuthorization();
        // A search (POST .search) brings its filter in the body: only a GET's query is narrowed.
        String email = context.getUriInfos().getHttpMethod() == HttpMethod.GET
                ? userNameSought(context.getUriInfos().getQueryParameters().get("filter")) : null;
        List<User> all = new ArrayList<>();
        for (UserView v : ScimFailures.call(() -> email == null ? directory.users(c.caller(), c.orgId())
                : directory.usersByEmail(c.caller(), c.orgId(), email))) {
            all.add(shape(v, context));
        }
        return PartialListResponse.<User>builder().resources(all).totalResults(all.size()).build();
    }

    /** {@code userName eq "..."} alone, the attribute named short or in full, the value without escapes. */
    private static final Pattern USER_NAME_EQ = Pattern.compile(
            "\\s*(?:urn:ietf:params:scim:schemas:core:2\\.0:User:)?userName\\s+eq\\s+\"([\\x20-\\x7e&&[^\"\\\\]]*)\"\\s*",
            Pattern.CASE_INSENSITIVE);

    /**
     * For a list filtered by {@code userName eq "..."} alone, which identity providers send before every create,
     * the email sought, lower case; null for any other filter, for which every member is listed. The SDK parses
     * and applies the filter itself (it hands the handler none), so a narrowed list only has to hold every user
     * the filter matches: a userName is its member's email, compared without regard to case, and the directory
     * lists every member unless every email is lower-case ASCII. A value outside printable ASCII is not narrowed.
     */
    static String userNameSought(String filter) {
        Matcher m = filter == null ? null : USER_NAME_EQ.matcher(filter);
        return m != null && m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    @Override
    public User updateResource(User resource, Context context) {
        ScimCaller c = (ScimCaller) context.getAuthorization();
        String id = resource.getId().orElse(null);
        UserView v = ScimFailures.call(() -> directory.replaceUser(c.caller(), c.orgId(), id, input(resource)).value());
        return shape(v, context);
    }

    @Override
    public void deleteResource(String id, Context context) {
        ScimCaller c = (ScimCaller) context.getAuthorization();
        ScimFailures.call(() -> directory.deleteUser(c.caller(), c.orgId(), id));
    }

    private static UserInput input(User u) {
        String name = u.getName().filter(n -> !n.isEmpty()).map(JsonNode::toString).orElse(null);
        String displayName = u.getDisplayName().orElse(null);
        if (displayName == null) {
            displayName = u.getName().flatMap(Name::getFormatted).orElse(null);
        }
        return new UserInput(u.getUserName().orElse(null), displayName, u.getExternalId().orElse(null), name,
                u.isActive().orElse(true));
    }

    private static User shape(UserView v, Context context) {
        User u = User.builder()
                .id(v.id())
                .userName(v.userName())
                .displayName(v.displayName())
                .externalId(v.externalId())
                .active(v.active())
                .emails(List.of(Email.builder().value(v.userName()).primary(true).type("work").build()))
                .meta(Meta.builder()
                        .resourceType(ResourceTypeNames.USER)
                        .created(v.created())
                        .lastModified(v.lastModified())
                        .location(context.getResourceReferenceUrl(v.id()))
                        .version(ScimVersions.of(v))
                        .build())
                .build();
        if (v.name() != null) {
            u.setName(name(v.name()));
        }
        return u;
    }

    private static Name name(String json) {
        Name n = new Name();
        try {
            n.setAll((ObjectNode) JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            // Written by input() above from a parsed object, so it always reads back; a name that did not is left out.
            return null;
        }
        return n;
    }
}
