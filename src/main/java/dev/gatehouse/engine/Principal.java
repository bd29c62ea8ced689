package dev.gatehouse.engine;

import dev.gatehouse.model.Member;

/** A member of an organization as permission walks read them: the membership and the user's grant numbers. */
record Principal(Member member, Grantee grantee) {
}
