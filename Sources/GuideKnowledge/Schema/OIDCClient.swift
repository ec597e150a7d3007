import GuideDocument

/// A value decoded from the client YAML, with the node it came from (for positions).
public struct Field<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var node: YAMLNode
}

/// A response object Authelia can sign and encrypt (`<prefix>_signed_response_alg`, ...).
public enum ResponseObject: String, Sendable, CaseIterable {
    case authorization
    case idToken = "id_token"
    case accessToken = "access_token"
    case userinfo
    case introspection
}

/// An endpoint where the client authenticates (`<prefix>_auth_method`, `<prefix>_auth_signing_alg`).
public enum ClientEndpoint: String, Sendable, CaseIterable {
    case token = "token_endpoint"
    case revocation = "revocation_endpoint"
    case introspection = "introspection_endpoint"
    case pushedAuthorizationRequest = "pushed_authorization_request_endpoint"
}

/// Signing and encryption settings of one response object.
public struct ResponseObjectSettings: Sendable, Equatable {
    public var signedAlg: Field<String>?
    public var signedKeyID: Field<String>?
    public var encryptedAlg: Field<String>?
    public var encryptedEnc: Field<String>?
    public var encryptedKeyID: Field<String>?
}

/// How the client authenticates at one endpoint.
public struct EndpointAuthentication: Sendable, Equatable {
    public var method: Field<String>?
    public var signingAlg: Field<String>?
}

/// One entry of a client's `jwks`.
public struct ClientJWK: Sendable, Equatable {
    public var node: YAMLNode
    public var keyID: Field<String>?
    public var use: Field<String>?
    public var algorithm: Field<String>?
    public var key: Field<String>?
    public var certificateChain: Field<String>?

    /// Each key of a `jwks` entry and where it is stored (`ClientSchema.jwkKeys` lists them).
    static let keys: [(name: String, path: WritableKeyPath<ClientJWK, Field<String>?> & Sendable)] = [
        ("key_id", \.keyID), ("use", \.use), ("algorithm", \.algorithm), ("key", \.key), ("certificate_chain", \.certificateChain),
    ]
    static let fields = Dictionary(uniqueKeysWithValues: keys.map { ($0.name, $0.path) })
}

/// An Authelia OpenID Connect client, typed: every client key of Authelia's configuration
/// schema (internal/configuration/schema/identity_providers.go, v4.39.20). A field is
/// `nil` (or empty) when the key is absent or its value had the wrong type (which
/// `client-value-type` reports); `OIDCClient+Effective.swift` applies Authelia's defaults.
public struct OIDCClient: Sendable, Equatable {
    public var node: YAMLNode
    /// Index of the code block in `Guide.codeBlocks`.
    public var blockIndex: Int

    public var clientID: Field<String>?
    public var clientSecret: Field<String>?
    public var sectorIdentifierURI: Field<String>?
    public var isPublic: Field<Bool>?
    public var redirectURIs: [Field<String>] = []
    public var requestURIs: [Field<String>] = []
    public var audience: [Field<String>] = []
    /// `nil` when absent: Authelia then applies a default.
    public var scopes: [Field<String>]?
    public var grantTypes: [Field<String>]?
    public var responseTypes: [Field<String>]?
    public var responseModes: [Field<String>]?
    public var authorizationPolicy: Field<String>?
    public var lifespan: Field<String>?
    public var claimsPolicy: Field<String>?
    public var requestedAudienceMode: Field<String>?
    public var consentMode: Field<String>?
    public var preConfiguredConsentDuration: Field<String>?
    public var requirePushedAuthorizationRequests: Field<Bool>?
    public var requirePKCE: Field<Bool>?
    public var pkceChallengeMethod: Field<String>?
    public var responseObjects: [ResponseObject: ResponseObjectSettings] = [:]
    public var requestObjectSigningAlg: Field<String>?
    public var requestObjectEncryptionAlg: Field<String>?
    public var requestObjectEncryptionEnc: Field<String>?
    public var endpointAuthentication: [ClientEndpoint: EndpointAuthentication] = [:]
    public var allowMultipleAuthMethods: Field<Bool>?
    public var jwksURI: Field<String>?
    public var jwks: [ClientJWK]?
    /// Keys the table stores without a typed field (`ClientKey.Storage.untyped`), by name.
    public var otherValues: [String: [Field<String>]] = [:]

    public init(node: YAMLNode, blockIndex: Int) {
        self.node = node
        self.blockIndex = blockIndex
    }
}

extension OIDCClient {
    /// One response object's settings (empty when none is written); a key path target for
    /// `ClientSchema`.
    public subscript(object object: ResponseObject) -> ResponseObjectSettings {
        get { responseObjects[object] ?? ResponseObjectSettings() }
        set { responseObjects[object] = newValue }
    }

    /// One endpoint's authentication settings (empty when none is written).
    public subscript(endpoint endpoint: ClientEndpoint) -> EndpointAuthentication {
        get { endpointAuthentication[endpoint] ?? EndpointAuthentication() }
        set { endpointAuthentication[endpoint] = newValue }
    }
}
