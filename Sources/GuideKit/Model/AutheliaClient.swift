/// One entry of `identity_providers.oidc.clients` in a guide's Authelia YAML.
public struct AutheliaClient: Sendable, Equatable {
    /// Index of the code block in `Guide.codeBlocks`.
    public var blockIndex: Int
    /// The client's mapping node.
    public var node: YAMLNode

    /// `client_id`, or its pre-4.38 name (`ClientSchema` knows the renames).
    public var clientID: YAMLNode? { ClientSchema.value(of: "client_id", in: node) }

    /// `client_secret`, or its pre-4.38 name.
    public var clientSecret: YAMLNode? { ClientSchema.value(of: "client_secret", in: node) }

    public var redirectURIs: [YAMLNode] { ClientSchema.value(of: "redirect_uris", in: node)?.stringList ?? [] }
}
