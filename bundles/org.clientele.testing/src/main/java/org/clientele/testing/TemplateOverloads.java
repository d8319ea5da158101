package org.clientele.testing;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/** The {@link JpaTemplate} overloads in terms of {@link #txExpr(TransactionType, EmFunction)}. */
abstract class TemplateOverloads implements JpaTemplate {

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
