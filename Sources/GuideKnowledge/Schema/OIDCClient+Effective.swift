import GuideDocument

/// Authelia's defaults (the validator's validateOIDCClient* functions in
/// internal/configuration/validator/identity_providers.go, v4.39.20), so rules reason
/// about the configuration Authelia would actually run.
extension OIDCClient {
    public var isPublicClient: Bool { isPublic?.value ?? false }

    public var effectiveResponseTypes: [String] {
        let written = responseTypes?.map(\.value) ?? []
        return written.isEmpty ? (usesBearerAuthz ? [] : ["code"]) : written
    }

    public var effectiveGrantTypes: [String] {
        let written = grantTypes?.map(\.value) ?? []
        guard written.isEmpty, !usesBearerAuthz else { return written }
        var grants: [String] = []
        for type in effectiveResponseTypes {
            if ClientSchema.codeLikeResponseTypes.contains(type), !grants.contains("authorization_code") {
                grants.append("authorization_code")
            }
            if ClientSchema.implicitResponseTypes.contains(type) || ClientSchema.hybridResponseTypes.contains(type),
               !grants.contains("implicit") {
                grants.append("implicit")
            }
        }
        return grants
    }

    /// Client-credentials grant ("CCG" in the sheet).
    public var usesClientCredentials: Bool { (grantTypes?.map(\.value) ?? []).contains("client_credentials") }

    public var usesBearerAuthz: Bool { (scopes?.map(\.value) ?? []).contains("authelia.bearer.authz") }

    public var effectiveScopes: [String] {
        let written = scopes?.map(\.value) ?? []
        if written.isEmpty, !usesClientCredentials { return ["openid", "groups", "profile", "email"] }
        return written
    }

    public var hasCodeLikeResponseType: Bool {
        effectiveResponseTypes.contains { ClientSchema.codeLikeResponseTypes.contains($0) }
    }

    /// Every response type is implicit (`id_token`, `token`, `id_token token`).
    public var isImplicitOnly: Bool {
        let types = effectiveResponseTypes
        return !types.isEmpty && types.allSatisfy { ClientSchema.implicitResponseTypes.contains($0) }
    }

    /// The method an endpoint uses after defaults: as written, else the token endpoint's,
    /// else `none` for public and `client_secret_basic` for confidential clients.
    public func effectiveAuthMethod(_ endpoint: ClientEndpoint) -> String {
        if let method = endpointAuthentication[endpoint]?.method?.value, !method.isEmpty { return method }
        if endpoint != .token { return effectiveAuthMethod(.token) }
        return isPublicClient ? "none" : "client_secret_basic"
    }

    /// The secret as written, or `nil` when absent or empty (Authelia: empty = no secret).
    public var writtenSecret: Field<String>? {
        guard let secret = clientSecret, !secret.value.isEmpty else { return nil }
        return secret
    }

    /// Where a finding about the whole client points: its id, else its first key.
    public var anchor: YAMLNode {
        clientID?.node ?? node.pairs?.first?.key ?? node
    }

    public var displayName: String { clientID.map { "'\($0.value)'" } ?? "without client_id" }
}
