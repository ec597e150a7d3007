import GuideDocument

/// A problem found while decoding a client against the schema. Each kind is reported by its
/// own rule (`client-unknown-key`, `client-renamed-key`, `client-value-type`,
/// `client-value-enum`).
public enum SchemaIssue: Sendable, Equatable {
    /// A key Authelia does not know in this version. `addedIn` is set when a later release
    /// has it; `suggestion` is the closest valid key.
    case unknownKey(key: YAMLNode, suggestion: String?, addedIn: AutheliaVersion?)
    /// A pre-4.38 name; `current` is its replacement.
    case renamedKey(key: YAMLNode, current: String, renamedIn: AutheliaVersion, alsoHasCurrent: Bool)
    case wrongType(value: YAMLNode, key: String, expected: ClientKey.ValueType)
    /// A value outside the key's enumeration; `addedIn` is set when a later release allows it.
    case notAllowed(value: YAMLNode, key: String, allowed: [String], addedIn: AutheliaVersion?)
}

/// A client decoded against the schema for one Authelia version.
public struct DecodedClient: Sendable {
    public var client: OIDCClient
    public var issues: [SchemaIssue]
}
