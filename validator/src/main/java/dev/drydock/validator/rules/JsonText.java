package dev.drydock.validator.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;

/**
 * Whether a string is one JSON document, as PostgreSQL's json and jsonb input reads it (RFC 8259: one value,
 * whitespace around it). Jackson's own limits on numbers and strings are lifted, since PostgreSQL has none that low;
 * a document that still meets one of Jackson's limits counts as valid, as it may be.
 */
final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private JsonText() {
    }

    static boolean isValid(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (StreamConstraintsException e) {
            return true;
        } catch (JsonProcessingException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
