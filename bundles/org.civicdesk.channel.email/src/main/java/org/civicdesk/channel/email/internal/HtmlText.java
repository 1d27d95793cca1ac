package org.civicdesk.channel.email.internal;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML message as a person reads it, through jsoup's parser: text nodes only (scripts, styles and
 * comments are not text nodes), blocks and {@code <br>} as line breaks, links followed by their address.
 */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "table", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "address", "hr");

    private HtmlText() {
    }

    static String of(String html) {
        Element body = Jsoup.parse(html).body();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text());
                } else if (node instanceof Element e && (e.nameIs("br") || BLOCKS.contains(e.normalName()))) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    text.append('\n');
                } else if (node instanceof Element e && e.nameIs("a") && e.hasAttr("href")
                        && !e.attr("href").equals(e.text()) && e.attr("href").startsWith("http")) {
                    text.append(" <").append(e.attr("href")).append('>');
                }
            }
        }, body);
        return text.toString();
    }
}
