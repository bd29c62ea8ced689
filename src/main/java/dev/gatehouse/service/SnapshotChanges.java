package dev.gatehouse.service;

import dev.gatehouse.model.Change;
import dev.gatehouse.store.Snapshot;
import java.util.ArrayList;
import java.util.List;

/** Turns a stored snapshot into the puts that rebuild it, parents before children. */
final class SnapshotChanges {
    private SnapshotChanges() {
    }

    static List<Change> of(Snapshot s) {
        List<Change> out = new ArrayList<>();
        s.users().forEach(x -> out.add(new Change.UserPut(x)));
        s.organizations().forEach(x -> out.add(new Change.OrganizationPut(x)));
        s.members().forEach(x -> out.add(new Change.MemberPut(x)));
        s.teams().forEach(x -> out.add(new Change.TeamPut(x)));
        s.teamMemberships().forEach(x -> out.add(new Change.TeamMemberPut(x)));
        s.collections().forEach(x -> out.add(new Change.CollectionPut(x)));
        s.spaces().forEach(x -> out.add(new Change.SpacePut(x)));
        s.sites().forEach(x -> out.add(new Change.SitePut(x)));
        s.siteSpaces().forEach(x -> out.add(new Change.SiteSpacePut(x)));
        s.pages().forEach(x -> out.add(new Change.PagePut(x)));
        s.grants().forEach(x -> out.add(new Change.GrantPut(x)));
        s.tokens().forEach(x -> out.add(new Change.TokenPut(x)));
        return out;
    }
}
