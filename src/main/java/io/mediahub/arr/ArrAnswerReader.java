package io.mediahub.arr;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.HttpService;
import io.mediahub.common.UnreadableBody;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The last step of a Radarr/Sonarr call ({@code <instance>-call-api}): reads the answer's body straight from the response
 * stream (the endpoint does not cache it), so a large answer is never held twice. Two ways:
 * <ul>
 * <li>by default the whole body as a Jackson tree ({@link JsonNode}), for the small answers (status, profiles, series);</li>
 * <li>when the caller put a {@code Consumer<JsonNode>} in the variable {@value #EACH}, the answer is a JSON array parsed
 * one element at a time, each handed to it as it arrives, and the body becomes how many there were: Radarr's
 * {@code /movie}, one unpaged array of the whole library, is never one tree in memory.</li>
 * </ul>
 * A body that cannot be read is an {@link UnreadableBody} (redelivered like any I/O error; its message in the words the
 * services' clients use).
 */
public final class ArrAnswerReader implements Processor {
    /** The variable holding the consumer of each element of an array answer. */
    public static final String EACH = "arrEach";

    private final ObjectMapper json;

    public ArrAnswerReader(ObjectMapper json) {
        this.json = json;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws IOException {
        String path = exchange.getVariable(HttpService.PATH_VARIABLE, "", String.class);
        Object each = exchange.getVariable(EACH);
        try (InputStream in = exchange.getIn().getBody(InputStream.class)) {
            if (in == null) {
                throw new UnreadableBody("an empty body for " + path, null);
            }
            exchange.getIn().setBody(each instanceof Consumer<?> c ? stream(in, path, (Consumer<JsonNode>) c) : tree(in, path));
        }
    }

    JsonNode tree(InputStream in, String path) throws UnreadableBody {
        try {
            JsonNode node = json.readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new UnreadableBody("an empty body for " + path, null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnreadableBody("a body that is not valid JSON for " + path + " (" + e.getOriginalMessage() + ")", e);
        } catch (UnreadableBody e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadableBody("a body that broke off for " + path + " (" + e.getMessage() + ")", e);
        }
    }

    long stream(InputStream in, String path, Consumer<JsonNode> each) throws UnreadableBody {
        try (JsonParser p = json.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new UnreadableBody("a body that is not a JSON array for " + path, null);
            }
            long n = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
                each.accept(json.readTree(p));
                n++;
            }
            return n;
        } catch (UnreadableBody e) {
            throw e;
        } catch (IOException e) {
            throw new UnreadableBody("a body that broke off for " + path + " (" + e.getMessage() + ")", e);
        }
    }
}
