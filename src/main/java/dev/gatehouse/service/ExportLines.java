package dev.gatehouse.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Ids;
import dev.gatehouse.model.Instants;
import dev.gatehouse.model.RecordShape;
import dev.gatehouse.store.ChangeCodec;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The lines of an organization's export, one record each: {@code {"kind":"space", ...}} with the record's
 * components as its other fields, named and valued as the changelog stores them (enums by constant name,
 * instants as ISO-8601 text, {@code null} written out). Reading is strict, unlike the changelog's reading:
 * a file comes from outside, so an unknown or missing field, a value of the wrong type or an id of the wrong
 * shape refuses the line rather than reading as a neutral value.
 */
final class ExportLines {
    /** Each kind of line and the put it reads as, in the order an export writes them (parents first). */
    static final Map<String, Kind<?>> KINDS = new LinkedHashMap<>();

    static {
        add("user", Change.UserPut.class, Change.UserPut::user, Change.UserPut::new, dev.gatehouse.model.User.class);
        add("organization", Change.OrganizationPut.class, Change.OrganizationPut::organization,
                Change.OrganizationPut::new, dev.gatehouse.model.Organization.class);
        add("member", Change.MemberPut.class, Change.MemberPut::member, Change.MemberPut::new,
                dev.gatehouse.model.Member.class);
        add("team", Change.TeamPut.class, Change.TeamPut::team, Change.TeamPut::new, dev.gatehouse.model.Team.class);
        add("teamMember", Change.TeamMemberPut.class, Change.TeamMemberPut::membership, Change.TeamMemberPut::new,
                dev.gatehouse.model.TeamMembership.class);
        add("collection", Change.CollectionPut.class, Change.CollectionPut::collection, Change.CollectionPut::new,
                dev.gatehouse.model.Collection.class);
        add("space", Change.SpacePut.class, Change.SpacePut::space, Change.SpacePut::new,
                dev.gatehouse.model.Space.class);
        add("site", Change.SitePut.class, Change.SitePut::site, Change.SitePut::new, dev.gatehouse.model.Site.class);
        add("siteSpace", Change.SiteSpacePut.class, Change.SiteSpacePut::siteSpace, Change.SiteSpacePut::new,
                dev.gatehouse.model.SiteSpace.class);
        add("page", Change.PagePut.class, Change.PagePut::page, Change.PagePut::new, dev.gatehouse.model.Page.class);
        add("grant", Change.GrantPut.class, Change.GrantPut::grant, Change.GrantPut::new,
                dev.gatehouse.model.Grant.class);
        add("linkInvite", Change.LinkInvitePut.class, Change.LinkInvitePut::invite, Change.LinkInvitePut::new,
                dev.gatehouse.model.LinkInvite.class);
        add("shareLink", Change.SiteShareLinkPut.class, Change.SiteShareLinkPut::link, Change.SiteShareLinkPut::new,
                dev.gatehouse.model.ShareLink.class);
        add("accessRequest", Change.AccessRequestPut.class, Change.AccessRequestPut::request,
                Change.AccessRequestPut::new, dev.gatehouse.model.AccessRequest.class);
        add("scimRecord", Change.ScimRecordPut.class, p -> new ScimLine(p.record()), l -> new Change.ScimRecordPut(l.record()),
                ScimLine.class);
    }

    /**
     * A SCIM record's line holds the record under {@code record}: the record has a component named {@code kind}
     * (user or group), which would collide with the line's own.
     */
    record ScimLine(dev.gatehouse.model.ScimRecord record) {
    }

    private static final Map<Class<?>, Kind<?>> BY_CHANGE = new java.util.HashMap<>();

    static {
        KINDS.values().forEach(k -> BY_CHANGE.put(k.change(), k));
    }

    /** Components that hold an id (or a list of them): checked for the id's shape on reading. */
    private static final Set<String> ID_FIELDS = Set.of("id", "orgId", "userId", "teamId", "parentId", "spaceId",
            "siteId");

    /** Whether a component of this name holds an id, whose shape reading checks. */
    static boolean isIdField(String name) {
        return ID_FIELDS.contains(name);
    }

    /** One kind of line: its name, the put it is, and how the put's record is taken out and put back. */
    record Kind<T extends Record>(String name, Class<? extends Change> change, Function<Change, T> record,
                                  Function<T, Change> put, Class<T> type) {
    }

    private ExportLines() {
    }

    @SuppressWarnings("unchecked")
    private static <C extends Change, T extends Record> void add(String name, Class<C> change, Function<C, T> record,
                                                                 Function<T, Change> put, Class<T> type) {
        KINDS.put(name, new Kind<>(name, change, c -> record.apply((C) c), put, type));
    }

    /** The kind of a put that an export holds, or null for a change that is no record of an organization. */
    static Kind<?> kindOf(Change c) {
        return BY_CHANGE.get(c.getClass());
    }

    /** Writes {@code c} as one line's object (without the line break). */
    static void write(JsonGenerator out, Change c) throws IOException {
        Kind<?> kind = kindOf(c);
        out.writeStartObject();
        out.writeStringField("kind", kind.name());
        ChangeCodec.fields(out, kind.record().apply(c));
        out.writeEndObject();
    }

    /** Reads one record line as its put; throws {@link IllegalArgumentException} saying what is wrong. */
    static Change read(JsonNode line) {
        JsonNode kindNode = line.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw new IllegalArgumentException("a line needs a 'kind', one of " + KINDS.keySet());
        }
        Kind<?> kind = KINDS.get(kindNode.asText());
        if (kind == null) {
            throw new IllegalArgumentException("unknown kind '" + kindNode.asText() + "'; known: " + KINDS.keySet());
        }
        return put(kind, line);
    }

    private static <T extends Record> Change put(Kind<T> kind, JsonNode line) {
        return kind.put().apply(kind.type().cast(record(line, kind.type(), "", Set.of("kind"))));
    }

    private static Object record(JsonNode n, Class<?> type, String path, Set<String> extra) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(where(path) + "must be an object");
        }
        RecordShape shape = RecordShape.of(type);
        Object[] args = new Object[shape.size()];
        for (int i = 0; i < args.length; i++) {
            String name = shape.name(i);
            JsonNode v = n.get(name);
            if (v == null) {
                throw new IllegalArgumentException("'" + path + name + "' is missing");
            }
            args[i] = read(v, shape.type(i), path, name);
            if (ID_FIELDS.contains(name) && args[i] != null && !Ids.isValid((String) args[i])) {
                throw new IllegalArgumentException("'" + path + name + "' must be " + Ids.rule());
            }
        }
        // Every component was found, so any further field is one the record does not have.
        if (n.size() != args.length + extra.size()) {
            var fields = n.fieldNames();
            while (fields.hasNext()) {
                String f = fields.next();
                if (shape.indexOf(f) < 0 && !extra.contains(f)) {
                    throw new IllegalArgumentException("unknown field '" + path + f + "'");
                }
            }
        }
        try {
            return shape.make(args);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException((path.isEmpty() ? "" : "'" + path.substring(0, path.length() - 1) + "': ")
                    + e.getMessage() + " is required or invalid", e);
        }
    }


    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(JsonNode n, Class<?> type, String prefix, String name) {
        // The field's full name is only made when it is named in an error: most lines have none.
        if (n.isNull()) {
            if (type == boolean.class || type == long.class || type == int.class) {
                throw new IllegalArgumentException("'" + prefix + name + "' must not be null");
            }
            return null;
        }
        if (type == String.class && n.isTextual()) {
            return n.asText();
        }
        if ((type == boolean.class || type == Boolean.class) && n.isBoolean()) {
            return n.asBoolean();
        }
        if ((type == long.class || type == Long.class) && n.isIntegralNumber() && n.canConvertToLong()) {
            return n.asLong();
        }
        if ((type == int.class || type == Integer.class) && n.isIntegralNumber() && n.canConvertToInt()) {
            return n.asInt();
        }
        if (type == Instant.class && n.isTextual()) {
            try {
                return Instants.parse(n.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + prefix + name + "' must be an ISO-8601 instant; got '" + n.asText() + "'");
            }
        }
        if (type.isEnum() && n.isTextual()) {
            try {
                return Enum.valueOf((Class<Enum>) type, n.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + prefix + name + "' must be one of " + names(type) + "; got '"
                        + n.asText() + "'");
            }
        }
        if (type == List.class && n.isArray()) {
            List<String> out = new ArrayList<>(n.size());
            for (JsonNode x : n) {
                if (!x.isTextual()) {
                    throw new IllegalArgumentException("'" + prefix + name + "' must be a list of text");
                }
                out.add(x.asText());
            }
            return List.copyOf(out);
        }
        if (type.isRecord()) {
            return record(n, type, prefix + name + ".", Set.of());
        }
        throw new IllegalArgumentException("'" + prefix + name + "' has the wrong type for " + type.getSimpleName());
    }

    private static List<String> names(Class<?> enumType) {
        List<String> out = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
            out.add(((Enum<?>) c).name());
        }
        return out;
    }

    private static String where(String path) {
        return path.isEmpty() ? "the line " : "'" + path.substring(0, path.length() - 1) + "' ";
    }
}
