package org.clientele.tab.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.spi.ClientHold;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of all clients in the {@code clientele-files} unit. Metadata go through JPA;
 * the bytes are streamed into and out of {@code FIL_CONTENT} over the transaction's own JDBC
 * connection, so neither an upload nor a download holds a whole file in memory. Metadata and
 * bytes are written and deleted in one transaction.
 */
@Component(service = FileStore.class, name = "org.clientele.files.store")
public class FileStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);

    /** The file kind in messages. */
    static final String KIND = "file";

    private final JpaTemplate jpa;
    private final ClientHold hold;

    /** @param hold called first in every transaction that stores a file of a client */
    @Activate
    public FileStore(@Reference(target = "(osgi.unit.name=clientele-files)") JpaTemplate jpa,
            @Reference ClientHold hold) {
        this.jpa = jpa;
        this.hold = hold;
        // deploy the unit (and create its tables) now, outside any caller's transaction
        if (!ping()) {
            LOG.warn("The clientele-files database does not answer yet");
        }
    }

    boolean ping() {
        try {
            return jpa.txExpr(TransactionType.Supports,
                    em -> em.createQuery("SELECT COUNT(f) FROM FilFile f").getSingleResult() != null);
        } catch (RuntimeException e) {
            LOG.debug("The clientele-files database does not answer", e);
            return false;
        }
    }

    /** What an upload stores: everything but the id. */
    record NewFile(String clientId, String name, long size, String contentType, String sha256, Instant uploadedAt,
            String uploadedBy) {
    }

    /** Stores a file's metadata and the bytes in {@code content} (exactly {@code file.size()} of them). */
    FileInfo add(NewFile file, Path content) {
        return jpa.txExpr(TransactionType.Required, em -> {
            hold.hold(file.clientId());
            FileEntity entity = new FileEntity(file.clientId(), file.name(), file.size(), file.contentType(),
                    file.sha256(), file.uploadedAt(), file.uploadedBy());
            em.persist(entity);
            em.flush();
            try (InputStream in = Files.newInputStream(content);
                    PreparedStatement insert = connection(em)
                            .prepareStatement("INSERT INTO FIL_CONTENT (FILE_ID, DATA) VALUES (?, ?)")) {
                insert.setLong(1, entity.id());
                insert.setBinaryStream(2, in, file.size());
                insert.executeUpdate();
            } catch (SQLException e) {
                throw failure("Could not store the content of a file", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return entity.info();
        });
    }

    /** A page of a client's files, newest first, with the total from a COUNT. */
    Page<FileInfo> list(String clientId, int limit, int offset) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            long total = em.createQuery("SELECT COUNT(f) FROM FilFile f WHERE f.clientId = :c", Long.class)
                    .setParameter("c", clientId).getSingleResult();
            List<FileInfo> items = total <= offset ? List.of()
                    : em.createQuery("SELECT f FROM FilFile f WHERE f.clientId = :c ORDER BY f.uploadedAt DESC, f.id DESC",
                            FileEntity.class).setParameter("c", clientId).setFirstResult(offset).setMaxResults(limit)
                            .getResultList().stream().map(FileEntity::info).toList();
            return new Page<>(items, total, limit, offset);
        });
    }

    Optional<FileInfo> find(String fileId) {
        Long id = parse(fileId);
        if (id == null) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports,
                em -> Optional.ofNullable(em.find(FileEntity.class, id)).map(FileEntity::info));
    }

    /** Reads a file's bytes. */
    @FunctionalInterface
    interface ContentReader<T> {
        T read(InputStream content) throws IOException;
    }

    /**
     * Hands the file's bytes to {@code reader} inside a transaction; the stream is valid only
     * during the call.
     *
     * @throws NotFoundException when there is no such file
     */
    <T> T readContent(String fileId, ContentReader<T> reader) {
        Long id = parse(fileId);
        if (id == null) {
            throw new NotFoundException(KIND, fileId);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            try (PreparedStatement select = connection(em)
                    .prepareStatement("SELECT DATA FROM FIL_CONTENT WHERE FILE_ID = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException(KIND, fileId);
                    }
                    try (InputStream in = rs.getBinaryStream(1)) {
                        return reader.read(in);
                    }
                }
            } catch (SQLException e) {
                throw failure("Could not read the content of a file", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Deletes a file's bytes and metadata; false when there is no such file. */
    boolean delete(String fileId) {
        Long id = parse(fileId);
        if (id == null) {
            return false;
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            FileEntity entity = em.find(FileEntity.class, id);
            if (entity == null) {
                return false;
            }
            em.createQuery("DELETE FROM FilContent c WHERE c.fileId = :id").setParameter("id", id).executeUpdate();
            em.remove(entity);
            return true;
        });
    }

    /** How many files a client has and their total size, from one aggregate query. */
    record Usage(long count, long bytes) {
    }

    Usage usage(String clientId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Object[] row = em.createQuery("SELECT COUNT(f), SUM(f.size) FROM FilFile f WHERE f.clientId = :c",
                    Object[].class).setParameter("c", clientId).getSingleResult();
            return new Usage(((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue());
        });
    }

    /** Whether the client has any file; joins the caller's transaction. */
    boolean holdsClient(String clientId) {
        return jpa.txExpr(TransactionType.Required, em -> !em.createQuery(
                "SELECT f.clientId FROM FilFile f WHERE f.clientId = :c", String.class)
                .setParameter("c", clientId).setMaxResults(1).getResultList().isEmpty());
    }

    /** Deletes every file of a client (bytes and metadata); joins the caller's transaction. */
    int eraseClient(String clientId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            em.createQuery("DELETE FROM FilContent c WHERE c.fileId IN (SELECT f.id FROM FilFile f WHERE f.clientId = :c)")
                    .setParameter("c", clientId).executeUpdate();
            return em.createQuery("DELETE FROM FilFile f WHERE f.clientId = :c").setParameter("c", clientId)
                    .executeUpdate();
        });
    }

    /** The JDBC connection of the entity manager's transaction; not to be closed. */
    private static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("no JDBC connection in the current transaction");
        }
        return c;
    }

    private static PersistenceException failure(String what, SQLException e) {
        LOG.error("{}: SQL state {}", what, e.getSQLState(), e);
        return new PersistenceException(what, e);
    }

    private static Long parse(String fileId) {
        if (fileId == null || fileId.isEmpty() || fileId.length() > 18 || !fileId.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(fileId);
    }
}
