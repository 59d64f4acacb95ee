/**
 * DICOM modality worklist: ultrasound, fluoroscopy and CT machines ask which patients are booked in their
 * room (Modality Worklist C-FIND, and C-ECHO to test the link), over a DICOM upper layer and data encoding
 * implemented here for just that subset (ADR 0024, docs/integration/dicom-worklist.md). Owns
 * {@code dicom_station} (each room's AE title) and {@code worklist_step} (accession number and Study
 * Instance UID per appointment). Reads bookings, referrals, patients and accepted protocols through their
 * façades; publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "DICOM worklist")
package org.synovia.dicom;
