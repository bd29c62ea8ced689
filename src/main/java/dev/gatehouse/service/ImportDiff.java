package dev.gatehouse.service;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.RecordShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which puts of an import would change something: the rest are already as the file says. This is what makes
 * an import idempotent, and a repeated one cheap. A user who already exists is kept as the installation has
 * it: users are shared by every organization, and one organization's file does not rename them.
 */
final class ImportDiff {
    private ImportDiff() {
    }

    static List<Change> changed(World w, List<Change> puts) {
        List<Change> out = new ArrayList<>();
        for (Change c : puts) {
            if (c instanceof Change.UserPut p) {
                if (w.user(p.user().id()) == null) {
                    out.add(c);
                }
            } else if (!Objects.equals(current(w, c), RecordShape.of(c.getClass()).get((Record) c, 0))) {
                out.add(c);
            }
        }
        return out;
    }

    /** The record the installation holds where {@code put} would put its own (a put's one component), or null. */
    private static Object current(World w, Change put) {
        if (put instanceof Change.OrganizationPut p) {
            return w.organization(p.organization().id());
        } else if (put instanceof Change.MemberPut p) {
            return w.member(p.member().orgId(), p.member().userId());
        } else if (put instanceof Change.TeamPut p) {
            return w.team(p.team().id());
        } else if (put instanceof Change.TeamMemberPut p) {
            return w.teamMembers(p.membership().teamId()).get(p.membership().userId());
        } else if (put instanceof Change.CollectionPut p) {
            return w.collection(p.collection().id());
        } else if (put instanceof Change.SpacePut p) {
            return w.space(p.space().id());
        } else if (put instanceof Change.SitePut p) {
            return w.site(p.site().id());
        } else if (put instanceof Change.SiteSpacePut p) {
            return w.siteSpace(p.siteSpace().id());
        } else if (put instanceof Change.PagePut p) {
            return w.page(p.page().id());
        } else if (put instanceof Change.GrantPut p) {
            Grant g = p.grant();
            World.Grants held = w.grants(g.resource());
            return switch (g.subject().type()) {
                case USER -> held.users().get(g.subject().id());
                case TEAM -> held.teams().get(g.subject().id());
            };
        } else if (put instanceof Change.LinkInvitePut p) {
            return w.linkInvite(p.invite().id());
        } else if (put instanceof Change.SiteShareLinkPut p) {
            return w.shareLink(p.link().id());
        } else if (put instanceof Change.AccessRequestPut p) {
            return w.accessRequest(p.request().id());
        } else if (put instanceof Change.ScimRecordPut p) {
            return w.scimRecord(p.record().orgId(), p.record().kind(), p.record().id());
        }
        throw new IllegalArgumentException("no record of an organization: " + put.getClass().getSimpleName());
    }
}
