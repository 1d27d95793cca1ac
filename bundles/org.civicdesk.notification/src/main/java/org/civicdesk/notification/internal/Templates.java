package org.civicdesk.notification.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateScalarModel;

/**
 * The messages' FreeMarker templates, {@code <template>_<language>.ftl} in a folder an admin edits
 * (etc/civicdesk/notifications): a template sets {@code subject} with {@code <#assign>} and writes
 * the body. Edits are picked up within seconds.
 */
final class Templates {
    static final String SUBJECT = "subject";
    private final Configuration freemarker;

    /** The message: its subject line and plain-text body. */
    record Message(String subject, String body) {
    }

    Templates(Path folder) throws IOException {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setDirectoryForTemplateLoading(folder.toFile());
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocalizedLookup(false);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setTemplateUpdateDelayMilliseconds(5000);
        this.freemarker = c;
    }

    /** A language CivicDesk writes in: {@code en}, else {@code ro}. */
    static String language(String wanted) {
        return wanted != null && wanted.strip().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "ro";
    }

    Message render(String template, String language, Map<String, Object> model) throws IOException, TemplateException {
        Template t = freemarker.getTemplate(template + "_" + language(language) + ".ftl");
        StringWriter body = new StringWriter();
        Environment env = t.createProcessingEnvironment(model, body);
        env.setLocale(Locale.forLanguageTag(language(language)));
        env.process();
        TemplateModel subject = env.getGlobalNamespace().get(SUBJECT);
        if (!(subject instanceof TemplateScalarModel)) {
            subject = env.getMainNamespace().get(SUBJECT);
        }
        if (!(subject instanceof TemplateScalarModel scalar)) {
            throw new IOException("template " + t.getName() + " sets no subject (<#assign subject = \"…\">)");
        }
        String line = scalar.getAsString().replaceAll("\\s+", " ").strip();
        return new Message(line, body.toString().strip() + "\n");
    }
}
