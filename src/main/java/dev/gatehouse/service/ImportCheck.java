package dev.gatehouse.service;

import dev.gatehouse.engine.Reads;
import dev.gatehouse.engine.World;
import dev.gatehouse.model.AccessRequest;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.LinkInvite;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.RecordShape;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ScimRecord;
import dev.gatehouse.model.ShareLink;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectType;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.User;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks an import file as a whole against the installation it is to be written into, before anything is:
 * every record is of the file's organization, every id it names is in the file or already in that
 * organization, no id is another organization's, nothing is there twice, and collections and pages form
 * trees. The first fault found refuses the file with its line.
 */
final class ImportCheck {
    /**
     * Lines checked under one read of the index: a check of a million lines in one read held every write (and
     * the reads queued behind a waiting write) for a second or more; batches hold it some 20 ms each.
     */
    private static final int BATCH = 20_000;

    /** The index's world, while a batch is checked against it under a read, and only then. */
    private World w;
    private final String org;
    private final Map<String, User> users = new HashMap<>();
    private final Map<String, String> emails = new HashMap<>();
    private final Set<String> members = new HashSet<>();
    private final Set<String> teams = new HashSet<>();
    private final Map<String, String> collections = new HashMap<>();
    private final Set<String> spaces = new HashSet<>();
    private final Set<String> sites = new HashSet<>();
    /** Each page of the file with its space, so that a parent page is known to be of the same space. */
    private final Map<String, Page> pages = new HashMap<>();
    /** Each record's identity ({@link #identity}), to find one given twice. */
    private final Set<Identity> seen;
    private boolean organization;

    private ImportCheck(String org, int records) {
        this.org = org;
        // Sized for the file at once: growing a set of a million entries step by step was a good part of the check.
        this.seen = new HashSet<>(records * 4 / 3 + 16);
    }

    /**
     * Checks the file against the index, a batch of lines under each read: an import's check is no snapshot
     * anyway, since writes may come between it and the import's own, which each plan against the index then.
     */
    static void check(Reads reads, String org, List<ExportFile.Line> lines) {
        ImportCheck c = new ImportCheck(org, lines.size());
        // First what the file declares, so that a reference may name a record of any later line.
        c.inBatches(reads, lines, c::declare);
        if (!c.organization) {
            throw ExportFile.at(lines.isEmpty() ? 2 : lines.get(0).number(), "the file has no 'organization' line");
        }
        c.inBatches(reads, lines, c::references);
    }

    private void inBatches(Reads reads, List<ExportFile.Line> lines, java.util.function.Consumer<ExportFile.Line> each) {
        for (int from = 0; from < lines.size(); from += BATCH) {
            List<ExportFile.Line> batch = lines.subList(from, Math.min(lines.size(), from + BATCH));
            reads.read(world -> {
                w = world;
                try {
                    batch.forEach(each);
                } finally {
                    w = null;
                }
                return null;
            });
        }
    }

    private void declare(ExportFile.Line line) {
        Change put = line.put();
        // The kinds kept by id below are found twice there; the rest, in the set of identities.
        if (!OWN_SETS.contains(put.getClass())) {
            Identity identity = identity(put);
            if (!seen.add(identity)) {
                throw twice(line, identity.text());
            }
        }
        if (put instanceof Change.UserPut p) {
            User u = p.user();
            if (users.put(u.id(), u) != null) {
                throw twice(line, u.id());
            }
            if (u.email() != null) {
                String other = emails.putIfAbsent(u.email(), u.id());
                User there = w.userByEmail(u.email());
                if (other != null || (there != null && !there.id().equals(u.id()))) {
                    throw fault(line, "email '" + u.email() + "' belongs to another user");
                }
            }
        } else if (put instanceof Change.OrganizationPut p) {
            ours(line, p.organization().id());
            organization = true;
        } else if (put instanceof Change.MemberPut p) {
            if (!members.add(p.member().userId())) {
                throw twice(line, p.member().userId());
            }
            ours(line, p.member().orgId());
        } else if (put instanceof Change.TeamPut p) {
            Team t = p.team();
            if (!teams.add(t.id())) {
                throw twice(line, t.id());
            }
            ours(line, t.orgId());
            notOthers(line, "team", t.id(), w.team(t.id()) == null ? null : w.team(t.id()).orgId());
        } else if (put instanceof Change.CollectionPut p) {
            Collection c = p.collection();
            if (collections.containsKey(c.id())) {
                throw twice(line, c.id());
            }
            collections.put(c.id(), c.parentId());
            ours(line, c.orgId());
            notOthers(line, "collection", c.id(), w.organizationOf(ResourceRef.collection(c.id())));
        } else if (put instanceof Change.SpacePut p) {
            if (!spaces.add(p.space().id())) {
                throw twice(line, p.space().id());
            }
            ours(line, p.space().orgId());
            notOthers(line, "space", p.space().id(), w.organizationOf(ResourceRef.space(p.space().id())));
        } else if (put instanceof Change.SitePut p) {
            if (!sites.add(p.site().id())) {
                throw twice(line, p.site().id());
            }
            ours(line, p.site().orgId());
            notOthers(line, "site", p.site().id(), w.organizationOf(ResourceRef.site(p.site().id())));
        } else if (put instanceof Change.PagePut p) {
            if (pages.put(p.page().id(), p.page()) != null) {
                throw twice(line, p.page().id());
            }
            notOthers(line, "page", p.page().id(), w.organizationOf(ResourceRef.page(p.page().id())));
        } else if (put instanceof Change.ScimRecordPut p) {
            ours(line, p.record().orgId());
        } else if (put instanceof Change.LinkInvitePut p) {
            LinkInvite l = p.invite();
            ours(line, l.orgId());
            notOthers(line, "invite link", l.id(), w.linkInvite(l.id()) == null ? null : w.linkInvite(l.id()).orgId());
        }
    }

    private void references(ExportFile.Line line) {
        Change put = line.put();
        if (put instanceof Change.MemberPut p) {
            user(line, p.member().userId());
        } else if (put instanceof Change.TeamMemberPut p) {
            TeamMembership tm = p.membership();
            team(line, tm.teamId());
            if (!members.contains(tm.userId()) && w.member(org, tm.userId()) == null) {
                throw fault(line, "user '" + tm.userId() + "' is no member of the organization");
            }
        } else if (put instanceof Change.CollectionPut p) {
            Collection c = p.collection();
            if (c.parentId() != null) {
                resource(line, ResourceRef.collection(c.parentId()));
                acyclic(line, c.id());
            }
        } else if (put instanceof Change.SpacePut p) {
            if (p.space().parentId() != null) {
                resource(line, ResourceRef.collection(p.space().parentId()));
            }
        } else if (put instanceof Change.SiteSpacePut p) {
            SiteSpace s = p.siteSpace();
            resource(line, ResourceRef.site(s.siteId()));
            resource(line, ResourceRef.space(s.spaceId()));
            SiteSpace there = w.siteSpace(s.id());
            if (there != null && !there.siteId().equals(s.siteId())) {
                throw fault(line, "site space '" + s.id() + "' is of another site");
            }
        } else if (put instanceof Change.PagePut p) {
            page(line, p.page());
        } else if (put instanceof Change.GrantPut p) {
            Grant g = p.grant();
            resource(line, g.resource());
            if (g.subject().type() == SubjectType.USER) {
                user(line, g.subject().id());
            } else {
                team(line, g.subject().id());
            }
        } else if (put instanceof Change.LinkInvitePut p) {
            if (p.invite().resource() != null) {
                resource(line, p.invite().resource());
            }
        } else if (put instanceof Change.SiteShareLinkPut p) {
            ShareLink l = p.link();
            resource(line, ResourceRef.site(l.siteId()));
            ShareLink there = w.shareLink(l.id());
            if (there != null && !there.siteId().equals(l.siteId())) {
                throw fault(line, "share link '" + l.id() + "' is of another site");
            }
        } else if (put instanceof Change.ScimRecordPut p) {
            ScimRecord r = p.record();
            if (r.kind() == ScimRecord.Kind.GROUP) {
                team(line, r.id());
            } else if (!members.contains(r.id()) && w.member(org, r.id()) == null) {
                throw fault(line, "SCIM's record of user '" + r.id() + "' is of no member of the organization");
            }
        } else if (put instanceof Change.AccessRequestPut p) {
            AccessRequest r = p.request();
            resource(line, r.resource());
            user(line, r.userId());
            AccessRequest there = w.accessRequest(r.id());
            if (there != null && !there.resource().equals(r.resource())) {
                throw fault(line, "access request '" + r.id() + "' is of another resource");
            }
        }
    }

    private void page(ExportFile.Line line, Page p) {
        resource(line, ResourceRef.space(p.spaceId()));
        if (p.parentId() == null) {
            return;
        }
        Page parent = pages.containsKey(p.parentId()) ? pages.get(p.parentId()) : w.page(p.parentId());
        if (parent == null) {
            throw fault(line, "no page '" + p.parentId() + "' in the file or the organization");
        }
        if (!parent.spaceId().equals(p.spaceId())) {
            throw fault(line, "parent page '" + p.parentId() + "' is of another space");
        }
        // Bounded by the pages there are: a walk longer than that has met a page twice.
        String at = p.parentId();
        for (int steps = 0; at != null; steps++) {
            if (at.equals(p.id()) || steps > pages.size() + 1) {
                throw fault(line, "page '" + p.id() + "' would be its own ancestor");
            }
            Page q = pages.containsKey(at) ? pages.get(at) : w.page(at);
            at = q == null ? null : q.parentId();
        }
    }

    private void acyclic(ExportFile.Line line, String collectionId) {
        String at = collections.get(collectionId);
        for (int steps = 0; at != null; steps++) {
            if (at.equals(collectionId) || steps > collections.size() + 1) {
                throw fault(line, "collection '" + collectionId + "' would be its own ancestor");
            }
            if (collections.containsKey(at)) {
                at = collections.get(at);
            } else {
                Collection c = w.collection(at);
                at = c == null ? null : c.parentId();
            }
        }
    }

    private void resource(ExportFile.Line line, ResourceRef r) {
        boolean inFile = switch (r.type()) {
            case COLLECTION -> collections.containsKey(r.id());
            case SPACE -> spaces.contains(r.id());
            case SITE -> sites.contains(r.id());
            case PAGE -> pages.containsKey(r.id());
        };
        if (!inFile && !org.equals(w.organizationOf(r))) {
            throw fault(line, "no " + r.type().wire() + " '" + r.id() + "' in the file or the organization");
        }
    }

    private void user(ExportFile.Line line, String userId) {
        if (!users.containsKey(userId) && w.user(userId) == null) {
            throw fault(line, "no user '" + userId + "' in the file or the installation");
        }
    }

    private void team(ExportFile.Line line, String teamId) {
        Team t = w.team(teamId);
        if (!teams.contains(teamId) && (t == null || !t.orgId().equals(org))) {
            throw fault(line, "no team '" + teamId + "' in the file or the organization");
        }
    }

    private void ours(ExportFile.Line line, String orgId) {
        if (!org.equals(orgId)) {
            throw fault(line, "the record is of organization '" + orgId + "', the file of '" + org + "'");
        }
    }

    private void notOthers(ExportFile.Line line, String what, String id, String owner) {
        if (owner != null && !owner.equals(org)) {
            throw fault(line, what + " '" + id + "' belongs to another organization");
        }
    }

    /**
     * What makes two records of the kinds without a map of their own the same record: a team member per team
     * and user, a grant per resource and subject, SCIM's record per kind and id (a user and a team may share an
     * id), the rest by id. A value rather than text: making text of it for every line cost more than the rest of the check.
     */
    private static Identity identity(Change put) {
        if (put instanceof Change.TeamMemberPut p) {
            return new Identity(put.getClass(), p.membership().teamId(), p.membership().userId());
        }
        if (put instanceof Change.GrantPut p) {
            return new Identity(put.getClass(), p.grant().resource(), p.grant().subject());
        }
        if (put instanceof Change.ScimRecordPut p) {
            return new Identity(put.getClass(), p.record().kind(), p.record().id());
        }
        return new Identity(put.getClass(), id(put), null);
    }

    private record Identity(Class<?> kind, Object key, Object more) {
        /** As an error names it. */
        String text() {
            return more == null ? String.valueOf(key) : key + "/" + more;
        }
    }

    /** The id of the record a put puts. */
    private static String id(Change put) {
        Record r = ExportLines.kindOf(put).record().apply(put);
        RecordShape shape = RecordShape.of(r.getClass());
        int id = shape.indexOf("id");
        if (id < 0) {
            throw new IllegalStateException("a record without an id: " + r.getClass());
        }
        return Objects.toString(shape.get(r, id));
    }

    /** The kinds whose records {@link #declare} keeps by id anyway, and finds given twice there. */
    private static final Set<Class<?>> OWN_SETS = Set.of(Change.UserPut.class, Change.MemberPut.class,
            Change.TeamPut.class, Change.CollectionPut.class, Change.SpacePut.class, Change.SitePut.class,
            Change.PagePut.class);

    private static ApiException twice(ExportFile.Line line, String identity) {
        return fault(line, "a second " + ExportLines.kindOf(line.put()).name() + " '" + identity
                + "'; each record may be given once");
    }

    private static ApiException fault(ExportFile.Line line, String message) {
        return ExportFile.at(line.number(), message);
    }
}
