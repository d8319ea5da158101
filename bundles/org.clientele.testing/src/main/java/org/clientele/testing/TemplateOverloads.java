package org.clientele.testing;

import javax.persistence.EntityManager;
import javax.persistence.EntityTransaction;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The {@link JpaTemplate} overloads in terms of {@link #txExpr(TransactionType, EmFunction)},
 * and a RESOURCE_LOCAL transaction around a piece of code.
 */
abstract class TemplateOverloads implements JpaTemplate {

    /** Runs {@code code} in a transaction of {@code em}: committed, or rolled back when it throws. */
    static <R> R inTransaction(EntityManager em, EmFunction<R> code) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            R result = code.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
        }
    }

    @Override
    public final void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public final <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public final void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }
}
