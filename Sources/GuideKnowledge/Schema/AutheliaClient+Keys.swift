import GuideDocument

/// A client's keys by their current names, found under an old name too (`ClientSchema`
/// knows the renames).
extension AutheliaClient {
    /// `client_id`, or its pre-4.38 name.
    public var clientID: YAMLNode? { ClientSchema.value(of: "client_id", in: node) }

    /// `client_secret`, or its pre-4.38 name.
    public var clientSecret: YAMLNode? { ClientSchema.value(of: "client_secret", in: node) }

    public var redirectURIs: [YAMLNode] { ClientSchema.value(of: "redirect_uris", in: node)?.stringList ?? [] }
}
