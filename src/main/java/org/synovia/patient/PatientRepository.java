package org.synovia.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.synovia.shared.Sex;

@Repository
class PatientRepository {

    private final JdbcClient jdbc;

    PatientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Patient patient, String createdBy) {
        jdbc.sql("""
                insert into patient (id, nhs_number, hospital_number, family_name, given_name, date_of_birth, sex,
                                     mobile, email, gp_name, gp_practice, created_at, created_by, address_line_1,
                                     address_line_2, address_line_3, address_line_4, address_town, address_postcode)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(patient.id().value(), patient.nhsNumber() == null ? null : patient.nhsNumber().value(),
                        patient.hospitalNumber(), patient.familyName(), patient.givenName(), patient.dateOfBirth(),
                        patient.sex().name(), patient.mobile(), patient.email(), patient.gpName(), patient.gpPractice(),
                        Timestamp.from(patient.createdAt()), createdBy)
                .params(addressColumns(patient.address()))
                .update();
    }

    void updateAddress(PatientId id, PostalAddress address) {
        jdbc.sql("""
                update patient set address_line_1 = ?, address_line_2 = ?, address_line_3 = ?, address_line_4 = ?,
                                   address_town = ?, address_postcode = ?
                where id = ?
                """).params(addressColumns(address)).param(id.value()).update();
    }

    /** The six address columns in order; all null when no address is known. */
    private static List<Object> addressColumns(PostalAddress address) {
        List<Object> columns = new ArrayList<>();
        for (int line = 1; line <= PostalAddress.MAX_LINES; line++) {
            columns.add(address == null ? null : address.line(line));
        }
        columns.add(address == null ? null : address.town());
        columns.add(address == null ? null : address.postcode());
        return columns;
    }

    void updateDemographics(PatientId id, NewPatient d) {
        jdbc.sql("""
                update patient set family_name = ?, given_name = ?, date_of_birth = ?, sex = ?, mobile = ?, email = ?,
                                   gp_name = ?, gp_practice = ?, address_line_1 = ?, address_line_2 = ?,
                                   address_line_3 = ?, address_line_4 = ?, address_town = ?, address_postcode = ?
                where id = ?
                """)
                .params(d.familyName(), d.givenName(), d.dateOfBirth(), d.sex().name(), d.mobile(), d.email(), d.gpName(),
                        d.gpPractice())
                .params(addressColumns(d.address())).param(id.value())
                .update();
    }

    List<Patient> findAll(java.util.Collection<UUID> ids) {
        return jdbc.sql("select * from patient where id = any(?)").param(ids.toArray(UUID[]::new))
                .query(PatientRepository::patient).list();
    }

    Optional<Patient> find(PatientId id) {
        return jdbc.sql("select * from patient where id = ?").param(id.value()).query(PatientRepository::patient).optional();
    }

    Optional<Patient> findByNhsNumber(NhsNumber nhsNumber) {
        return jdbc.sql("select * from patient where nhs_number = ?").param(nhsNumber.value())
                .query(PatientRepository::patient).optional();
    }

    Optional<Patient> findByHospitalNumber(String hospitalNumber) {
        // Hospital numbers are ASCII letters and digits (NewPatient), for which lower() matches as upper() did; lower()
        // is what V143's prefix index holds, so a registration or an HL7 order no longer reads every patient.
        return jdbc.sql("select * from patient where lower(hospital_number) = lower(?)").param(hospitalNumber)
                .query(PatientRepository::patient).optional();
    }

    List<Patient> findByNameAndDateOfBirth(String familyName, String givenName, LocalDate dateOfBirth) {
        return jdbc.sql("""
                select * from patient
                where lower(family_name) = lower(?) and lower(given_name) = lower(?) and date_of_birth = ?
                order by created_at
                """)
                .params(familyName, givenName, dateOfBirth).query(PatientRepository::patient).list();
    }

    List<Patient> search(PatientSearch search, int limit) {
        StringBuilder sql = new StringBuilder("select * from patient where true");
        List<Object> params = new ArrayList<>();
        if (search.isNhsNumber()) {
            sql.append(" and nhs_number = ?");
            params.add(new NhsNumber(search.text()).value());
        }
        else if (!search.text().isEmpty()) {
            // Every word must match the start of the family name, the given name or the hospital number. The byte-wise
            // range beside each LIKE lets the prefix indexes serve it in a generic plan too (V143, ADR 0114); the LIKE
            // keeps the result exactly what it was. A one-letter word keeps the LIKE alone (see worthARange).
            for (String word : search.text().split("[\\s,]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String lower = word.toLowerCase();
                String prefix = escapeLike(lower) + "%";
                String above = PrefixRange.worthARange(lower) ? PrefixRange.above(lower) : null;
                if (above == null) {
                    sql.append(" and (lower(family_name) like ? or lower(given_name) like ? or lower(hospital_number) like ?)");
                    params.addAll(List.of(prefix, prefix, prefix));
                    continue;
                }
                sql.append(" and (").append(PREFIX_OF_FAMILY_NAME).append(" or ").append(PREFIX_OF_GIVEN_NAME)
                        .append(" or ").append(PREFIX_OF_HOSPITAL_NUMBER).append(")");
                for (int column = 0; column < 3; column++) {
                    params.addAll(List.of(lower, above, prefix));
                }
            }
        }
        if (search.dateOfBirth() != null) {
            sql.append(" and date_of_birth = ?");
            params.add(search.dateOfBirth());
        }
        sql.append(" order by lower(family_name), lower(given_name), date_of_birth limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(PatientRepository::patient).list();
    }

    private static final String PREFIX_OF_FAMILY_NAME =
            "(lower(family_name) ~>=~ ? and lower(family_name) ~<~ ? and lower(family_name) like ?)";
    private static final String PREFIX_OF_GIVEN_NAME =
            "(lower(given_name) ~>=~ ? and lower(given_name) ~<~ ? and lower(given_name) like ?)";
    private static final String PREFIX_OF_HOSPITAL_NUMBER =
            "(lower(hospital_number) ~>=~ ? and lower(hospital_number) ~<~ ? and lower(hospital_number) like ?)";

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Patient patient(ResultSet rs, int row) throws SQLException {
        String nhs = rs.getString("nhs_number");
        return new Patient(new PatientId(rs.getObject("id", UUID.class)), nhs == null ? null : new NhsNumber(nhs),
                rs.getString("hospital_number"), rs.getString("family_name"), rs.getString("given_name"),
                rs.getObject("date_of_birth", LocalDate.class), Sex.valueOf(rs.getString("sex")), rs.getString("mobile"),
                rs.getString("email"), rs.getString("gp_name"), rs.getString("gp_practice"), address(rs),
                rs.getTimestamp("created_at").toInstant());
    }

    private static PostalAddress address(ResultSet rs) throws SQLException {
        if (rs.getString("address_postcode") == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (int line = 1; line <= PostalAddress.MAX_LINES; line++) {
            lines.add(rs.getString("address_line_" + line));
        }
        return new PostalAddress(lines, rs.getString("address_town"), rs.getString("address_postcode"));
    }
}
