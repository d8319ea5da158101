package org.clientele.rest.internal;

import javax.ws.rs.core.Response;

/** Carries a ready problem response out of a resource method. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Response response;

    ApiException(Problem problem) {
        super(null, null, false, false);
        this.response = problem.build();
    }

    Response response() {
        return response;
    }

    static ApiException preconditionRequired() {
        return new ApiException(Problem.of(428, "precondition-required", "If-Match required",
                "Send the ETag you read in an If-Match header: read the record, then change it."));
    }
}
