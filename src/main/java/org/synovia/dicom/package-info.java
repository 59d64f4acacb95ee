/**
 * DICOM modality worklist: ultrasound, fluoroscopy and CT machines ask which patients are booked in their
 * room (Modality Worklist C-FIND, and C-ECHO to test the link) and report examinations started and ended
 * (MPPS), over a DICOM upper layer and data encoding implemented here for just that subset (ADR 0024, 0025,
 * docs/integration/dicom-worklist.md). Owns {@code dicom_station} (each room's AE title, façade
 * {@link org.synovia.dicom.DicomStations}), {@code worklist_step} (accession number and Study Instance UID
 * per appointment, never changed once made) and {@code performed_step} (what machines reported, read by the
 * day list through {@link org.synovia.dicom.ImagingProgress}). Reads the booked procedures of a query in one statement through
 * {@code Bookings.bookedProcedures} and audits one line per patient given (ADR 0047); publishes and consumes no
 * events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "DICOM worklist")
package org.synovia.dicom;
