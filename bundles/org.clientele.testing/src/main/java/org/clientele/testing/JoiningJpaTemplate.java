package org.clientele.testing;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TransactionRequiredException;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A {@link JpaTemplate} over a RESOURCE_LOCAL factory that behaves like Aries' JTA template
 * within one thread: a call inside another call of the same thread joins its entity manager
 * and transaction ({@code RequiresNew} starts its own), {@code Mandatory} without one fails,
 * and the outermost transactional call commits (or rolls back when the code throws). For
 * tests of code that relies on running in its caller's transaction (locks held until commit).
 */
public final class JoiningJpaTemplate extends TemplateOverloads {

    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public JoiningJpaTemplate(EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager joined = current.get();
        if (joined != null && type != TransactionType.RequiresNew) {
            return code.apply(joined);
        }
        if (type == TransactionType.Mandatory) {
            throw new TransactionRequiredException("no transaction to join");
        }
        EntityManager em = emf.createEntityManager();
        current.set(em);
        try {
            return inTransaction(em, code);
        } finally {
            em.close();
            current.set(joined);
        }
    }
}
