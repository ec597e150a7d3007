/// One entry of `identity_providers.oidc.clients` in a guide's Authelia YAML.
public struct AutheliaClient: Sendable, Equatable {
    /// Index of the code block in `Guide.codeBlocks`.
    public var blockIndex: Int
    /// The client's mapping node.
    public var node: YAMLNode

    /// `client_id`, or the pre-4.38 `id`.
    public var clientID: YAMLNode? { node["client_id"] ?? node["id"] }

    public var redirectURIs: [YAMLNode] { node["redirect_uris"]?.stringList ?? [] }
}
