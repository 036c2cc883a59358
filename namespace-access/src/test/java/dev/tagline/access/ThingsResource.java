package dev.tagline.access;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** A stand-in API, shaped like the services' (namespace in the path), for testing access control alone. */
@Path("/api/v1")
public class ThingsResource {

    private final NamespaceAccess access;
    private final CurrentCaller caller;

    ThingsResource(NamespaceAccess access, CurrentCaller caller) {
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Path("/namespaces/{ns}/things")
    public String read(@PathParam("ns") String namespace) {
        return caller.get().subject() + " read " + namespace;
    }

    @POST
    @Path("/namespaces/{ns}/things")
    public String change(@PathParam("ns") String namespace) {
        return "changed";
    }

    @DELETE
    @Path("/namespaces/{ns}/things")
    @RequiresRole(Role.ADMIN)
    public String delete(@PathParam("ns") String namespace) {
        return "deleted";
    }

    @POST
    @Path("/namespaces/{ns}/things/copies")
    public String copy(@PathParam("ns") String namespace, @QueryParam("from") String source) {
        access.require(source, Role.VIEW, "from.namespace");
        return "copied";
    }

    @GET
    @Path("/everything")
    public String everything() {
        return "all";
    }
}
