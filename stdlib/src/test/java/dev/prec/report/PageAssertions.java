package dev.prec.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks of a written report page, shared by the page writer's tests and the report action's tests
 * in the interpreter (through stdlib's test-jar).
 */
public final class PageAssertions {
    private PageAssertions() {
    }

    /** The bytes of an image inlined as a {@code data:<mime>;base64,...} URI in {@code src}. */
    public static byte[] inlined(String src, String mime) {
        String prefix = "data:" + mime + ";base64,";
        assertTrue(src.startsWith(prefix), src.substring(0, Math.min(40, src.length())));
        return Base64.getDecoder().decode(src.substring(prefix.length()));
    }

    /** Every src and href points into the page (a data URI or a fragment); no script, no stylesheet link. */
    public static void assertNoExternalReference(Document doc) {
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String attr : List.of("src", "href")) {
                String v = e.getAttribute(attr);
                assertTrue(v.isEmpty() || v.startsWith("data:") || v.startsWith("#"), e.getTagName() + " " + attr + "=" + v);
            }
            assertTrue(!e.getTagName().equals("link") && !e.getTagName().equals("script"), e.getTagName());
        }
    }
}
