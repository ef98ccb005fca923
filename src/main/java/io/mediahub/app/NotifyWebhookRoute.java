package io.mediahub.app;

import io.mediahub.flow.RunNotifier;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:notify-webhook}: posts a run's notification ({@link RunNotifier} builds it) to
 * {@code MEDIAHUB_NOTIFY_URL} through the camel-http component. The URL is a secret (webhook URLs carry a token), so
 * it never becomes an endpoint URI, which Camel logs and lists: the endpoint is fixed, and the URL travels in the
 * {@code CamelHttpUri} header, set from the exchange variable {@value #URL_VARIABLE} after every incoming header was
 * removed. A non-2xx answer comes back as a status (no exception naming the URL), and the route has no error handler,
 * so nothing about the call is logged by Camel; the notifier logs the status without the URL. Never redelivered: a
 * failed notification is logged, never fatal.
 */
public class NotifyWebhookRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:notify-webhook";
    public static final String ROUTE_ID = "mediahub-notify-webhook";
    static final String URL_VARIABLE = "notifyUrl";

    /** Posts {@code body} (JSON) to {@code url} through the route; returns the HTTP status. */
    public static int post(ProducerTemplate producer, String url, byte[] body) throws Exception {
        Exchange done = producer.send(ENDPOINT, x -> {
            x.setVariable(URL_VARIABLE, url);
            x.getIn().setBody(body);
        });
        if (done.getException() != null) {
            throw done.getException();
        }
        return done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).routeConfigurationId(ErrorPolicy.FLOW_POLICY)
                .description("A run's notification to MEDIAHUB_NOTIFY_URL (the URL is a secret: a header, never an endpoint URI)")
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setHeader(Exchange.HTTP_URI, variable(URL_VARIABLE))
                .removeVariable(URL_VARIABLE)
                .to("http://notify-webhook.invalid?httpMethod=POST&throwExceptionOnFailure=false&skipControlHeaders=false"
                        + "&connectTimeout=10000&responseTimeout=10000")
                .removeHeader(Exchange.HTTP_URI);
    }
}
