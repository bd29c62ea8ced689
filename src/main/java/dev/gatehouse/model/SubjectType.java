package dev.gatehouse.model;

/** Who a grant is given to: one user or one team. */
public enum SubjectType { USER, TEAM }
