/// The assumptions GuideKit understands, recognised by label. Any other label is kept as text.
public enum AssumptionKind: String, Sendable, CaseIterable, Equatable {
    case applicationRootURL = "Application Root URL"
    case autheliaRootURL = "Authelia Root URL"
    case clientID = "Client ID"
    case clientSecret = "Client Secret"
    case realm = "Realm"

    /// Matches a label as guides write it: case, spacing, a trailing colon and a parenthesised
    /// note ("Client ID (Grafana)") do not matter.
    public init?(label: String) {
        guard let kind = Self.byNormalizedLabel[Self.normalize(label)] else { return nil }
        self = kind
    }

    private static let byNormalizedLabel = Dictionary(uniqueKeysWithValues: allCases.map { (normalize($0.rawValue), $0) })

    static func normalize(_ label: String) -> String {
        var text = label
        if let paren = text.firstIndex(of: "(") { text = String(text[..<paren]) }
        text.removeAll { $0 == ":" }
        return text.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
            .joined(separator: " ").lowercased()
    }

    /// What a value of this kind must look like, in words, for messages.
    var expectation: String {
        switch self {
        case .applicationRootURL, .autheliaRootURL: return "an absolute http(s) URL such as 'https://app.example.com/'"
        case .clientID: return "1 to 100 characters from A-Z a-z 0-9 . _ ~ -"
        case .clientSecret: return "a non-empty secret"
        case .realm: return "2 to 32 characters, a letter first, then letters, digits, '.', '-' or '_'"
        }
    }
}
