package dev.gatehouse.http;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The field names (and constant values) of every shape, quoted and encoded once: a name given as a String
 * is checked for escapes character by character on every write, which was the largest single cost of a
 * page of 1000 spaces.
 */
final class Names {
    static final SerializableString ACCESS = name("access");
    static final SerializableString ACTION = name("action");
    static final SerializableString ACTOR = name("actor");
    static final SerializableString ADMIN = name("admin");
    static final SerializableString AFTER = name("after");
    static final SerializableString ALLOWED = name("allowed");
    static final SerializableString APP = name("app");
    static final SerializableString APPLIED_TYPE = name("appliedType");
    static final SerializableString AT = name("at");
    static final SerializableString ATTEMPT = name("attempt");
    static final SerializableString BEFORE = name("before");
    static final SerializableString EXPIRES_AT = name("expiresAt");
    static final SerializableString CHANGE_REQUESTS = name("changeRequests");
    static final SerializableString CHANGE_REQUESTS_DRAFT = name("changeRequestsDraft");
    static final SerializableString CHANGE_REQUESTS_OPEN = name("changeRequestsOpen");
    static final SerializableString COLLECTION = name("collection");
    static final SerializableString COMMENT = name("comment");
    static final SerializableString COMMENTS = name("comments");
    static final SerializableString CORRELATION_ID = name("correlationId");
    static final SerializableString COUNT = name("count");
    static final SerializableString CREATE = name("create");
    static final SerializableString CREATED_AT = name("createdAt");
    static final SerializableString CREATE_CONTENT = name("createContent");
    static final SerializableString CREATE_OPENAPI_SPEC = name("createOpenAPISpec");
    static final SerializableString DECIDED = name("decided");
    static final SerializableString DEFAULT = name("default");
    static final SerializableString DEFAULT_LEVEL = name("defaultLevel");
    static final SerializableString DEFAULT_ROLE = name("defaultRole");
    static final SerializableString DELETED_AT = name("deletedAt");
    static final SerializableString DELIVERED = name("delivered");
    static final SerializableString DEPTH = name("depth");
    static final SerializableString DESCRIPTION = name("description");
    static final SerializableString DISABLED = name("disabled");
    static final SerializableString DISPLAY_NAME = name("displayName");
    static final SerializableString DRAFT = name("draft");
    static final SerializableString DURATION_MS = name("durationMs");
    static final SerializableString EDIT = name("edit");
    static final SerializableString EDIT_ADAPTIVE_SCHEMA = name("editAdaptiveSchema");
    static final SerializableString EDIT_MODE = name("editMode");
    static final SerializableString EMAIL = name("email");
    static final SerializableString EMAIL_DOMAINS = name("emailDomains");
    static final SerializableString EMOJI = name("emoji");
    static final SerializableString ENTRY = name("entry");
    static final SerializableString ERROR = name("error");
    static final SerializableString EVENTS = name("events");
    static final SerializableString FEATURES = name("features");
    static final SerializableString ID = name("id");
    static final SerializableString INHERIT = name("inherit");
    static final SerializableString INSTALL_INTEGRATION = name("installIntegration");
    static final SerializableString INVITED = name("invited");
    static final SerializableString INVITE_LINKS = name("inviteLinks");
    static final SerializableString ITEMS = name("items");
    static final SerializableString JOINED_AT = name("joinedAt");
    static final SerializableString LABEL = name("label");
    static final SerializableString LEVEL = name("level");
    static final SerializableString LIST_INSTALLATIONS = name("listInstallations");
    static final SerializableString LIST_INTEGRATIONS = name("listIntegrations");
    static final SerializableString LIST_MEMBERS = name("listMembers");
    static final SerializableString LIST_TEAMS = name("listTeams");
    static final SerializableString LIVE = name("live");
    static final SerializableString LOCATION = name("location");
    static final SerializableString MEMBER = name("member");
    static final SerializableString MEMBERS = name("members");
    static final SerializableString MERGE = name("merge");
    static final SerializableString MERGE_RULES = name("mergeRules");
    static final SerializableString NEXT = name("next");
    static final SerializableString OBJECT = name("object");
    static final SerializableString OCCURRED_AT = name("occurredAt");
    static final SerializableString ORGANIZATION = name("organization");
    static final SerializableString ORIGIN = name("origin");
    static final SerializableString OWN_TEAM = name("ownTeam");
    static final SerializableString PAGE = name("page");
    static final SerializableString PARENT = name("parent");
    static final SerializableString PATH = name("path");
    static final SerializableString PAYLOAD = name("payload");
    static final SerializableString PERMISSION = name("permission");
    static final SerializableString PERMISSIONS = name("permissions");
    static final SerializableString PHOTO_URL = name("photoURL");
    static final SerializableString PLAN = name("plan");
    static final SerializableString POSITION = name("position");
    static final SerializableString PREVIEW = name("preview");
    static final SerializableString PUBLIC = name("public");
    static final SerializableString PUBLISHED = name("published");
    static final SerializableString REASON = name("reason");
    static final SerializableString RESOURCE = name("resource");
    static final SerializableString REVIEW = name("review");
    static final SerializableString REVISION = name("revision");
    static final SerializableString ROLE = name("role");
    static final SerializableString RULE = name("rule");
    static final SerializableString SCHEMA_VERSION = name("schemaVersion");
    static final SerializableString SEQ = name("seq");
    static final SerializableString SITE = name("site");
    static final SerializableString SITES = name("sites");
    static final SerializableString SITE_SPACES = name("siteSpaces");
    static final SerializableString SOURCE = name("source");
    static final SerializableString SPACE = name("space");
    static final SerializableString SPACES = name("spaces");
    static final SerializableString SSO = name("sso");
    static final SerializableString SHARE_LINK = name("shareLink");
    static final SerializableString STATUS = name("status");
    static final SerializableString STEPS = name("steps");
    static final SerializableString SUBJECT = name("subject");
    static final SerializableString TARGET = name("target");
    static final SerializableString TEAM = name("team");
    static final SerializableString TEAMS = name("teams");
    static final SerializableString TITLE = name("title");
    static final SerializableString TOKEN = name("token");
    static final SerializableString TRIAL = name("trial");
    static final SerializableString TRIGGER_GIT_SYNC = name("triggerGitSync");
    static final SerializableString TYPE = name("type");
    static final SerializableString UPDATED_AT = name("updatedAt");
    static final SerializableString URL = name("url");
    static final SerializableString URLS = name("urls");
    static final SerializableString USER = name("user");
    static final SerializableString USERS = name("users");
    static final SerializableString VIEW = name("view");
    static final SerializableString VIEW_ADAPTIVE_SCHEMA = name("viewAdaptiveSchema");
    static final SerializableString VIEW_BILLING = name("viewBilling");
    static final SerializableString VIEW_INVITE_LINKS = name("viewInviteLinks");
    static final SerializableString VISIBILITY = name("visibility");

    private Names() {
    }

    private static SerializableString name(String s) {
        return new SerializedString(s);
    }
}
