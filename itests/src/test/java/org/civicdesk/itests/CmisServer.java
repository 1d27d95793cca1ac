package org.civicdesk.itests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

import org.apache.chemistry.opencmis.inmemory.server.InMemoryServiceFactoryImpl;
import org.apache.chemistry.opencmis.server.impl.CmisRepositoryContextListener;
import org.apache.chemistry.opencmis.server.impl.browser.CmisBrowserBindingServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real CMIS 1.1 repository for the tests of the document management hand-off: Apache Chemistry's InMemory
 * repository behind its browser binding on Jetty, at {@link #browserUrl()}, with repository {@link #REPOSITORY}. Like
 * {@link MailServer} it runs in the JVM that launches Karaf (a test's {@code @Configuration}), once per JVM; the test
 * methods, inside the container, take it down and up again over a small control endpoint ({@code POST /down},
 * {@code POST /up} at {@link #controlUrl()}): the same address refuses connections while down, as a system that is
 * out does, and the repository keeps its content across. Never call this class from a test method.
 */
final class CmisServer {
    static final String REPOSITORY = "A1";
    static final String USER = "civicdesk";
    static final String PASSWORD = "secret-dms";

    private static CmisServer running;

    private final InMemoryServiceFactoryImpl repository = new InMemoryServiceFactoryImpl();
    private final int port;
    private final HttpServer control;
    private Server server;

    private CmisServer(int port, int controlPort) throws Exception {
        this.port = port;
        Map<String, String> settings = new HashMap<>(); // init writes into it
        settings.put("InMemoryServer.RepositoryId", REPOSITORY);
        settings.put("InMemoryServer.TypesCreatorClass", "org.apache.chemistry.opencmis.inmemory.types.DefaultTypeSystemCreator");
        repository.init(settings);
        up();
        control = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 0);
        control.createContext("/down", exchange -> answer(exchange, false));
        control.createContext("/up", exchange -> answer(exchange, true));
        control.start();
    }

    /** Starts the repository unless this JVM runs it already. */
    static synchronized CmisServer started() {
        if (running == null) {
            try {
                running = new CmisServer(CivicDeskTestSupport.freePort(), CivicDeskTestSupport.freePort());
            } catch (Exception e) {
                throw new IllegalStateException("the CMIS test repository did not start", e);
            }
            CmisServer started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "cmis-stop"));
        }
        return running;
    }

    String browserUrl() {
        return "http://127.0.0.1:" + port + "/cmis/browser";
    }

    String controlUrl() {
        return "http://127.0.0.1:" + control.getAddress().getPort();
    }

    private synchronized void up() throws Exception {
        if (server != null) {
            return;
        }
        Server jetty = new Server(new InetSocketAddress("127.0.0.1", port));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/cmis");
        // What CmisRepositoryContextListener puts there from a repository.properties file.
        context.setAttribute(CmisRepositoryContextListener.SERVICES_FACTORY, repository);
        ServletHolder browser = new ServletHolder("cmisbrowser", new CmisBrowserBindingServlet());
        browser.setInitParameter("callContextHandler", "org.apache.chemistry.opencmis.server.shared.BasicAuthCallContextHandler");
        context.addServlet(browser, "/browser/*");
        jetty.setHandler(context);
        jetty.setStopTimeout(0);
        jetty.start();
        if (((ServerConnector) jetty.getConnectors()[0]).getLocalPort() != port) {
            jetty.stop();
            throw new IllegalStateException("the CMIS test repository did not get port " + port);
        }
        server = jetty;
    }

    private synchronized void down() throws Exception {
        if (server != null) {
            server.stop();
            server.join();
            server = null;
        }
    }

    private void answer(HttpExchange exchange, boolean up) throws IOException {
        int status = 204;
        try {
            if (up) {
                up();
            } else {
                down();
            }
        } catch (Exception e) {
            status = 500;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void close() {
        control.stop(0);
        try {
            down();
        } catch (Exception e) {
            // the JVM ends
        }
    }
}
