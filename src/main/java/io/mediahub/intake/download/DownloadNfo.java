package io.mediahub.intake.download;

import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The Kodi-style {@code .nfo} written beside a downloaded video, so that Emby and Jellyfin (which have no metadata source
 * for such videos) show its title, date and description without a plugin: {@code <episodedetails>} with title, plot,
 * aired and premiered, studio (the uploader), runtime in minutes and the video's id as {@code <uniqueid>} (type
 * {@code youtube} for YouTube, else the extractor's name). Text is escaped by the XML writer; characters XML 1.0 cannot
 * hold are dropped. Pure.
 */
public final class DownloadNfo {
    private DownloadNfo() {
    }

    public static String of(VideoInfo info, String title, String day, String uploader) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("episodedetails");
            element(w, "title", title);
            element(w, "plot", info.description());
            element(w, "aired", day);
            element(w, "premiered", day);
            element(w, "studio", uploader);
            if (info.durationSeconds() != null) {
                element(w, "runtime", String.valueOf(Math.max(1, Math.round(info.durationSeconds() / 60.0))));
            }
            if (info.id() != null) {
                w.writeCharacters("\n  ");
                w.writeStartElement("uniqueid");
                w.writeAttribute("type", info.youtube() ? "youtube" : clean(info.extractor() == null ? "web" : info.extractor().toLowerCase(Locale.ROOT)));
                w.writeAttribute("default", "true");
                w.writeCharacters(clean(info.id()));
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        if (text == null || text.isBlank()) {
            return;
        }
        w.writeCharacters("\n  ");
        w.writeStartElement(name);
        w.writeCharacters(clean(text));
        w.writeEndElement();
    }

    /** Only the characters XML 1.0 allows. */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
