package org.knut.upsd.api;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Turns {@link ApiException}s into JSON error bodies; a 401 also tells the client to use Basic auth. */
public class ApiExceptionMappers {
    static final String REALM = "Basic realm=\"knut upsd\"";

    @ServerExceptionMapper
    public RestResponse<ApiError> map(ApiException e) {
        RestResponse.ResponseBuilder<ApiError> b = RestResponse.ResponseBuilder.<ApiError>create(e.status())
                .entity(new ApiError(e.error(), e.getMessage())).type(MediaType.APPLICATION_JSON_TYPE);
        if (e.status() == 401) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, REALM);
        }
        return b.build();
    }
}
