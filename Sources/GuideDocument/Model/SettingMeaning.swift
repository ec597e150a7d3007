/// What an application setting means, recognised from its name. Used to compare the
/// application side with the assumptions and the Authelia client. An application profile
/// can name its own settings (docs/PROFILES.md); this is the fallback for every other guide.
public enum SettingMeaning: Sendable, Hashable, CustomStringConvertible {
    case clientID
    case clientSecret
    /// "Client Key": Proxmox means the secret, Opengist (`OG_OIDC_CLIENT_KEY`) the id.
    case clientIDOrSecret
    case issuerURL
    case discoveryURL
    /// A specific Authelia endpoint (authorization, token, userinfo, JWKS, revocation, ...).
    case endpoint(AutheliaEndpoint)
    case scopes
    /// Scopes requested on top of the application's own defaults ("Additional scopes").
    case additionalScopes
    /// A claim the application reads (username, groups, email, display name, ...).
    case claim
    case redirectURI
    /// The application's own public URL.
    case appBaseURL
    case realm
    /// Hosts or origins among which the application's own belongs: allowed hosts, CSRF
    /// trusted origins, trusted domains, redirect allowlists (not CORS or embedding lists).
    case allowedOrigins

    public var description: String {
        switch self {
        case .clientID: "client_id"
        case .clientSecret: "client_secret"
        case .clientIDOrSecret: "client_id_or_secret"
        case .issuerURL: "issuer"
        case .discoveryURL: "discovery_url"
        case .endpoint(let endpoint): "endpoint:\(endpoint.title)"
        case .scopes: "scopes"
        case .additionalScopes: "additional_scopes"
        case .claim: "claim"
        case .redirectURI: "redirect_uri"
        case .appBaseURL: "app_base_url"
        case .realm: "realm"
        case .allowedOrigins: "allowed_origins"
        }
    }

    /// Names used in profiles (`meaning:` in a profile file).
    public static let profileNames: [String: SettingMeaning] = [
        "client_id": .clientID, "client_secret": .clientSecret, "issuer": .issuerURL,
        "discovery_url": .discoveryURL, "authorization_url": .endpoint(.authorization),
        "token_url": .endpoint(.token), "userinfo_url": .endpoint(.userinfo), "jwks_url": .endpoint(.jwks),
        "revocation_url": .endpoint(.revocation), "introspection_url": .endpoint(.introspection),
        "scopes": .scopes, "additional_scopes": .additionalScopes, "claim": .claim, "redirect_uri": .redirectURI, "app_base_url": .appBaseURL,
        "realm": .realm, "allowed_origins": .allowedOrigins,
    ]

    /// Recognises names in every spelling guides use: GUI labels (`Client ID`), CLI flags
    /// (`client-id`), config keys (`client_id`, `clientId`) and environment variables
    /// (`GF_AUTH_GENERIC_OAUTH_CLIENT_ID`). Mostly the trailing words decide.
    public init?(settingName: String) {
        self.init(words: Self.words(settingName))
    }

    /// The same, from the name's words (`words(_:)`), when the caller has them already.
    init?(words: [String]) {
        var words = words
        guard let last = words.last else { return nil }
        // A name has a handful of words: linear scans beat building and hashing sets (this
        // runs for every setting of every guide).
        let all = Words(words)
        func suffix(_ tail: String...) -> Bool { words.suffix(tail.count).elementsEqual(tail) }

        if suffix("client", "id") || last == "clientid" { self = .clientID; return }
        if suffix("client", "secret") || last == "clientsecret" { self = .clientSecret; return }
        // `OG_OIDC_SECRET` is the client secret; `OPENID_SESSION_SECRET` is not.
        if last == "secret", words.count >= 2, ["oidc", "oauth", "oauth2", "openid", "sso", "oid", "provider"].contains(words[words.count - 2]) {
            self = .clientSecret; return
        }
        if suffix("client", "key") { self = .clientIDOrSecret; return }
        // GUIs that call the client an application: "Application ID", "Application Secret",
        // "Application Key" (the whole label, nothing else: `APP_ID` alone is too common).
        if words == ["application", "id"] { self = .clientID; return }
        if words == ["application", "secret"] || words == ["application", "key"] { self = .clientSecret; return }
        let isURL = ["url", "uri", "endpoint", "address"].contains(last)
        if all.contains("discovery") || (all.contains("well") && all.contains("known")) || all.contains("wellknown")
            || (all.contains("openid") && all.contains("configuration")) || all.contains("metadata")
            || (isURL && words.dropLast().last.map { ["config", "configuration"].contains($0) } == true) {
            self = .discoveryURL; return
        }
        // Where the application is sent back to; logout and "silent" redirects are other things.
        if ["redirect", "callback"].contains(where: all.contains), ["url", "uri"].contains(last),
           all.isDisjoint(with: ["logout", "signout", "silent", "post", "base", "error"]) {
            self = .redirectURI; return
        }
        if last == "scope" || last == "scopes" {
            guard all.isDisjoint(with: ["empty", "enable", "enabled"]) else { return nil }
            self = all.isDisjoint(with: ["additional", "extra"]) ? .scopes : .additionalScopes; return
        }
        // Claims: `Username Claim`, `login_attribute_path`, `OIDC_CLAIM_GROUPS`, `User Identifier`.
        if !all.isDisjoint(with: ["claim", "claims", "attribute", "attr"]) || suffix("user", "identifier") {
            guard all.isDisjoint(with: ["role", "roles", "admin", "mapping"]) else { return nil }
            self = .claim; return
        }
        // The application's own host belongs in these: `ALLOWED_HOSTS`, `CSRF_TRUSTED_ORIGINS`,
        // "Trusted Domains", `whitelist_domains`, "Allowed Redirect Domains". Not in these,
        // which list *other* sites: CORS origins (a page's own origin needs no CORS, Fetch
        // standard), hosts allowed to embed the application (BookStack's ALLOWED_IFRAME_HOSTS:
        // "BookStack host domain is auto-inferred"), nor a bare "allowed origins" (CORS as
        // often as not). Email domains, proxies, networks and issuers are other things.
        let ownHostList = !all.isDisjoint(with: ["trusted", "csrf", "whitelist", "whitelisted", "allowlist"])
            || (!all.isDisjoint(with: ["allowed", "allow"]) && last != "origins" && last != "origin")
        if ["origins", "origin", "hosts", "domains"].contains(last), ownHostList,
           all.isDisjoint(with: ["cors", "iframe", "iframes", "frame", "frames", "embed", "embedding", "ancestors",
                                 "email", "emails", "mail", "issuer", "issuers", "ip", "ips", "network",
                                 "networks", "user", "users", "group", "groups", "header", "headers", "cookie"]) {
            self = .allowedOrigins; return
        }
        if last == "authority" || last == "issuer" { self = .issuerURL; return }
        guard isURL else {
            if words == ["realm"] { self = .realm; return }
            return nil
        }
        words.removeLast()
        // "Token Endpoint URL", "Authorization Endpoint Address": the word "endpoint" says
        // nothing more.
        if words.last == "endpoint", words.count >= 2 { words.removeLast() }
        let providerWords = ["provider", "issuer", "authelia", "oidc", "oauth", "oauth2", "sso", "openid", "idp", "api"]
        guard let stem = words.last else { return nil }
        if stem == "issuer" || stem == "provider" || stem == "oidc" || stem == "openid" || stem == "idp" {
            self = .issuerURL; return
        }
        // "OIDC Server URL", "OAuth2 Server URL": the provider; a bare "Server URL" may be
        // the application's own, so it gets no meaning.
        if stem == "server", !all.isDisjoint(with: ["oidc", "oauth", "oauth2", "openid", "sso", "idp", "authelia", "auth"]) {
            self = .issuerURL; return
        }
        switch stem {
        case "authorization", "authorize", "auth", "authorisation":
            self = .endpoint(.authorization)
        case "token" where all.isDisjoint(with: ["authorization", "authorize"]), "retrieval" where all.contains("token"):
            // ("Authorization Token Endpoint" is one application's name for the authorization
            // endpoint: ambiguous names get no expectation.)
            self = .endpoint(.token)
        case "userinfo", "user":
            self = .endpoint(.userinfo)
        case "data" where all.contains("user"), "api" where all.contains("user"):
            self = .endpoint(.userinfo)
        case "info" where words.suffix(2) == ["user", "info"]:
            self = .endpoint(.userinfo)
        case "jwks", "jwk", "certs", "keys", "certificate":
            self = .endpoint(.jwks)
        case "set" where all.contains("key"):
            self = .endpoint(.jwks)
        case "revocation", "revoke":
            self = .endpoint(.revocation)
        case "introspection", "introspect":
            self = .endpoint(.introspection)
        case "root", "base", "public", "external", "site", "app", "application", "instance":
            // `OIDC_PROVIDER_BASE_URL` is Authelia's, `APP_BASE_URL` the application's.
            guard all.isDisjoint(with: providerWords) else { return nil }
            self = .appBaseURL
        default:
            return nil
        }
        return
    }

    /// Lower-cased words of a name: splits on anything not a letter or digit and on camelCase
    /// boundaries; a parenthesised note ("Client ID (Key)") is ignored.
    package static func words(_ name: String) -> [String] {
        // Nearly every name is ASCII: split its bytes directly (no scalar decoding, one string
        // per word). Same rules as the general path below.
        if let ascii = name.utf8.withContiguousStorageIfAvailable(asciiWords), let words = ascii { return words }
        var name = name
        if let open = name.firstIndex(of: "("), open != name.startIndex { name = String(name[..<open]) }
        if name.hasPrefix("--") { name.removeFirst(2) }
        // Unicode scalars with an ASCII fast path: Character properties were a hot spot.
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var previousLower = false
        for scalar in name.unicodeScalars {
            let isUpper: Bool, isLower: Bool, isDigit: Bool
            if scalar.isASCII {
                let value = scalar.value
                isUpper = value >= 65 && value <= 90
                isLower = value >= 97 && value <= 122
                isDigit = value >= 48 && value <= 57
            } else {
                isUpper = scalar.properties.isUppercase
                isLower = scalar.properties.isLowercase
                isDigit = scalar.properties.numericType != nil
            }
            if isUpper || isLower || isDigit || (!scalar.isASCII && scalar.properties.isAlphabetic) {
                if isUpper, previousLower, !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
                if isUpper, scalar.isASCII {
                    current.append(Unicode.Scalar(scalar.value + 32)!)
                } else if isUpper {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    current.append(scalar)
                }
                previousLower = isLower || isDigit
            } else {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}

/// `SettingMeaning.words` for a name of ASCII bytes; `nil` for any other name.
private func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    // A parenthesised note ends the name (the first "(", unless the name starts with it).
    var end = bytes.count
    if let open = bytes.firstIndex(of: UInt8(ascii: "(")), open > 0 { end = open }
    let start = end >= 2 && bytes[0] == UInt8(ascii: "-") && bytes[1] == UInt8(ascii: "-") ? 2 : 0
    var words: [String] = []
    var wordStart = -1
    var previousLower = false
    func flush(_ wordEnd: Int) {
        guard wordStart >= 0 else { return }
        let range = wordStart..<wordEnd
        words.append(String(unsafeUninitializedCapacity: range.count) { buffer in
            for (offset, byte) in bytes[range].enumerated() { buffer[offset] = byte >= 65 && byte <= 90 ? byte + 32 : byte }
            return range.count
        })
        wordStart = -1
    }
    for index in start..<end {
        let byte = bytes[index]
        let isUpper = byte >= 65 && byte <= 90, isLower = byte >= 97 && byte <= 122, isDigit = byte >= 48 && byte <= 57
        if isUpper || isLower || isDigit {
            if isUpper, previousLower { flush(index) }
            if wordStart < 0 { wordStart = index }
            previousLower = isLower || isDigit
        } else {
            flush(index)
            previousLower = false
        }
    }
    flush(end)
    return words
}

/// The words of a setting name, searched linearly (a name has two to six words).
private struct Words {
    let words: [String]
    init(_ words: [String]) { self.words = words }
    func contains(_ word: String) -> Bool { words.contains(word) }
    func isDisjoint(with others: [String]) -> Bool { !words.contains(where: others.contains) }
}
