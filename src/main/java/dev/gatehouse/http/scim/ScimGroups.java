package dev.gatehouse.http.scim;

import de.captaingoldfish.scim.sdk.common.constants.ResourceTypeNames;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.Member;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import dev.gatehouse.service.ScimDirectory;
import dev.gatehouse.service.ScimDirectory.GroupInput;
import dev.gatehouse.service.ScimDirectory.GroupMember;
import dev.gatehouse.service.ScimDirectory.GroupView;

import java.util.ArrayList;
import java.util.List;

/**
 * SCIM groups as teams. Kept: {@code displayName} (the team's title), {@code externalId}, {@code members}
 * (users of the organization, by id; a member's team role is Gatehouse's and stays as it is).
 */
final class ScimGroups extends ResourceHandler<Group> {
    private final ScimDirectory directory;

    ScimGroups(ScimDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Group createResource(Group resource, Context context) {
        ScimCaller c = (ScimCaller) context.getAuthorization();
        GroupView v = ScimFailures.call(() -> directory.createGroup(c.caller(), c.orgId(), input(resource)).value());
        return shape(v, context);
    }

    @Override
    public Group getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
                             Context context) {
        ScimCaller c = (ScimCaller) context.getAuthorization();
        return shape(ScimFailures.call(() -> directory.group(c.caller(), c.orgId(), id)), context);
    }

    @Override
    public PartialListResponse<Group> listResources(long startIndex, int count, FilterNode filter, SchemaAttribute sortBy,
                                                    SortOrder sortOrder, List<SchemaAttribute> attributes,
                                                    List<SchemaAttribute> excludedAttributes, Context context) {
        ScimCaller c = (ScimCaller) context.getAuthorization();
        List<Group> all = new ArrayList<>();
        for (GroupView v : ScimFailures.call(() -> directory.groups(c.caller(), c.orgId()))) {
            all.add(shape(v, context));
        }
        return PartialListResponse.<Group>builder().resources(all).totalResults(all.size()).build();
    }

    @Override
    public Group updateResource(Group resource, Context context) {
        ScimCaller c = (ScimCaller) context.getAuthorization();
        String id = resource.getId().orElse(null);
        GroupView v = ScimFailures.call(() -> directory.replaceGroup(c.caller(), c.orgId(), id, input(resource)).value());
        return shape(v, context);
    }

    @Override
    public void deleteResource(String id, Context context) {
        ScimCaller c = (ScimCaller) context.getAuthorization();
        ScimFailures.call(() -> directory.deleteGroup(c.caller(), c.orgId(), id));
    }

    private static GroupInput input(Group g) {
        List<String> members = new ArrayList<>();
        for (Member m : g.getMembers()) {
            members.add(m.getValue().orElse(null));
        }
        return new GroupInput(g.getDisplayName().orElse(null), g.getExternalId().orElse(null), members);
    }

    private static Group shape(GroupView v, Context context) {
        List<Member> members = new ArrayList<>();
        for (GroupMember m : v.members()) {
            members.add(Member.builder().value(m.id()).display(m.display()).type("User")
                    .ref(context.getCrossResourceReferenceUrl(m.id(), ResourceTypeNames.USER).orElse(null)).build());
        }
        return Group.builder()
                .id(v.id())
                .displayName(v.displayName())
                .externalId(v.externalId())
                .members(members)
                .meta(Meta.builder()
                        .resourceType(ResourceTypeNames.GROUPS)
                        .created(v.created())
                        .lastModified(v.lastModified())
                        .location(context.getResourceReferenceUrl(v.id()))
                        .version(ScimVersions.of(v))
                        .build())
                .build();
    }
}
