package dev.gatehouse.service;

import dev.gatehouse.engine.World;
import dev.gatehouse.model.AccessRequest;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ScimRecord;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything one organization owns, as the puts that rebuild it, in one order that depends on the records
 * alone: parents before children (a collection after its parent, a page after its parent page), and by id
 * within a kind. Two worlds holding the same organization give the same list, which is what makes an export
 * of an import byte for byte the export it came from.
 *
 * <p>Users are the installation's, not the organization's, but the members, team members, grants and access
 * requests name them: the users they name come first, so the file restores on an empty installation.
 * What SCIM keeps of the members and teams it provisioned (the identity provider's {@code externalId}, the
 * names it gave) comes last, so that the identity provider finds them again after a restore. Tokens do not
 * come, neither API tokens nor SCIM tokens: only their hashes are kept, and a restored organization's
 * administrators issue new ones.
 */
final class OrgContents {
    private OrgContents() {
    }

    static List<Change> of(World w, String orgId) {
        List<Change> out = new ArrayList<>();
        List<Change> afterUsers = new ArrayList<>();
        TreeSet<String> users = new TreeSet<>();
        afterUsers.add(new Change.OrganizationPut(w.organization(orgId)));
        for (Member m : w.members(orgId).values()) {
            users.add(m.userId());
            afterUsers.add(new Change.MemberPut(m));
        }
        List<Team> teams = new ArrayList<>(w.teams(orgId).values());
        teams.forEach(t -> afterUsers.add(new Change.TeamPut(t)));
        for (Team t : teams) {
            for (TeamMembership tm : w.teamMembers(t.id()).values()) {
                users.add(tm.userId());
                afterUsers.add(new Change.TeamMemberPut(tm));
            }
        }
        List<Collection> collections = parentsFirst(new ArrayList<>(w.collections(orgId).values()),
                Collection::id, Collection::parentId);
        collections.forEach(c -> afterUsers.add(new Change.CollectionPut(c)));
        List<Space> spaces = new ArrayList<>(w.spaces(orgId));
        spaces.sort(Comparator.comparing(Space::id));
        spaces.forEach(s -> afterUsers.add(new Change.SpacePut(s)));
        List<Site> sites = new ArrayList<>(w.sites(orgId).values());
        sites.forEach(s -> afterUsers.add(new Change.SitePut(s)));
        List<SiteSpace> siteSpaces = new ArrayList<>();
        sites.forEach(s -> siteSpaces.addAll(w.siteSpaces(s.id())));
        siteSpaces.sort(Comparator.comparing(SiteSpace::id));
        siteSpaces.forEach(s -> afterUsers.add(new Change.SiteSpacePut(s)));
        List<Page> pages = new ArrayList<>();
        for (Space s : spaces) {
            pages.addAll(parentsFirst(new ArrayList<>(w.pages(s.id())), Page::id, Page::parentId));
        }
        pages.forEach(p -> afterUsers.add(new Change.PagePut(p)));

        List<ResourceRef> resources = new ArrayList<>();
        collections.forEach(c -> resources.add(ResourceRef.collection(c.id())));
        spaces.forEach(s -> resources.add(ResourceRef.space(s.id())));
        sites.forEach(s -> resources.add(ResourceRef.site(s.id())));
        pages.forEach(p -> resources.add(ResourceRef.page(p.id())));
        List<AccessRequest> requests = new ArrayList<>();
        for (ResourceRef r : resources) {
            World.Grants held = w.grants(r);
            for (Grant g : held.users().values()) {
                users.add(g.subject().id());
                afterUsers.add(new Change.GrantPut(g));
            }
            held.teams().values().forEach(g -> afterUsers.add(new Change.GrantPut(g)));
            requests.addAll(w.accessRequests(r).values());
        }
        w.linkInvites(orgId).values().forEach(l -> afterUsers.add(new Change.LinkInvitePut(l)));
        for (Site s : sites) {
            w.shareLinks(s.id()).values().forEach(l -> afterUsers.add(new Change.SiteShareLinkPut(l)));
        }
        requests.sort(Comparator.comparing(AccessRequest::id));
        for (AccessRequest r : requests) {
            users.add(r.userId());
            afterUsers.add(new Change.AccessRequestPut(r));
        }
        // Every record SCIM keeps is of a member or a team: removing either removes its record.
        for (Member m : w.members(orgId).values()) {
            ScimRecord r = w.scimRecord(orgId, ScimRecord.Kind.USER, m.userId());
            if (r != null) {
                afterUsers.add(new Change.ScimRecordPut(r));
            }
        }
        for (Team t : teams) {
            ScimRecord r = w.scimRecord(orgId, ScimRecord.Kind.GROUP, t.id());
            if (r != null) {
                afterUsers.add(new Change.ScimRecordPut(r));
            }
        }
        for (String u : users) {
            if (w.user(u) != null) {
                out.add(new Change.UserPut(w.user(u)));
            }
        }
        out.addAll(afterUsers);
        return out;
    }

    /** Sorts a tree by id with every record after its parent (a parent outside the list counts as the top). */
    static <T> List<T> parentsFirst(List<T> records, java.util.function.Function<T, String> id,
                                    java.util.function.Function<T, String> parent) {
        Map<String, List<T>> children = new HashMap<>();
        Map<String, T> byId = new HashMap<>();
        records.forEach(r -> byId.put(id.apply(r), r));
        List<T> roots = new ArrayList<>();
        for (T r : records) {
            String p = parent.apply(r);
            if (p == null || !byId.containsKey(p)) {
                roots.add(r);
            } else {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(r);
            }
        }
        Comparator<T> byIdOrder = Comparator.comparing(id);
        List<T> out = new ArrayList<>(records.size());
        roots.sort(byIdOrder);
        out.addAll(roots);
        // Level by level: each level sorted by id, so the order is the same whatever order the records came in.
        for (int at = 0; at < out.size(); at++) {
            List<T> kids = children.get(id.apply(out.get(at)));
            if (kids != null) {
                kids.sort(byIdOrder);
                out.addAll(kids);
            }
        }
        return out;
    }
}
