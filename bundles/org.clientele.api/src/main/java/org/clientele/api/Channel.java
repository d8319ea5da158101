package org.clientele.api;

/** The way a change reached the module. */
public enum Channel {
    REST, SHELL, IMPORT, SYSTEM
}
