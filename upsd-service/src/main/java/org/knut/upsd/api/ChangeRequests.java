package org.knut.upsd.api;

import java.util.Locale;

import org.knut.upsd.control.UpsControl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The parts of a change request that are not about the UPS: who asks, and the value in the body. */
@ApplicationScoped
public class ChangeRequests {
    @Inject
    ObjectMapper json;

    /** The caller's credentials when they name a upsd user; otherwise a 401. Rights are checked later. */
    BasicCredentials authenticate(String authorization, UpsControl control) {
        BasicCredentials who = BasicCredentials.parse(authorization);
        if (control.authenticate(who.username(), who.password()) == null) {
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
