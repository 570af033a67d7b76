package org.knut.upsd.api;

import java.util.Locale;

import org.knut.core.protocol.NutError;
import org.knut.upsd.audit.AuditLog;
import org.knut.upsd.control.Requester;
import org.knut.upsd.control.UpsControl;
import org.knut.upsd.net.ClientAddress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The parts of a change request that are not about the UPS: who asks, and the value in the body. */
@ApplicationScoped
public class ChangeRequests {
    @Inject
    ObjectMapper json;

    /**
     * The caller, when its credentials name a upsd user (checked by the NUT port's path, with its
     * throttling); otherwise a 401, written to the audit log as a refused {@code action} on {@code ups}
     * with its {@code arguments} (name, value pairs). Rights are checked later.
     */
    Requester authenticate(String authorization, HttpServerRequest request, UpsControl control, String ups,
            String action, String... arguments) {
        BasicCredentials credentials = BasicCredentials.parse(authorization);
        Requester who = new Requester(credentials.username(), credentials.password(),
                ClientAddress.text(request.remoteAddress().hostAddress()), "rest");
        if (control.authenticate(who) == null) {
            AuditLog.request(who, ups, action, NutError.ACCESS_DENIED, null, arguments);
            throw new ApiException(401, "ACCESS-DENIED", "unknown user or wrong password");
        }
        return who;
    }

    /**
     * One string field of the body: from a JSON object ({@code {"value": "..."}}), or the whole body when
     * it is plain text. Null when the body is empty and the field is optional.
     */
    String field(String contentType, String body, String name, boolean required) {
        if (body == null || body.isEmpty()) {
            if (required) {
                throw new ApiException(400, "INVALID-ARGUMENT", "the body must give the " + name);
            }
            return null;
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            return body;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "INVALID-ARGUMENT", "the body is not JSON: " + e.getOriginalMessage());
        }
        JsonNode field = node == null ? null : node.get(name);
        if (field == null || field.isNull()) {
            if (required) {
                throw new ApiException(400, "INVALID-ARGUMENT", "the body must be {\"" + name + "\": \"...\"}");
            }
            return null;
        }
        if (!field.isValueNode()) {
            throw new ApiException(400, "INVALID-ARGUMENT", "\"" + name + "\" must be a string or a number");
        }
        return field.asText();
    }
}
