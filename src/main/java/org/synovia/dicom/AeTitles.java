package org.synovia.dicom;

import java.util.regex.Pattern;

/** Application Entity titles (PS3.5 6.2, VR AE): 1 to 16 characters of the default repertoire, no backslash. */
public final class AeTitles {

    private static final Pattern AE = Pattern.compile("[\\x20-\\x5B\\x5D-\\x7E]{1,16}");

    private AeTitles() {
    }

    /** Leading and trailing spaces are not significant, and a title of spaces only is none. */
    public static boolean valid(String title) {
        return title != null && !title.isBlank() && AE.matcher(title.strip()).matches();
    }
}
