package org.civicdesk.datasource.documents.command.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.civicdesk.command.api.ShellActor;
import org.civicdesk.command.api.ShellText;
import org.civicdesk.core.api.Actor;
import org.civicdesk.datasource.documents.api.Article;
import org.civicdesk.datasource.documents.api.ArticleDraft;
import org.civicdesk.datasource.documents.api.KnowledgeBase;
import org.civicdesk.datasource.documents.api.KnowledgeFiles;
import org.civicdesk.identity.api.StaffDirectory;

/** Knowledge base commands (R8): search, import and export articles. */
public final class KnowledgeCommands {
    private KnowledgeCommands() {
    }

    @Service
    @Command(scope = "civicdesk", name = "knowledge-search", description = "Searches the knowledge base (diacritics optional)")
    public static class Search implements Action {
        @Reference
        Session session;
        @Reference
        KnowledgeBase knowledge;

        @Argument(name = "words", description = "What the caller asks, e.g. autorizatie construire", multiValued = true)
        List<String> words;

        @Option(name = "--lang", description = "ro or en (default ro)")
        String lang = "ro";

        @Override
        public Object execute() {
            ShellText text = ShellText.of(session, getClass());
            Locale locale = Locale.forLanguageTag(lang);
            List<Article> found = knowledge.search(words == null ? "" : String.join(" ", words), locale, 50);
            ShellTable table = new ShellTable();
            table.column(text.say("column.id"));
            table.column(text.say("column.version"));
            table.column(text.say("column.category"));
            table.column(text.say("column.title"));
            found.forEach(a -> table.addRow().addContent(a.id(), a.version(), a.category(), a.in(locale).title()));
            table.print(System.out);
            System.out.println(text.say("articles.found", found.size()));
            return null;
        }
    }

    @Service
    @Command(scope = "civicdesk", name = "knowledge-import",
            description = "Imports articles from a JSON file; each changed article becomes a new version")
    public static class Import implements Action {
        @Reference
        Session session;
        @Reference
        KnowledgeBase knowledge;
        @Reference
        StaffDirectory staff;

        @Argument(name = "file", description = "A JSON file as knowledge-export writes it", required = true)
        String file;

        @Override
        public Object execute() throws Exception {
            ShellText text = ShellText.of(session, getClass());
            Actor actor = ShellActor.current(staff);
            List<ArticleDraft> drafts;
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                drafts = KnowledgeFiles.read(in);
            }
            int added = 0;
            int unchanged = 0;
            for (ArticleDraft draft : drafts) {
                boolean same = knowledge.get(draft.id()).map(current -> sameContent(current, draft)).orElse(false);
                if (same) {
                    unchanged++;
                } else {
                    knowledge.save(actor, draft);
                    added++;
                }
            }
            System.out.println(text.say("articles.imported", drafts.size(), added, unchanged));
            return null;
        }

        private static boolean sameContent(Article current, ArticleDraft draft) {
            return Objects.equals(current.category(), draft.category()) && current.texts().equals(draft.texts());
        }
    }

    @Service
    @Command(scope = "civicdesk", name = "knowledge-export", description = "Writes the current articles to a JSON file")
    public static class Export implements Action {
        @Reference
        Session session;
        @Reference
        KnowledgeBase knowledge;

        @Argument(name = "file", description = "Where to write", required = true)
        String file;

        @Override
        public Object execute() throws Exception {
            ShellText text = ShellText.of(session, getClass());
            List<ArticleDraft> drafts = knowledge.all().stream()
                    .map(a -> new ArticleDraft(a.id(), a.category(), a.texts())).toList();
            try (OutputStream out = Files.newOutputStream(Path.of(file))) {
                KnowledgeFiles.write(drafts, out);
            }
            System.out.println(text.say("articles.exported", drafts.size(), file));
            return null;
        }
    }
}
