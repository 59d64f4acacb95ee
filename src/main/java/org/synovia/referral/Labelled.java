package org.synovia.referral;

/** A coded answer with the words a user reads. */
public interface Labelled {

    String label();
}
