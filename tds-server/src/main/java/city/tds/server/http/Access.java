package city.tds.server.http;

import city.tds.core.identity.Principal;
import city.tds.core.identity.Role;
import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call a route, declared next to it: {@code routes.get(path, handler, Access.anyOf(Role.AUDIT_ADMIN))}. Every
 * route declares exactly one; the server refuses to start otherwise. Checks that depend on the resource (a
 * participant's own data) are made by the handler on top of this.
 */
public final class Access implements RouteRole {

    /** Anyone, with or without a token. */
    public static final Access PUBLIC = new Access("public", null);
    /** Anyone with a valid access token. */
    public static final Access AUTHENTICATED = new Access("authenticated", EnumSet.allOf(Role.class));

    private final String name;
    private final Set<Role> roles;

    private Access(String name, Set<Role> roles) {
        this.name = name;
        this.roles = roles;
    }

    /** Callers holding at least one of these roles. */
    public static Access anyOf(Role first, Role... more) {
        Set<Role> roles = EnumSet.of(first, more);
        return new Access(roles.stream().map(Enum::name).sorted().collect(Collectors.joining("|")), roles);
    }

    public boolean isPublic() {
        return roles == null;
    }

    /** The roles allowed, empty for public routes. */
    public Set<Role> roles() {
        return roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean allows(Optional<Principal> caller) {
        return roles == null || caller.map(p -> p.hasAny(roles)).orElse(false);
    }

    @Override
    public String toString() {
        return name;
    }
}
