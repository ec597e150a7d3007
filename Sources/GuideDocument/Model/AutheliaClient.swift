/// One entry of `identity_providers.oidc.clients` in a guide's Authelia YAML.
public struct AutheliaClient: Sendable, Equatable {
    /// Index of the code block in `Guide.codeBlocks`.
    public var blockIndex: Int
    /// The client's mapping node.
    public var node: YAMLNode

    // The key accessors (client_id and its old names) live with the schema that knows the
    // renames: GuideKnowledge/Schema/AutheliaClient+Keys.swift.
}
