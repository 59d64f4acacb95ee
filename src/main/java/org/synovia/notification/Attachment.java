package org.synovia.notification;

/** A file sent with an email, stored with it until it is delivered. */
public record Attachment(String name, String contentType, byte[] content) {

    public Attachment {
        if (name == null || name.isBlank() || contentType == null || content == null || content.length == 0) {
            throw new IllegalArgumentException("an attachment needs a name, a type and content");
        }
    }
}
