package io.mediahub.emby;

import io.mediahub.common.HttpService;
import io.mediahub.common.ServiceFailures;
import io.mediahub.config.Settings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The step of {@code emby-call-api} that makes a call Emby's or Jellyfin's: the {@link HttpService} of the server in
 * the variable {@value EmbyServer#VARIABLE} sets the headers (Emby: {@code X-Emby-Token}; Jellyfin:
 * {@code Authorization: MediaBrowser Token="…"}; none before the server is known), the API key read from the settings
 * on each call (never a Camel property), and names the service for the one-line messages
 * ({@code Jellyfin at http://… answered 401 Unauthorized — check EMBY_API_KEY}); the server's prefix ({@code /emby})
 * goes before the path of the call (variable {@code httpPath}).
 */
public final class EmbyApi implements Processor {
    static final String URL_VARIABLE = "EMBY_URL";
    static final String KEY_VARIABLE = "EMBY_API_KEY";

    private final Settings settings;
    private final Map<String, HttpService> services = new ConcurrentHashMap<>();

    public EmbyApi(Settings settings) {
        this.settings = settings;
    }

    /** The server before anything is known of it ({@code EMBY_URL} as configured). */
    public EmbyServer probe() {
        return EmbyServer.probe(settings.get("emby.url"));
    }

    /**
     * The bare URL answered 404: the server is tried under {@code /emby}. Run in the {@code doCatch} of that 404, it also
     * clears the marks the error handler of the failed call left on the exchange (failure handled, redelivery
     * exhausted): Camel's {@code doCatch} leaves the first, and with it every later failure of the run would skip
     * {@code mediahub-http-policy} (no redelivery, no one-line message).
     */
    public void underEmby(Exchange exchange) {
        exchange.getExchangeExtension().setFailureHandled(false);
        exchange.getExchangeExtension().setRedeliveryExhausted(false);
        exchange.setVariable(EmbyServer.VARIABLE, exchange.getVariable(EmbyServer.VARIABLE, EmbyServer.class).underEmby());
    }

    /** The server as its {@code /System/Info/Public} answer tells (Emby or Jellyfin, its name and version). */
    public EmbyServer identified(EmbyServer server, com.fasterxml.jackson.databind.JsonNode publicInfo) {
        return server.identified(publicInfo);
    }

    @Override
    public void process(Exchange exchange) {
        EmbyServer server = exchange.getVariable(EmbyServer.VARIABLE, EmbyServer.class);
        if (server == null) {
            server = probe();
        }
        service(server).process(exchange);
        exchange.getIn().setHeader(Exchange.HTTP_PATH, server.prefix() + exchange.getVariable(HttpService.PATH_VARIABLE, "", String.class));
    }

    HttpService service(EmbyServer server) {
        ServerKind kind = server.kind();
        return services.computeIfAbsent(server.service() + " " + (kind == null ? "public" : "key") + " " + server.baseUrl(), k -> {
            Supplier<Map<String, String>> headers = kind == null ? Map::of : () -> kind.authHeaders(settings.get("emby.api-key"));
            return new HttpService(new ServiceFailures(server.service(), server.baseUrl(), URL_VARIABLE, KEY_VARIABLE), headers);
        });
    }
}
