package dev.tagline.access;

import dev.tagline.web.ApiError;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every REST call and checks the caller's role in the namespace of its {@code {ns}} path parameter,
 * before the resource runs. Health, metrics and OpenAPI are not REST resources, so they stay open. A resource
 * without a namespace in its path is for cluster admins only.
 */
public class NamespaceAccessFilter {

    static final String NAMESPACE_PARAMETER = "ns";

    private final BearerAuthenticator authenticator;
    private final CurrentCaller current;
    private final Map<Method, Role> requiredRoles = new ConcurrentHashMap<>();

    NamespaceAccessFilter(BearerAuthenticator authenticator, CurrentCaller current) {
        this.authenticator = authenticator;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authorize(ContainerRequestContext request, ResourceInfo resource) {
        Caller caller;
        try {
            caller = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (NotAuthenticatedException e) {
            return ApiError.response(Response.Status.UNAUTHORIZED, e.getMessage(), HttpHeaders.AUTHORIZATION)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tagline\"")
                    .build();
        }
        current.set(caller);
        String namespace = request.getUriInfo().getPathParameters().getFirst(NAMESPACE_PARAMETER);
        try {
            if (namespace == null) {
                if (!caller.clusterAdmin()) {
                    throw AccessDeniedException.clusterAdminOnly();
                }
            } else {
                Method method = resource.getResourceMethod();
                NamespaceAccess.require(
                        caller,
                        namespace,
                        requiredRoles.computeIfAbsent(method, m -> requiredRole(m, request.getMethod())),
                        "namespace");
            }
            return null;
        } catch (AccessDeniedException e) {
            return AccessExceptionMapper.answer(e);
        }
    }

    private static Role requiredRole(Method method, String httpMethod) {
        RequiresRole declared = method.getAnnotation(RequiresRole.class);
        if (declared == null) {
            declared = method.getDeclaringClass().getAnnotation(RequiresRole.class);
        }
        if (declared != null) {
            return declared.value();
        }
        return HttpMethod.GET.equals(httpMethod) || HttpMethod.HEAD.equals(httpMethod) ? Role.VIEW : Role.EDIT;
    }
}
