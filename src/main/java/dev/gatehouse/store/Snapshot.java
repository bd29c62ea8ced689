package dev.gatehouse.store;

import dev.gatehouse.model.ApiToken;
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
import java.util.List;

/** The whole stored state at one revision, as loaded at start-up. Lists are in no particular order. */
public record Snapshot(
        long revision,
        List<User> users,
        List<Organization> organizations,
        List<Member> members,
        List<Team> teams,
        List<TeamMembership> teamMemberships,
        List<Collection> collections,
        List<Space> spaces,
        List<Site> sites,
        List<SiteSpace> siteSpaces,
        List<Page> pages,
        List<Grant> grants,
        List<ApiToken> tokens) {

    public static Snapshot empty() {
        return new Snapshot(0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
