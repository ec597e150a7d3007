/// Authelia's OpenID Connect URLs, as paths below the Authelia Root URL.
public enum AutheliaEndpoint: String, Sendable, CaseIterable {
    case issuer = ""
    case discovery = "/.well-known/openid-configuration"
    case oauthDiscovery = "/.well-known/oauth-authorization-server"
    case authorization = "/api/oidc/authorization"
    case pushedAuthorization = "/api/oidc/pushed-authorization-request"
    case deviceAuthorization = "/api/oidc/device-authorization"
    case token = "/api/oidc/token"
    case userinfo = "/api/oidc/userinfo"
    case introspection = "/api/oidc/introspection"
    case revocation = "/api/oidc/revocation"
    case jwks = "/jwks.json"
    case logout = "/logout"

    public var path: String { rawValue }

    /// A name for messages.
    public var title: String {
        switch self {
        case .issuer: "issuer"
        case .discovery, .oauthDiscovery: "discovery document"
        case .authorization: "authorization endpoint"
        case .pushedAuthorization: "pushed authorization request endpoint"
        case .deviceAuthorization: "device authorization endpoint"
        case .token: "token endpoint"
        case .userinfo: "userinfo endpoint"
        case .introspection: "introspection endpoint"
        case .revocation: "revocation endpoint"
        case .jwks: "JWKS (public keys) URL"
        case .logout: "logout URL"
        }
    }

    /// The endpoint at `path` (relative to the Authelia root path, trailing slashes ignored).
    public init?(path: String) {
        var path = path
        while path.hasSuffix("/") { path.removeLast() }
        guard let match = Self.allCases.first(where: { $0.path == path }) else { return nil }
        self = match
    }
}
