package org.clientele.tab.sales.internal;

/** The sales pipeline. */
public enum DealStage {
    LEAD, QUALIFIED, PROPOSAL, WON, LOST
}
