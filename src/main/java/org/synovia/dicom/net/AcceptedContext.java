package org.synovia.dicom.net;

/**
 * The answer to one proposed presentation context (PS3.8 9.3.3.2).
 *
 * @param result 0 acceptance, 3 abstract syntax not supported, 4 transfer syntaxes not supported
 * @param transferSyntax the one chosen when accepted
 */
public record AcceptedContext(int id, String abstractSyntax, int result, String transferSyntax) {

    public static final int ACCEPTANCE = 0;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public boolean accepted() {
        return result == ACCEPTANCE;
    }

    public boolean explicitVr() {
        return Uids.EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntax);
    }
}
