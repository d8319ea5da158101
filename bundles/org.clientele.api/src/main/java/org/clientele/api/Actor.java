package org.clientele.api;

/**
 * Who makes a change, and through which channel.
 *
 * @param user      the authenticated user name
 * @param channel   the channel
 * @param reference a channel-specific reference such as an import job id; may be null
 */
public record Actor(String user, Channel channel, String reference) {
    public Actor {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an actor needs a user name");
        }
        if (channel == null) {
            throw new IllegalArgumentException("an actor needs a channel");
        }
    }

    public static Actor of(String user, Channel channel) {
        return new Actor(user, channel, null);
    }
}
