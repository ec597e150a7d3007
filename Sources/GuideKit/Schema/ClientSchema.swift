/// Every key of `identity_providers.oidc.clients[]`, its type, allowed values, the release
/// that added it, and the renames of 4.38. Source: Authelia's configuration schema and
/// validator at v4.39.20 (reference sheet "authelia-oidc-client", sections a.1–a.5).
public enum ClientSchema {
    static func v(_ minor: Int) -> AutheliaVersion { AutheliaVersion(4, minor) }

    static func values(_ names: [String], since minor: Int = 29) -> [ClientKey.AllowedValue] {
        names.map { ClientKey.AllowedValue(value: $0, since: v(minor)) }
    }

    static func key(_ name: String, _ type: ClientKey.ValueType, since minor: Int,
                    allowed: [ClientKey.AllowedValue]? = nil) -> ClientKey {
        ClientKey(name: name, type: type, allowed: allowed, since: v(minor), renamedTo: nil, renamedIn: nil)
    }

    static func renamed(_ old: String, to new: String, type: ClientKey.ValueType, since minor: Int) -> ClientKey {
        ClientKey(name: old, type: type, allowed: nil, since: v(minor), renamedTo: new, renamedIn: v(38))
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

    /// Response objects with `<prefix>_signed_response_alg` and friends.
    public static let responseObjects = ["authorization", "id_token", "access_token", "userinfo", "introspection"]
    /// Endpoints with `<prefix>_auth_method` and `<prefix>_auth_signing_alg`.
    public static let endpoints = ["token_endpoint", "revocation_endpoint", "introspection_endpoint",
                                   "pushed_authorization_request_endpoint"]

    // MARK: Keys

    public static let keys: [ClientKey] = {
        var keys: [ClientKey] = [
            key("client_id", .string, since: 38),
            key("client_name", .string, since: 38),
            key("client_secret", .digest, since: 38),
            key("sector_identifier_uri", .url, since: 38),
            key("public", .boolean, since: 30),
            key("redirect_uris", .uriList, since: 29),
            key("request_uris", .uriList, since: 39),
            key("audience", .stringList, since: 30),
            key("scopes", .stringList, since: 29),
            key("grant_types", .stringList, since: 29, allowed:
                values(["authorization_code", "implicit", "refresh_token", "client_credentials"])
                    + values(["urn:ietf:params:oauth:grant-type:device_code"], since: 39)),
            key("response_types", .stringList, since: 29, allowed: values(responseTypes)),
            key("response_modes", .stringList, since: 30, allowed:
                values(["form_post", "query", "fragment"], since: 30)
                    + values(["form_post.jwt", "query.jwt", "fragment.jwt", "jwt"], since: 38)),
            key("authorization_policy", .string, since: 29),
            key("lifespan", .string, since: 38),
            key("claims_policy", .string, since: 39),
            key("requested_audience_mode", .string, since: 38, allowed: values(["", "explicit", "implicit"])),
            key("consent_mode", .string, since: 37, allowed: values(["", "auto", "explicit", "implicit", "pre-configured"])),
            key("pre_configured_consent_duration", .duration, since: 35),
            key("require_pushed_authorization_requests", .boolean, since: 38),
            key("require_pkce", .boolean, since: 38),
            key("pkce_challenge_method", .string, since: 38, allowed: values(["", "plain", "S256"])),
            key("request_object_signing_alg", .string, since: 38, allowed: values(["", "none"] + asymmetricAlgs)),
            key("request_object_encryption_alg", .string, since: 39, allowed: values(encryptionAlgs + ["dir"])),
            key("request_object_encryption_enc", .string, since: 39, allowed: values(contentEncryptionAlgs)),
            key("allow_multiple_auth_methods", .boolean, since: 39),
            key("jwks_uri", .url, since: 38),
            key("jwks", .jwks, since: 38),
            renamed("id", to: "client_id", type: .string, since: 29),
            renamed("description", to: "client_name", type: .string, since: 29),
            renamed("secret", to: "client_secret", type: .digest, since: 29),
            renamed("sector_identifier", to: "sector_identifier_uri", type: .url, since: 35),
            renamed("userinfo_signing_algorithm", to: "userinfo_signed_response_alg", type: .string, since: 30),
        ]
        let signingAlgs = values(["", "none"] + hmacAlgs + asymmetricAlgs)
        for object in responseObjects {
            keys.append(key("\(object)_signed_response_alg", .string, since: 38, allowed: signingAlgs))
            keys.append(key("\(object)_signed_response_key_id", .string, since: 38))
            keys.append(key("\(object)_encrypted_response_alg", .string, since: 39, allowed: values(encryptionAlgs)))
            keys.append(key("\(object)_encrypted_response_enc", .string, since: 39, allowed: values(contentEncryptionAlgs)))
            keys.append(key("\(object)_encrypted_response_key_id", .string, since: 39))
        }
        for endpoint in endpoints {
            let since = endpoint == "token_endpoint" ? 38 : 39
            keys.append(key("\(endpoint)_auth_method", .string, since: since, allowed: values(authMethods)))
            keys.append(key("\(endpoint)_auth_signing_alg", .string, since: since, allowed: values([""] + hmacAlgs + asymmetricAlgs)))
        }
        return keys
    }()

    static let keysByName: [String: ClientKey] = Dictionary(keys.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    public static func key(named name: String) -> ClientKey? { keysByName[name] }

    /// The keys of a `jwks` entry.
    public static let jwkKeys = ["key_id", "use", "algorithm", "key", "certificate_chain"]

    /// Keys valid (current or deprecated) in `version`.
    public static func keyNames(in version: AutheliaVersion) -> [String] {
        keys.filter { $0.since <= version }.map(\.name)
    }
}
