/// The meaning of an application setting, recognised from its name. Used to compare the
/// application side with the guide's assumptions.
public enum SettingMeaning: Sendable, Equatable {
    case clientID
    case clientSecret
    /// "Client Key": Proxmox means the secret, Opengist (`OG_OIDC_CLIENT_KEY`) the id.
    case clientIDOrSecret
    case issuerURL
    case realm

    /// Recognises names in every spelling guides use: GUI labels (`Client ID`), CLI flags
    /// (`client-id`), config keys (`client_id`) and environment variables (`OIDC_CLIENT_ID`).
    /// Only the trailing words decide, so `GF_AUTH_GENERIC_OAUTH_CLIENT_ID` is a client id.
    public init?(settingName: String) {
        var words = Self.words(settingName)
        guard !words.isEmpty else { return nil }
        if words.suffix(2) == ["client", "id"] || words == ["clientid"] { self = .clientID; return }
        if words.suffix(2) == ["client", "secret"] || words == ["clientsecret"] { self = .clientSecret; return }
        if words.suffix(2) == ["client", "key"] { self = .clientIDOrSecret; return }
        if words.last == "url" || words.last == "uri" { words.removeLast() }
        if words.last == "issuer" { self = .issuerURL; return }
        if words == ["realm"] { self = .realm; return }
        return nil
    }

    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if character.isLetter || character.isNumber {
                // Split camelCase (clientId) as well as snake_case and kebab-case.
                if character.isUppercase, previousLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current.append(Character(character.lowercased()))
                previousLower = character.isLowercase
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
