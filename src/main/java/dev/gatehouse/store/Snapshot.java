package dev.gatehouse.store;

import dev.gatehouse.model.ApiToken;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The whole stored state at one revision, as the puts that rebuild it, parents before children (users,
 * organizations, members, teams, their members, collections, spaces, sites, site spaces, pages, grants,
 * tokens, invite links, share links, access requests). Loading applies them exactly as following applies a changelog entry: one path into the index.
 */
public record Snapshot(long revision, List<Change> changes) {

    public Snapshot {
        changes = List.copyOf(changes);
    }

    public static Snapshot empty() {
        return new Snapshot(0, List.of());
    }

    /** The puts that rebuild these records, in the order the snapshot must hold them. */
    public static final class Builder {
        private final List<Change> changes = new ArrayList<>();

        public <T> Builder put(List<T> records, Function<T, Change> put) {
            for (T r : records) {
                changes.add(put.apply(r));
            }
            return this;
        }

        public Snapshot at(long revision) {
            return new Snapshot(revision, changes);
        }
    }

    // What the snapshot holds, by kind: for callers that inspect it rather than apply it.

    public List<User> users() {
        return of(Change.UserPut.class, Change.UserPut::user);
    }

    public List<Organization> organizations() {
        return of(Change.OrganizationPut.class, Change.OrganizationPut::organization);
    }

    public List<Member> members() {
        return of(Change.MemberPut.class, Change.MemberPut::member);
    }

    public List<Team> teams() {
        return of(Change.TeamPut.class, Change.TeamPut::team);
    }

    public List<TeamMembership> teamMemberships() {
        return of(Change.TeamMemberPut.class, Change.TeamMemberPut::membership);
    }

    public List<Collection> collections() {
        return of(Change.CollectionPut.class, Change.CollectionPut::collection);
    }

    public List<Space> spaces() {
        return of(Change.SpacePut.class, Change.SpacePut::space);
    }

    public List<Site> sites() {
        return of(Change.SitePut.class, Change.SitePut::site);
    }

    public List<SiteSpace> siteSpaces() {
        return of(Change.SiteSpacePut.class, Change.SiteSpacePut::siteSpace);
    }

    public List<Page> pages() {
        return of(Change.PagePut.class, Change.PagePut::page);
    }

    public List<Grant> grants() {
        return of(Change.GrantPut.class, Change.GrantPut::grant);
    }

    public List<ApiToken> tokens() {
        return of(Change.TokenPut.class, Change.TokenPut::token);
    }

    public List<dev.gatehouse.model.ScimToken> scimTokens() {
        return of(Change.ScimTokenPut.class, Change.ScimTokenPut::token);
    }

    public List<dev.gatehouse.model.ScimRecord> scimRecords() {
        return of(Change.ScimRecordPut.class, Change.ScimRecordPut::record);
    }

    public List<dev.gatehouse.model.LinkInvite> linkInvites() {
        return of(Change.LinkInvitePut.class, Change.LinkInvitePut::invite);
    }

    public List<dev.gatehouse.model.ShareLink> shareLinks() {
        return of(Change.SiteShareLinkPut.class, Change.SiteShareLinkPut::link);
    }

    public List<dev.gatehouse.model.AccessRequest> accessRequests() {
        return of(Change.AccessRequestPut.class, Change.AccessRequestPut::request);
    }

    private <C extends Change, T> List<T> of(Class<C> kind, Function<C, T> record) {
        List<T> out = new ArrayList<>();
        for (Change c : changes) {
            if (kind.isInstance(c)) {
                out.add(record.apply(kind.cast(c)));
            }
        }
        return out;
    }
}
