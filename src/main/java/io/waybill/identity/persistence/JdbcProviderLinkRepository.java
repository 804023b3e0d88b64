package io.waybill.identity.persistence;

import io.waybill.identity.ProviderLink;
import io.waybill.identity.ProviderLinkRepository;
import io.waybill.kernel.ConflictException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProviderLinkRepository implements ProviderLinkRepository {

    private final JdbcClient jdbc;

    JdbcProviderLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ProviderLink> find(String issuer, String subject) {
        return jdbc.sql("""
                select issuer, subject, user_id, registration, email, linked_at
                from identity.provider_links where issuer = ? and subject = ?""")
                .params(issuer, subject)
                .query((rs, n) -> new ProviderLink(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }

    @Override
    public void add(ProviderLink link) {
        try {
            jdbc.sql("""
                    insert into identity.provider_links (issuer, subject, user_id, registration, email, linked_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(link.issuer(), link.subject(), link.userId(), link.registration(), link.email(),
                            Timestamp.from(link.linkedAt()))
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("This identity was linked to an account at the same moment: sign in again.");
        }
    }
}
