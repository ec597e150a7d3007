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

    /// Up to the first "(", without colons, words split at spaces, "_" and "-" and joined by
    /// one space, lower-cased. One pass over the bytes: this runs for every list item.
    package static func normalize(_ label: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(label.utf8.count)
        var pendingSpace = false, isASCII = true
        bytes: for byte in label.utf8 {
            switch byte {
            case UInt8(ascii: "("): break bytes
            case UInt8(ascii: ":"): continue
            case UInt8(ascii: " "), UInt8(ascii: "_"), UInt8(ascii: "-"): pendingSpace = !output.isEmpty
            default:
                if pendingSpace { output.append(UInt8(ascii: " ")); pendingSpace = false }
                if byte >= 0x80 { isASCII = false }
                output.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            }
        }
        let text = String(decoding: output, as: UTF8.self)
        return isASCII ? text : text.lowercased()
    }

    /// What a value of this kind must look like, in words, for messages.
    package var expectation: String {
        switch self {
        case .applicationRootURL, .autheliaRootURL: return "an absolute http(s) URL such as 'https://app.example.com/'"
        case .clientID: return "1 to 100 characters from A-Z a-z 0-9 . _ ~ -"
        case .clientSecret: return "a non-empty secret"
        case .realm: return "2 to 32 characters, a letter first, then letters, digits, '.', '-' or '_'"
        }
    }
}
