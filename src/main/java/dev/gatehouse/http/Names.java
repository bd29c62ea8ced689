package dev.gatehouse.http;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The field names (and constant values) of the shapes written with a generator, quoted and encoded once:
 * a name given as a String is checked for escapes character by character on every write, which was the
 * largest single cost of a page of 1000 spaces.
 */
final class Names {
    static final SerializableString ACCESS = name("access");
    static final SerializableString ADMIN = name("admin");
    static final SerializableString APP = name("app");
    static final SerializableString CHANGE_REQUESTS = name("changeRequests");
    static final SerializableString CHANGE_REQUESTS_DRAFT = name("changeRequestsDraft");
    static final SerializableString CHANGE_REQUESTS_OPEN = name("changeRequestsOpen");
    static final SerializableString COMMENT = name("comment");
    static final SerializableString COMMENTS = name("comments");
    static final SerializableString CREATED_AT = name("createdAt");
    static final SerializableString DEFAULT_LEVEL = name("defaultLevel");
    static final SerializableString DELETED_AT = name("deletedAt");
    static final SerializableString DISPLAY_NAME = name("displayName");
    static final SerializableString EDIT = name("edit");
    static final SerializableString EDIT_MODE = name("editMode");
    static final SerializableString EMAIL = name("email");
    static final SerializableString EMOJI = name("emoji");
    static final SerializableString ID = name("id");
    static final SerializableString INHERIT = name("inherit");
    static final SerializableString INSTALL_INTEGRATION = name("installIntegration");
    static final SerializableString ITEMS = name("items");
    static final SerializableString LIVE = name("live");
    static final SerializableString LOCATION = name("location");
    static final SerializableString MERGE = name("merge");
    static final SerializableString MERGE_RULES = name("mergeRules");
    static final SerializableString NEXT = name("next");
    static final SerializableString OBJECT = name("object");
    static final SerializableString ORGANIZATION = name("organization");
    static final SerializableString PAGE = name("page");
    static final SerializableString PARENT = name("parent");
    static final SerializableString PERMISSION = name("permission");
    static final SerializableString PERMISSIONS = name("permissions");
    static final SerializableString PHOTO_URL = name("photoURL");
    static final SerializableString PUBLIC = name("public");
    static final SerializableString PUBLISHED = name("published");
    static final SerializableString REVIEW = name("review");
    static final SerializableString REVISION = name("revision");
    static final SerializableString SPACE = name("space");
    static final SerializableString TITLE = name("title");
    static final SerializableString TRIGGER_GIT_SYNC = name("triggerGitSync");
    static final SerializableString TYPE = name("type");
    static final SerializableString UPDATED_AT = name("updatedAt");
    static final SerializableString URLS = name("urls");
    static final SerializableString USER = name("user");
    static final SerializableString VIEW = name("view");
    static final SerializableString VIEW_INVITE_LINKS = name("viewInviteLinks");
    static final SerializableString VISIBILITY = name("visibility");

    private Names() {
    }

    private static SerializableString name(String s) {
        return new SerializedString(s);
    }
}
