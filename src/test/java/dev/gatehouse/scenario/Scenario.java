package dev.gatehouse.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.SiteVisibility;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.TeamRole;
import dev.gatehouse.model.User;
import dev.gatehouse.model.Visibility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * One scenario file of {@code src/test/resources/scenarios}: a world and the answers permission-model.md
 * gives about it, worked out by hand. The engine runner builds the world through {@code World.apply};
 * an HTTP runner can create the same objects through the API and ask the same questions.
 *
 * <p>The file is read strictly (an unknown key is an error, so a misspelt expectation cannot silently
 * vanish), and every {@code defaultLevel} must be written out: {@code null} means nobody, and leaving
 * it out is refused rather than guessed. Objects get creation times in file order, one second apart.
 * Role values are wire names; {@code null} is none (a guest, for members). Resources are written
 * {@code type:id}, e.g. {@code space:S}.
 *
 * <p>Time: the world is built at one instant, "now" ({@link #BUILT_AT} for the engine runner; the server's
 * clock for the HTTP runner). A grant's {@code expiresAfter} (an ISO-8601 duration, e.g. {@code "PT1H"})
 * makes it expire that long after now; an expectation's {@code at} (a duration too, {@code "PT0S"} when
 * left out) says how long after now it holds, so one file states the answers before and after an expiry.
 *
 * <p>Sharing: {@code inviteLinks} and {@code shareLinks} are made with the world; {@code steps} are what people
 * then do (join with a link, ask for access, approve or deny, change or delete a share link), each at its
 * instant and with the outcome it must answer; {@code shareLinks}, {@code members} and {@code requests}
 * expectations say what a link reads, who is a member with which role, and which requests are pending.
 */
public record Scenario(
        String name,
        String description,
        List<String> users,
        List<Organization_> organizations,
        List<Team_> teams,
        List<Collection_> collections,
        List<Space_> spaces,
        List<Site_> sites,
        List<Page_> pages,
        List<Grant_> grants,
        List<InviteLink_> inviteLinks,
        List<ShareLink_> shareLinks,
        List<Step_> steps,
        Expect expect) {

    // The raw shapes of the file. Trailing underscores keep them apart from the model records.

    /** {@code members}: user id to role, {@code null} for a guest. */
    public record Organization_(String id, String defaultRole, LinkedHashMap<String, String> members,
                                List<String> disabled) {
    }

    public record Team_(String id, String org, List<String> members) {
    }

    public record Collection_(String id, String org, String parent, JsonNode defaultLevel) {
    }

    public record Space_(String id, String org, String parent, JsonNode defaultLevel, boolean deleted) {
    }

    /** {@code spaces}: the spaces the site publishes, in the site's order. */
    public record Site_(String id, String org, JsonNode defaultLevel, List<String> spaces) {
    }

    public record Page_(String id, String space, String parent, JsonNode defaultLevel) {
    }

    /** Exactly one of {@code user} and {@code team}; {@code expiresAfter}: a duration after now, or absent. */
    public record Grant_(String resource, String user, String team, String role, String expiresAfter) {
        /** How long after now the grant expires, or null when it does not. */
        public Duration expiry() {
            return expiresAfter == null ? null : duration("expiresAfter of the grant on " + resource, expiresAfter);
        }
    }

    /**
     * An invite link: to the organization ({@code resource} absent; {@code role} a member role, null for guest)
     * or to a space or collection ({@code role} the level it gives). {@code expiresAfter}, {@code maxUses} and
     * {@code active} (true when absent) are its bounds.
     */
    public record InviteLink_(String id, String org, String resource, JsonNode role, String expiresAfter,
                              Integer maxUses, Boolean active) {
        public Role level() {
            if (role == null) {
                throw new IllegalArgumentException("invite link " + id + " has no role: write a role, or null for guest");
            }
            return role.isNull() ? null : Role.parse(role.asText());
        }

        public Duration expiry() {
            return expiresAfter == null ? null : duration("expiresAfter of invite link " + id, expiresAfter);
        }

        public boolean isActive() {
            return active == null || active;
        }
    }

    /** A site share link; {@code active} true when absent. */
    public record ShareLink_(String id, String site, Boolean active) {
        public boolean isActive() {
            return active == null || active;
        }
    }

    /**
     * One thing someone does, at {@code at} (after now; steps run before the expectations of their instant, in
     * file order), as {@code as} (a user id, or {@code system}). Exactly one action: {@code join} (an invite
     * link's id, or an id no link has; {@code org} is the organization of the path, the link's when absent),
     * {@code request} (a resource, with {@code role} and an optional {@code message}), {@code approve} or
     * {@code deny} (a resource, with the {@code requester}; {@code expiresAfter} or {@code reason}),
     * {@code updateShareLink} (with {@code active}) or {@code deleteShareLink}.
     *
     * <p>{@code outcome} is what the step answers: a word for success ({@code joined}, {@code redundant},
     * {@code requested}, {@code updated}, {@code approved}, {@code denied}, {@code deleted}) or the HTTP status
     * of a refusal (404, 410...), which must change nothing.
     */
    public record Step_(String at, String as, String join, String org, String request, String role, String message,
                        String approve, String deny, String requester, String expiresAfter, String reason,
                        String updateShareLink, Boolean active, String deleteShareLink, JsonNode outcome) {
        public Duration after() {
            return Scenario.after(at);
        }

        /** The action's name, checking that there is exactly one. */
        public String action() {
            List<String> given = new ArrayList<>();
            if (join != null) {
                given.add("join");
            }
            if (request != null) {
                given.add("request");
            }
            if (approve != null) {
                given.add("approve");
            }
            if (deny != null) {
                given.add("deny");
            }
            if (updateShareLink != null) {
                given.add("updateShareLink");
            }
            if (deleteShareLink != null) {
                given.add("deleteShareLink");
            }
            if (given.size() != 1) {
                throw new IllegalArgumentException("a step needs exactly one action, not " + given);
            }
            if (as == null) {
                throw new IllegalArgumentException("step " + given.get(0) + " needs 'as': who takes it");
            }
            if (outcome == null || !(outcome.isTextual() || outcome.isInt())) {
                throw new IllegalArgumentException("step " + given.get(0) + " needs 'outcome': a word or a status");
            }
            return given.get(0);
        }

        /** How long after now the approved grant expires, or null; unbounded, so that a step can ask too far ahead. */
        public Duration expiry() {
            return expiresAfter == null ? null : Duration.parse(expiresAfter);
        }

        public String expected() {
            return outcome.asText();
        }
    }

    /** An expectation's {@code at}: how long after now it holds (zero when absent). */
    private static Duration after(String at) {
        return at == null ? Duration.ZERO : duration("at", at);
    }

    private static Duration duration(String what, String text) {
        Duration d = Duration.parse(text);
        if (d.isNegative() || d.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException(what + " must be from PT0S to 365 days, not " + text);
        }
        return d;
    }

    public record Expect(List<PermissionExpectation> permissions, List<AggregateExpectation> aggregates,
                         List<MemberSpacesExpectation> memberSpaces, List<SiteAggregateExpectation> siteAggregates,
                         List<ShareLinkExpectation> shareLinks, List<MembershipExpectation> members,
                         List<RequestsExpectation> requests) {
    }

    /**
     * What a share link may read: {@code permission} ({@code read} or null, required) and the {@code rule} of
     * its one explanation step ({@code site}, {@code published-space}, {@code inactive}, {@code not-found}...).
     */
    public record ShareLinkExpectation(String link, String resource, JsonNode permission, String rule, String at) {
        public Duration after() {
            return Scenario.after(at);
        }

        public Role expected() {
            if (permission == null) {
                throw new IllegalArgumentException("permission of share link " + link + " on " + resource
                        + " is missing: write null for none");
            }
            return permission.isNull() ? null : Role.parse(permission.asText());
        }
    }

    /** A user's membership: a role, {@code guest}, or {@code none} (not a member). */
    public record MembershipExpectation(String org, String user, String membership, String at) {
        public Duration after() {
            return Scenario.after(at);
        }
    }

    /** The complete pending access requests on a resource: requester to role. */
    public record RequestsExpectation(String resource, LinkedHashMap<String, String> pending, String at) {
        public Duration after() {
            return Scenario.after(at);
        }
    }

    /** {@code permission}: a role, or {@code null} for none (required, so that none is said on purpose). */
    public record PermissionExpectation(String user, String resource, JsonNode permission, String at) {
        public Duration after() {
            return Scenario.after(at);
        }

        public Role expected() {
            if (permission == null) {
                throw new IllegalArgumentException("permission of " + user + " on " + resource
                        + " is missing: write null for none");
            }
            return permission.isNull() ? null : Role.parse(permission.asText());
        }
    }

    /** The complete aggregate: user id to permission. {@code role}, when given, is the {@code role=} filter. */
    public record AggregateExpectation(String resource, String role, LinkedHashMap<String, String> items, String at) {
        public Duration after() {
            return Scenario.after(at);
        }
    }

    /** The complete member spaces: space id to permission (in any order; the runner derives the order). */
    public record MemberSpacesExpectation(String org, String user, LinkedHashMap<String, String> spaces, String at) {
        public Duration after() {
            return Scenario.after(at);
        }
    }

    /** The complete site aggregate, by user id. */
    public record SiteAggregateExpectation(String site, List<SiteItem> items, String at) {
        public Duration after() {
            return Scenario.after(at);
        }
    }

    public record SiteItem(String user, String permission, ExpectedOrigin origin, boolean disabled) {
    }

    /**
     * {@code type} is organization (with {@code organization}), site (with {@code site}, {@code reason} and,
     * for reason team, {@code team}) or space (with {@code space}), as in the API's origin object.
     */
    public record ExpectedOrigin(String type, String organization, String site, String reason, String team,
                                 String space) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    /** "Now" of the engine runner's worlds: after every object's creation time, before every expiry. */
    public static final Instant BUILT_AT = T0.plus(Duration.ofDays(1));

    // ------------------------------------------------------------------ loading

    /** Every scenario on the test classpath under {@code scenarios/}, by file name. */
    public static List<Scenario> all() {
        URL dir = Scenario.class.getClassLoader().getResource("scenarios");
        if (dir == null) {
            throw new IllegalStateException("no scenarios directory on the test classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            List<Scenario> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(load(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scenario {@code scenarios/<name>.json} of the test classpath. */
    public static Scenario named(String name) {
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream("scenarios/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario " + name);
            }
            return parse(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario load(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try (InputStream in = Files.newInputStream(file)) {
            return parse(name, in);
        }
    }

    private record File_(String description, List<String> users, List<Organization_> organizations,
                         List<Team_> teams, List<Collection_> collections, List<Space_> spaces, List<Site_> sites,
                         List<Page_> pages, List<Grant_> grants, List<InviteLink_> inviteLinks,
                         List<ShareLink_> shareLinks, List<Step_> steps, Expect expect) {
    }

    static Scenario parse(String name, InputStream in) throws IOException {
        File_ f = JSON.readValue(in, File_.class);
        Expect e = f.expect() == null ? new Expect(null, null, null, null, null, null, null) : f.expect();
        Scenario s = new Scenario(name, f.description(), orEmpty(f.users()), orEmpty(f.organizations()),
                orEmpty(f.teams()), orEmpty(f.collections()), orEmpty(f.spaces()), orEmpty(f.sites()),
                orEmpty(f.pages()), orEmpty(f.grants()), orEmpty(f.inviteLinks()), orEmpty(f.shareLinks()),
                orEmpty(f.steps()),
                new Expect(orEmpty(e.permissions()), orEmpty(e.aggregates()), orEmpty(e.memberSpaces()),
                        orEmpty(e.siteAggregates()), orEmpty(e.shareLinks()), orEmpty(e.members()),
                        orEmpty(e.requests())));
        s.changes(); // fail on load, naming the file, rather than in the middle of a runner
        s.steps().forEach(Step_::action);
        return s;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    // ------------------------------------------------------------------ parsing helpers for runners

    /** A role's wire name, or null (none). */
    public static Role role(String text) {
        return text == null ? null : Role.parse(text);
    }

    /** {@code type:id}. */
    public static ResourceRef resource(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a resource; write type:id, e.g. space:S");
        }
        return new ResourceRef(ResourceType.parse(text.substring(0, colon)), text.substring(colon + 1));
    }

    private static DefaultLevel defaultLevel(String what, JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException(what + " has no defaultLevel: write a role, \"inherit\" or null");
        }
        return DefaultLevel.parse(node.isNull() ? null : node.asText());
    }

    /** The time of the n-th object in the file. */
    private static Instant at(int n) {
        return T0.plusSeconds(n);
    }

    // ------------------------------------------------------------------ the world

    /** The world as the changes a service would have written, in file order. */
    public List<Change> changes() {
        try {
            return buildChanges();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("scenario " + name + ": " + e.getMessage(), e);
        }
    }

    private List<Change> buildChanges() {
        List<Change> out = new ArrayList<>();
        int n = 0;
        for (String u : users) {
            out.add(new Change.UserPut(new User(u, u, null, null, false, at(n++))));
        }
        for (Organization_ o : organizations) {
            out.add(new Change.OrganizationPut(new Organization(o.id(), o.id(), role(o.defaultRole()), at(n++))));
            List<String> disabled = orEmpty(o.disabled());
            for (var m : o.members().entrySet()) {
                out.add(new Change.MemberPut(new Member(o.id(), m.getKey(), role(m.getValue()),
                        disabled.contains(m.getKey()), at(n++))));
            }
            for (String d : disabled) {
                if (!o.members().containsKey(d)) {
                    throw new IllegalArgumentException("disabled " + d + " is not a member of " + o.id());
                }
            }
        }
        for (Team_ t : teams) {
            out.add(new Change.TeamPut(new Team(t.id(), t.org(), t.id(), at(n++))));
            for (String u : orEmpty(t.members())) {
                if (!isMember(t.org(), u)) {
                    throw new IllegalArgumentException("team member " + u + " of " + t.id() + " is not a member of " + t.org());
                }
                out.add(new Change.TeamMemberPut(new TeamMembership(t.id(), u, TeamRole.MEMBER)));
            }
        }
        for (Collection_ c : collections) {
            out.add(new Change.CollectionPut(new Collection(c.id(), c.org(), c.parent(), c.id(), null,
                    defaultLevel("collection " + c.id(), c.defaultLevel()), at(n++))));
        }
        for (Space_ s : spaces) {
            Instant t = at(n++);
            out.add(new Change.SpacePut(new Space(s.id(), s.org(), s.parent(), s.id(), null, Visibility.PRIVATE,
                    defaultLevel("space " + s.id(), s.defaultLevel()), t, t, s.deleted() ? t : null)));
        }
        for (Site_ w : sites) {
            out.add(new Change.SitePut(new Site(w.id(), w.org(), w.id(), defaultLevel("site " + w.id(), w.defaultLevel()),
                    SiteVisibility.PUBLIC, true, at(n++))));
            int position = 0;
            for (String spaceId : orEmpty(w.spaces())) {
                out.add(new Change.SiteSpacePut(new SiteSpace(w.id() + "-" + position, w.id(), spaceId,
                        "/" + spaceId, position, at(n++))));
                position++;
            }
        }
        int position = 0;
        for (Page_ p : pages) {
            out.add(new Change.PagePut(new Page(p.id(), p.space(), p.parent(), p.id(),
                    defaultLevel("page " + p.id(), p.defaultLevel()), position++, at(n++))));
        }
        for (Grant_ g : grants) {
            if ((g.user() == null) == (g.team() == null)) {
                throw new IllegalArgumentException("grant on " + g.resource() + " needs exactly one of user and team");
            }
            String org = organizationOf(resource(g.resource()));
            if (g.user() != null && !isMember(org, g.user())) {
                // the service would add them as a guest; a scenario says so itself, so that its reader sees it
                throw new IllegalArgumentException("grantee " + g.user() + " on " + g.resource() + " is not a member of "
                        + org + ": list them (null for a guest)");
            }
            SubjectRef subject = g.user() != null ? SubjectRef.user(g.user()) : SubjectRef.team(g.team());
            Duration expiry = g.expiry();
            if (expiry != null && expiry.isZero()) {
                throw new IllegalArgumentException("grant on " + g.resource() + " expires at once: give a later expiresAfter");
            }
            out.add(new Change.GrantPut(new Grant(resource(g.resource()), subject, role(g.role()),
                    expiry == null ? null : BUILT_AT.plus(expiry))));
        }
        // Links keep the file's ids here: the engine does not care that a real one is a secret.
        for (InviteLink_ k : inviteLinks) {
            ResourceRef r = k.resource() == null ? null : resource(k.resource());
            if (r != null && r.type() != ResourceType.SPACE && r.type() != ResourceType.COLLECTION) {
                throw new IllegalArgumentException("invite link " + k.id() + " is to a space or collection, or to its organization");
            }
            Duration expiry = k.expiry();
            out.add(new Change.LinkInvitePut(new dev.gatehouse.model.LinkInvite(k.id(), k.id(), k.org(), r, k.level(),
                    expiry == null ? null : BUILT_AT.plus(expiry), k.maxUses(), 0, k.isActive(), "system", at(n++))));
        }
        for (ShareLink_ l : shareLinks) {
            out.add(new Change.SiteShareLinkPut(new dev.gatehouse.model.ShareLink(l.id(), l.site(), l.id(), l.isActive(),
                    at(n++))));
        }
        return out;
    }

    private boolean isMember(String org, String user) {
        return organizations.stream().anyMatch(o -> o.id().equals(org) && o.members().containsKey(user));
    }

    private String organizationOf(ResourceRef r) {
        String id = r.id();
        switch (r.type()) {
            case COLLECTION:
                return collections.stream().filter(c -> c.id().equals(id)).map(Collection_::org).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("no collection " + id));
            case SPACE:
                return spaces.stream().filter(c -> c.id().equals(id)).map(Space_::org).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("no space " + id));
            case SITE:
                return sites.stream().filter(c -> c.id().equals(id)).map(Site_::org).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("no site " + id));
            default:
                String space = pages.stream().filter(c -> c.id().equals(id)).map(Page_::space).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("no page " + id));
                return organizationOf(ResourceRef.space(space));
        }
    }

    /** The invite link of the file with this id, or null (a step may join with an id no link has). */
    public InviteLink_ inviteLink(String id) {
        return inviteLinks.stream().filter(k -> k.id().equals(id)).findFirst().orElse(null);
    }

    /** The share link of the file with this id. */
    public ShareLink_ shareLink(String id) {
        return shareLinks.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no share link " + id));
    }

    /** The organization of a site of the file. */
    public String organizationOfSite(String siteId) {
        return organizationOf(ResourceRef.site(siteId));
    }

    /** The ids of the spaces in file order, which is their creation order. */
    public List<String> spaceIdsInCreationOrder() {
        return spaces.stream().map(Space_::id).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
