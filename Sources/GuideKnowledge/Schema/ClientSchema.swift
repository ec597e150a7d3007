import GuideDocument

/// Every key of `identity_providers.oidc.clients[]`, its type, allowed values, the release
/// that added it, and the renames of 4.38. Source: Authelia's configuration schema and
/// validator at v4.39.20 (internal/configuration/schema/identity_providers.go and
/// internal/configuration/validator/identity_providers.go of authelia/authelia).
public enum ClientSchema {
    static func v(_ minor: Int) -> AutheliaVersion { AutheliaVersion(4, minor) }

    static func values(_ names: [String], since minor: Int = 29) -> [ClientKey.AllowedValue] {
        names.map { ClientKey.AllowedValue(value: $0, since: v(minor)) }
    }

    // One constructor per storage shape: the value type and the field it is stored in are
    // chosen together, so they cannot disagree.

    static func text(_ name: String, _ path: WritableKeyPath<OIDCClient, Field<String>?> & Sendable,
                     _ type: ClientKey.ValueType = .string, since minor: Int,
                     allowed: [ClientKey.AllowedValue]? = nil) -> ClientKey {
        ClientKey(name: name, type: type, storage: .text(path), allowed: allowed, since: v(minor))
    }

    static func flag(_ name: String, _ path: WritableKeyPath<OIDCClient, Field<Bool>?> & Sendable, since minor: Int) -> ClientKey {
        ClientKey(name: name, type: .boolean, storage: .flag(path), since: v(minor))
    }

    static func list(_ name: String, _ path: WritableKeyPath<OIDCClient, [Field<String>]> & Sendable,
                     _ type: ClientKey.ValueType = .stringList, since minor: Int) -> ClientKey {
        ClientKey(name: name, type: type, storage: .list(path), since: v(minor))
    }

    static func optionalList(_ name: String, _ path: WritableKeyPath<OIDCClient, [Field<String>]?> & Sendable,
                             since minor: Int, allowed: [ClientKey.AllowedValue]? = nil) -> ClientKey {
        ClientKey(name: name, type: .stringList, storage: .optionalList(path), allowed: allowed, since: v(minor))
    }

    /// A key no rule reads through a typed field yet: one row, nothing else to add.
    static func untyped(_ name: String, _ type: ClientKey.ValueType, since minor: Int,
                        allowed: [ClientKey.AllowedValue]? = nil) -> ClientKey {
        ClientKey(name: name, type: type, storage: .untyped, allowed: allowed, since: v(minor))
    }

    /// An old name: same type and field as the key that replaced it (4.38 renamed them all).
    static func renamed(_ old: String, to new: String, since minor: Int, in keys: [ClientKey]) -> ClientKey {
        guard var key = keys.first(where: { $0.name == new }) else {
            preconditionFailure("ClientSchema: '\(old)' is renamed to '\(new)', which the table lacks")
        }
        key.name = old
        key.since = v(minor)
        key.allowed = nil
        key.renamedTo = new
        key.renamedIn = v(38)
        return key
    }

    // MARK: Value sets

    public static let hmacAlgs = ["HS256", "HS384", "HS512"]
    public static let asymmetricAlgs = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"]
    /// JWE key management algorithms the validator accepts (the JSON schema also lists `dir`).
    public static let encryptionAlgs = ["", "none", "RSA1_5", "RSA-OAEP", "RSA-OAEP-256", "A128KW", "A192KW", "A256KW",
                                        "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW", "A128GCMKW",
                                        "A192GCMKW", "A256GCMKW", "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW"]
    public static let symmetricEncryptionAlgs: Set<String> = ["A128KW", "A192KW", "A256KW", "dir", "A128GCMKW", "A192GCMKW",
                                                              "A256GCMKW", "PBES2-HS256+A128KW", "PBES2-HS384+A192KW", "PBES2-HS512+A256KW"]
    public static let contentEncryptionAlgs = ["", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM"]
    public static let authMethods = ["", "none", "client_secret_post", "client_secret_basic", "private_key_jwt", "client_secret_jwt"]
    public static let secretAuthMethods: Set<String> = ["client_secret_basic", "client_secret_post", "client_secret_jwt"]
    public static let responseTypes = ["code", "id_token", "token", "id_token token", "code id_token", "code token", "code id_token token"]
    public static let codeLikeResponseTypes: Set<String> = ["code", "code id_token", "code token", "code id_token token"]
    public static let hybridResponseTypes: Set<String> = ["code id_token", "code token", "code id_token token"]
    public static let implicitResponseTypes: Set<String> = ["id_token", "token", "id_token token"]

    /// Standard scopes, with the release that accepts them.
    public static let standardScopes = values(["openid", "offline_access", "offline", "profile", "email", "groups"])
        + values(["authelia.bearer.authz"], since: 38) + values(["address", "phone"], since: 39)

    /// The claims each standard scope makes Authelia deliver.
    public static let scopeClaims: [String: [String]] = [
        "openid": ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "azp", "jti", "rat", "scope", "scp", "client_id"],
        "profile": ["name", "preferred_username", "given_name", "family_name", "middle_name", "nickname", "profile",
                    "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"],
        "email": ["email", "email_verified", "alt_emails"],
        "groups": ["groups"],
        "address": ["address"],
        "phone": ["phone_number", "phone_number_verified"],
    ]

    /// The scope whose claims include `claim`; `nil` for claims every token carries (`sub`)
    /// or that GuideKit does not know (custom claims).
    public static func scope(delivering claim: String) -> String? {
        scopeClaims.first { $0.key != "openid" && $0.value.contains(claim) }?.key
    }


    // MARK: Keys

    public static let keys: [ClientKey] = {
        var keys: [ClientKey] = [
            text("client_id", \.clientID, since: 38),
            untyped("client_name", .string, since: 38),
            text("client_secret", \.clientSecret, .digest, since: 38),
            text("sector_identifier_uri", \.sectorIdentifierURI, .url, since: 38),
            flag("public", \.isPublic, since: 30),
            list("redirect_uris", \.redirectURIs, .uriList, since: 29),
            list("request_uris", \.requestURIs, .uriList, since: 39),
            list("audience", \.audience, since: 30),
            optionalList("scopes", \.scopes, since: 29),
            optionalList("grant_types", \.grantTypes, since: 29, allowed:
                values(["authorization_code", "implicit", "refresh_token", "client_credentials"])
                    + values(["urn:ietf:params:oauth:grant-type:device_code"], since: 39)),
            optionalList("response_types", \.responseTypes, since: 29, allowed: values(responseTypes)),
            optionalList("response_modes", \.responseModes, since: 30, allowed:
                values(["form_post", "query", "fragment"], since: 30)
                    + values(["form_post.jwt", "query.jwt", "fragment.jwt", "jwt"], since: 38)),
            text("authorization_policy", \.authorizationPolicy, since: 29),
            text("lifespan", \.lifespan, since: 38),
            text("claims_policy", \.claimsPolicy, since: 39),
            text("requested_audience_mode", \.requestedAudienceMode, since: 38, allowed: values(["", "explicit", "implicit"])),
            text("consent_mode", \.consentMode, since: 37, allowed: values(["", "auto", "explicit", "implicit", "pre-configured"])),
            text("pre_configured_consent_duration", \.preConfiguredConsentDuration, .duration, since: 35),
            flag("require_pushed_authorization_requests", \.requirePushedAuthorizationRequests, since: 38),
            flag("require_pkce", \.requirePKCE, since: 38),
            text("pkce_challenge_method", \.pkceChallengeMethod, since: 38, allowed: values(["", "plain", "S256"])),
            // No enumeration: Authelia's validator checks this key only against the algorithms
            // of the client's own `jwks` (validateOIDCClientJSONWebKeysList in
            // internal/configuration/validator/identity_providers.go); the JSON schema's list
            // is not the validator's rule, and 'HS256' with a plaintext secret is accepted.
            text("request_object_signing_alg", \.requestObjectSigningAlg, since: 38),
            text("request_object_encryption_alg", \.requestObjectEncryptionAlg, since: 39, allowed: values(encryptionAlgs + ["dir"])),
            text("request_object_encryption_enc", \.requestObjectEncryptionEnc, since: 39, allowed: values(contentEncryptionAlgs)),
            flag("allow_multiple_auth_methods", \.allowMultipleAuthMethods, since: 39),
            text("jwks_uri", \.jwksURI, .url, since: 38),
            ClientKey(name: "jwks", type: .jwks, storage: .keys(\.jwks), since: v(38)),
        ]
        let signingAlgs = values(["", "none"] + hmacAlgs + asymmetricAlgs)
        for object in ResponseObject.allCases {
            let prefix = object.rawValue
            keys.append(text("\(prefix)_signed_response_alg", \.[object: object].signedAlg, since: 38, allowed: signingAlgs))
            keys.append(text("\(prefix)_signed_response_key_id", \.[object: object].signedKeyID, since: 38))
            keys.append(text("\(prefix)_encrypted_response_alg", \.[object: object].encryptedAlg, since: 39, allowed: values(encryptionAlgs)))
            keys.append(text("\(prefix)_encrypted_response_enc", \.[object: object].encryptedEnc, since: 39, allowed: values(contentEncryptionAlgs)))
            keys.append(text("\(prefix)_encrypted_response_key_id", \.[object: object].encryptedKeyID, since: 39))
        }
        for endpoint in ClientEndpoint.allCases {
            let since = endpoint == .token ? 38 : 39
            keys.append(text("\(endpoint.rawValue)_auth_method", \.[endpoint: endpoint].method, since: since, allowed: values(authMethods)))
            keys.append(text("\(endpoint.rawValue)_auth_signing_alg", \.[endpoint: endpoint].signingAlg, since: since,
                             allowed: values([""] + hmacAlgs + asymmetricAlgs)))
        }
        for (old, new, since) in [("id", "client_id", 29), ("description", "client_name", 29), ("secret", "client_secret", 29),
                                  ("sector_identifier", "sector_identifier_uri", 35),
                                  ("userinfo_signing_algorithm", "userinfo_signed_response_alg", 30)] {
            keys.append(renamed(old, to: new, since: since, in: keys))
        }
        return keys
    }()

    static let keysByName: [String: ClientKey] = Dictionary(keys.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    public static func key(named name: String) -> ClientKey? { keysByName[name] }

    /// The names a key may be written under: its current name first, then its old ones.
    public static func names(of current: String) -> [String] {
        [current] + keys.filter { $0.renamedTo == current }.map(\.name)
    }

    /// The value node of a key in a client mapping, under its current name or an old one.
    /// When both are written Authelia keeps the current one, so that one wins here too.
    public static func value(of current: String, in client: YAMLNode) -> YAMLNode? {
        for name in names(of: current) { if let value = client[name] { return value } }
        return nil
    }

    /// The keys of a `jwks` entry.
    public static let jwkKeys = ClientJWK.keys.map(\.name)

    /// Keys valid (current or deprecated) in `version`.
    public static func keyNames(in version: AutheliaVersion) -> [String] {
        keys.filter { $0.since <= version }.map(\.name)
    }
}
