package dev.gatehouse.engine;

import dev.gatehouse.model.Change;
import dev.gatehouse.model.ScimRecord;
import dev.gatehouse.model.ScimToken;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The part of the world SCIM provisioning adds: organizations' SCIM tokens and what SCIM keeps of members and
 * teams. Kept apart from {@link World}'s own maps because it changes only for SCIM's reasons.
 */
final class ScimState {
    private final Map<String, ScimToken> tokens = new HashMap<>();
    private final Map<String, ScimToken> tokensByHash = new HashMap<>();
    private final Map<String, TreeMap<String, ScimToken>> tokensByOrg = new HashMap<>();
    private final Map<Key, ScimRecord> records = new HashMap<>();

    private record Key(String orgId, ScimRecord.Kind kind, String id) {
    }

    void putToken(ScimToken t) {
        ScimToken old = tokens.put(t.id(), t);
        if (old != null) {
            tokensByHash.remove(old.secretHash());
            remove(old);
        }
        tokensByHash.put(t.secretHash(), t);
        tokensByOrg.computeIfAbsent(t.orgId(), k -> new TreeMap<>()).put(t.id(), t);
    }

    void removeToken(String id) {
        ScimToken old = tokens.remove(id);
        if (old != null) {
            tokensByHash.remove(old.secretHash());
            remove(old);
        }
    }

    private void remove(ScimToken old) {
        TreeMap<String, ScimToken> byOrg = tokensByOrg.get(old.orgId());
        if (byOrg != null) {
            byOrg.remove(old.id());
            if (byOrg.isEmpty()) {
                tokensByOrg.remove(old.orgId());
            }
        }
    }

    void putRecord(ScimRecord r) {
        records.put(new Key(r.orgId(), r.kind(), r.id()), r);
    }

    void removeRecord(String orgId, ScimRecord.Kind kind, String id) {
        records.remove(new Key(orgId, kind, id));
    }

    ScimToken token(String id) {
        return tokens.get(id);
    }

    ScimToken tokenByHash(String hash) {
        return tokensByHash.get(hash);
    }

    NavigableMap<String, ScimToken> tokensOf(String orgId) {
        TreeMap<String, ScimToken> m = tokensByOrg.get(orgId);
        return m == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(m);
    }

    ScimRecord record(String orgId, ScimRecord.Kind kind, String id) {
        return records.get(new Key(orgId, kind, id));
    }

    void contents(List<Change> out) {
        tokens.values().forEach(x -> out.add(new Change.ScimTokenPut(x)));
        records.values().forEach(x -> out.add(new Change.ScimRecordPut(x)));
    }
}
