/// A value that stands for another one — `<Client ID>`, `YOUR_CLIENT_SECRET`, `changeme`,
/// `xxx`, `...`, `{{ client_id }}` — or a real value wrapped in Markdown (`<https://…>`).
/// Where the guide itself states the value, a reader pastes the placeholder.
public enum Placeholder: Sendable, Equatable {
    /// A stand-in for the value (the text says which kind).
    case standIn(String)
    /// A URL inside `<` `>` (Markdown autolink syntax): the brackets would become part of it.
    case bracketedURL(String)

    public static func of(_ value: String) -> Placeholder? {
        let text = value.trimmingSpaces()
        // Every stand-in below starts with one of these bytes ('…' with 0xE2); most values are
        // real ones and leave here, before any lower-cased copy (rules ask for every setting).
        switch text.utf8.first {
        case UInt8(ascii: "<")?, UInt8(ascii: "y")?, UInt8(ascii: "Y")?, UInt8(ascii: "c")?, UInt8(ascii: "C")?,
             UInt8(ascii: "r")?, UInt8(ascii: "R")?, UInt8(ascii: "t")?, UInt8(ascii: "T")?, UInt8(ascii: "x")?,
             UInt8(ascii: "X")?, UInt8(ascii: ".")?, UInt8(ascii: "{")?, 0xE2?:
            break
        default:
            return nil
        }
        if text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2 {
            let inner = String(text.dropFirst().dropLast())
            guard !inner.containsLiteral("<"), !inner.containsLiteral(">") else { return nil }
            return inner.containsLiteral("://") ? .bracketedURL(inner) : .standIn("a name in angle brackets")
        }
        let lower = text.lowercased()
        if lower.hasPrefix("your_") || lower.hasPrefix("your-") || lower.hasPrefix("your ") { return .standIn("a 'your …' stand-in") }
        if ["changeme", "change_me", "change-me", "replaceme", "replace_me", "replace-me", "todo", "tbd"].contains(lower) {
            return .standIn("a reminder to change it")
        }
        if text.count >= 3, text.allSatisfy({ $0 == "x" || $0 == "X" }) { return .standIn("a row of x") }
        if text == "..." || text == "…" { return .standIn("an ellipsis") }
        // `{{ client_id }}` (but not Helm's `{{ .Values.x }}`, which a values file fills in).
        if text.hasPrefix("{{"), text.hasSuffix("}}") {
            let name = text.dropFirst(2).dropLast(2).trimmingSpaces().lowercased()
            if !name.hasPrefix("."), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
               name.containsLiteral("client") || name.containsLiteral("secret") {
                return .standIn("a template variable")
            }
        }
        return nil
    }
}
