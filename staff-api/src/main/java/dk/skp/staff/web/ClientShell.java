package dk.skp.staff.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The staff client's page for each of its routes. The client is a single page (built from src/main/webapp into
 * META-INF/resources); it routes in the browser, so a link such as a mail's {@code /concerns/<id>} must answer with
 * the same page. Every one of these paths needs a signed-in staff member (quarkus.http.auth.permission.client): an
 * unknown visitor is sent to the identity provider's sign-in page first and comes back here.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ClientShell {

    private static final String PAGE = "META-INF/resources/index.html";
    /** A path on this site: one slash, then no second slash or backslash that a browser would read as another host. */
    private static final Pattern LOCAL_PATH = Pattern.compile("^/(?![/\\\\])[^\\\\\\s]*$");

    private volatile byte[] page;

    @GET
    public Response start() {
        return page();
    }

    @GET
    @Path("{route: concerns|overdue|statistics|mine|claimable|search}")
    public Response topLevel() {
        return page();
    }

    @GET
    @Path("{route: concerns|admin}/{rest: [^/]+}")
    public Response nested() {
        return page();
    }

    /**
     * Where the client sends the browser when its session has ended: the sign-in happens on the way here (this path
     * needs a signed-in user like all others), then back to where the user was.
     */
    @GET
    @Path("login")
    public Response login(@QueryParam("next") String next) {
        String target = next != null && next.length() <= 2000 && LOCAL_PATH.matcher(next).matches() ? next : "/";
        return Response.seeOther(URI.create(target)).cacheControl(noStore()).build();
    }

    private Response page() {
        byte[] html = page;
        if (html == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
                if (in == null) {
                    return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN_TYPE)
                            .entity("The staff client is not part of this build (src/main/webapp was not built).").build();
                }
                html = in.readAllBytes();
                page = html;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + PAGE, e);
            }
        }
        return Response.ok(html).cacheControl(noStore()).build();
    }

    private static CacheControl noStore() {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        return cache;
    }
}
