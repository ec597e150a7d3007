/// One item of a guide's "Assumptions" list, e.g. `- __Client ID:__ \`proxmox\``.
public struct Assumption: Sendable, Equatable {
    /// The label as written (without markup or colon), at the label's position.
    public var label: Located<String>
    /// `nil` for labels GuideKit does not know; their values are kept as text.
    public var kind: AssumptionKind?
    /// The value as written (shortcodes resolved), at the value's position; `nil` when the item
    /// has no value of its own (multi-client guides put values in sub-items).
    public var rawValue: Located<String>?
    /// The typed value, when `rawValue` parses as `kind` requires.
    public var value: AssumptionValue?
}

/// A typed assumption value.
public enum AssumptionValue: Sendable, Equatable {
    case url(WebURL)
    case identifier(String)
    case secret(String)
    case realm(String)
    case text(String)

    /// Parses `text` as `kind` requires; `nil` when it does not fit (rule `assumption-value`).
    public init?(parsing text: String, as kind: AssumptionKind?) {
        switch kind {
        case .applicationRootURL, .autheliaRootURL:
            guard let url = WebURL(text) else { return nil }
            self = .url(url)
        case .clientID:
            guard Self.isClientID(text) else { return nil }
            self = .identifier(text)
        case .clientSecret:
            guard !text.isEmpty, !text.contains(where: { $0.isWhitespace }) else { return nil }
            self = .secret(text)
        case .realm:
            guard Self.isRealm(text) else { return nil }
            self = .realm(text)
        case nil:
            self = .text(text)
        }
    }

    public var url: WebURL? {
        if case .url(let url) = self { return url }
        return nil
    }

    /// The value as text, whatever its type.
    public var text: String {
        switch self {
        case .url(let url): return url.text
        case .identifier(let text), .secret(let text), .realm(let text), .text(let text): return text
        }
    }

    /// Authelia's client id charset: 1–100 of `A-Z a-z 0-9 . _ ~ -`.
    package static func isClientID(_ text: String) -> Bool {
        (1...100).contains(text.unicodeScalars.count) && text.unicodeScalars.allSatisfy(\.isUnreserved)
    }

    /// Proxmox's realm rule: `[A-Za-z][A-Za-z0-9.\-_]+`, at most 32 characters.
    package static func isRealm(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard (2...32).contains(scalars.count), scalars[0].isASCIILetter else { return false }
        return scalars.dropFirst().allSatisfy { $0.isASCIIAlphanumeric || $0 == "." || $0 == "-" || $0 == "_" }
    }

}
