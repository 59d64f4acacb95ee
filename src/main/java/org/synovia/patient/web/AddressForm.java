package org.synovia.patient.web;

import java.util.Arrays;
import java.util.Optional;

import org.synovia.patient.PostalAddress;

/** A postal address as typed; {@link PostalAddress} validates it, and all boxes empty means not known. */
public class AddressForm {

    private String addressLine1;
    private String addressLine2;
    private String addressLine3;
    private String addressLine4;
    private String town;
    private String postcode;

    static AddressForm of(PostalAddress address) {
        AddressForm form = new AddressForm();
        if (address != null) {
            form.addressLine1 = address.line(1);
            form.addressLine2 = address.line(2);
            form.addressLine3 = address.line(3);
            form.addressLine4 = address.line(4);
            form.town = address.town();
            form.postcode = address.postcode();
        }
        return form;
    }

    Optional<PostalAddress> toAddress() {
        return PostalAddress.of(Arrays.asList(addressLine1, addressLine2, addressLine3, addressLine4), town, postcode);
    }

    public String getAddressLine1() { return addressLine1; }
    public void setAddressLine1(String addressLine1) { this.addressLine1 = addressLine1; }
    public String getAddressLine2() { return addressLine2; }
    public void setAddressLine2(String addressLine2) { this.addressLine2 = addressLine2; }
    public String getAddressLine3() { return addressLine3; }
    public void setAddressLine3(String addressLine3) { this.addressLine3 = addressLine3; }
    public String getAddressLine4() { return addressLine4; }
    public void setAddressLine4(String addressLine4) { this.addressLine4 = addressLine4; }
    public String getTown() { return town; }
    public void setTown(String town) { this.town = town; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = postcode; }
}
