/// Writes a `YAMLNode` back as block-style YAML: strings single-quoted (as Authelia's own
/// examples write them), typed plain scalars as written, multi-line strings as literal blocks.
/// Used to join the clients of several guides into one `clients:` list (the site index).
package enum YAMLWriter {
    /// The node's lines, indented by `indent` spaces.
    package static func lines(_ node: YAMLNode, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch node.value {
        case .scalar:
            return [pad + scalar(node, indent: indent)]
        case .mapping(let pairs):
            guard !pairs.isEmpty else { return [pad + "{}"] }
            return pairs.flatMap { pair in entry(pad + key(pair.key) + ":", pair.value, indent: indent) }
        case .sequence(let items):
            guard !items.isEmpty else { return [pad + "[]"] }
            return items.flatMap { item -> [String] in
                switch item.value {
                case .scalar:
                    return [pad + "- " + scalar(item, indent: indent + 2)]
                case .mapping, .sequence:
                    // The first line of the item goes after the dash.
                    var nested = lines(item, indent: indent + 2)
                    if nested.isEmpty { return [pad + "-"] }
                    nested[0] = pad + "- " + nested[0].dropFirst(indent + 2)
                    return nested
                }
            }
        }
    }

    /// `key:` followed by a scalar on the same line, or by a nested block.
    private static func entry(_ head: String, _ value: YAMLNode, indent: Int) -> [String] {
        switch value.value {
        case .scalar:
            let text = scalar(value, indent: indent + 2)
            return [head + " " + text]
        case .mapping(let pairs) where pairs.isEmpty:
            return [head + " {}"]
        case .sequence(let items) where items.isEmpty:
            return [head + " []"]
        case .mapping, .sequence:
            return [head] + lines(value, indent: indent + 2)
        }
    }

    private static func key(_ node: YAMLNode) -> String {
        let text = node.string ?? ""
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" || $0 == "." }
        return plain ? text : quoted(text)
    }

    private static func scalar(_ node: YAMLNode, indent: Int) -> String {
        let text = node.string ?? ""
        if node.style == .plain, node.scalarType != .string { return text.isEmpty ? "null" : text }
        if text.containsLiteral("\n") {
            let pad = String(repeating: " ", count: indent)
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { "\n" + ($0.isEmpty ? "" : pad + $0) }
            return (text.hasSuffix("\n") ? "|" : "|-") + lines.joined()
        }
        return quoted(text)
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
