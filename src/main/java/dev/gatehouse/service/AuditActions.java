package dev.gatehouse.service;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every action of the audit log with a label a person reads (GitBook's audit-event actions). GitBook's API
 * names no actions of its own, so the actions are Gatehouse's, the same in the audit log, the audit events
 * and webhooks ({@code AuditTrail.ACTIONS}, which a test holds these to).
 */
public final class AuditActions {
    /** By action, in the order they are listed. */
    public static final Map<String, String> LABELS = labels();

    private AuditActions() {
    }

    private static Map<String, String> labels() {
        Map<String, String> l = new TreeMap<>();
        l.put("organization.created", "Organization created");
        l.put("organization.default_changed", "Organization default role changed");
        l.put("organization.updated", "Organization updated");
        l.put("member.added", "Member added");
        l.put("member.role_changed", "Member role changed");
        l.put("member.disabled", "Member disabled");
        l.put("member.enabled", "Member enabled");
        l.put("member.removed", "Member removed");
        l.put("team.created", "Team created");
        l.put("team.updated", "Team updated");
        l.put("team.deleted", "Team deleted");
        l.put("team.member_added", "Team member added");
        l.put("team.member_role_changed", "Team member role changed");
        l.put("team.member_removed", "Team member removed");
        l.put("grant.created", "Permission granted");
        l.put("grant.updated", "Permission changed");
        l.put("grant.removed", "Permission removed");
        l.put("grant.expired", "Permission expired");
        l.put("scim_token.created", "SCIM token created");
        l.put("scim_token.revoked", "SCIM token revoked");
        for (String type : new String[] {"collection", "space", "site", "page"}) {
            String name = Character.toUpperCase(type.charAt(0)) + type.substring(1);
            l.put(type + ".created", name + " created");
            l.put(type + ".default_changed", name + " default level changed");
            l.put(type + ".updated", name + " updated");
            l.put(type + ".deleted", name + " deleted");
        }
        l.put("space.restored", "Space restored from the trash");
        l.put("space.purged", "Space purged from the trash");
        l.put("site.space_published", "Space published on a site");
        l.put("site.space_updated", "Published space updated");
        l.put("site.space_unpublished", "Space unpublished from a site");
        l.put("share_link.created", "Site share link created");
        l.put("share_link.updated", "Site share link updated");
        l.put("share_link.deleted", "Site share link deleted");
        l.put("access_request.requested", "Access requested");
        l.put("access_request.approved", "Access request approved");
        l.put("access_request.denied", "Access request denied");
        l.put("access_request.removed", "Access request removed");
        l.put("member.sso_enabled", "Member set to sign in with SSO");
        l.put("member.joined_by_link", "Member joined through an invite link");
        l.put("grant.joined_by_link", "Permission given through an invite link");
        l.put("link_invite.created", "Invite link created");
        l.put("link_invite.updated", "Invite link updated");
        l.put("link_invite.deleted", "Invite link deleted");
        return Collections.unmodifiableMap(l);
    }
}
