import GuideDocument

/// What GuideKit knows about one OpenID Connect client library (Authlib, go-oidc,
/// django-allauth, ...): its defaults, by library release, each with its source. An
/// application profile names its library (`library:`) and states only what it changes; a
/// library fact changes every application that uses it, in one place (docs/PROFILES.md).
public struct LibraryProfile: Sendable {
    public var id: String
    public var name: String
    public var file: String
    public var language: String?
    public var repository: String?
    /// The library release the facts were read at.
    public var release: String?
    public var facts: ApplicationProfile.Facts
    /// The library's options that change a fact (`token_endpoint_auth_method`), with sources.
    public var options: [String: String]
    public var unknown: [String: String]
}
