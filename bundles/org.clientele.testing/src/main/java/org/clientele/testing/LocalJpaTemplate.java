package org.clientele.testing;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A {@link JpaTemplate} over a RESOURCE_LOCAL factory, for tests: one entity manager per
 * call; {@code Required} (and the other types that need a transaction) begin and commit one,
 * rolling back when the code throws; {@code Supports} and the types without a transaction
 * run without one. Like Aries, it passes runtime exceptions on unchanged.
 */
public final class LocalJpaTemplate extends TemplateOverloads {

    private final EntityManagerFactory emf;

    public LocalJpaTemplate(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = emf.createEntityManager();
        try {
            return needsTransaction(type) ? inTransaction(em, code) : code.apply(em);
        } finally {
            em.close();
        }
    }

    private static boolean needsTransaction(TransactionType type) {
        return type == TransactionType.Required || type == TransactionType.RequiresNew
                || type == TransactionType.Mandatory;
    }
}
