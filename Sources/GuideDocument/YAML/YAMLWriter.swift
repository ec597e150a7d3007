/// Writes a `YAMLNode` back as block-style YAML: strings single-quoted (as Authelia's own
/// examples write them), typed plain scalars as written, and any string holding a line break
/// or another character YAML reads specially (control characters, U+0085, U+2028, U+2029, a
/// byte-order mark) double-quoted with escapes, on one line: a value can never start a line
/// of its own, so it can never become a key. Used to join the clients of several guides into
/// one `clients:` list (the site index), which is read back and compared.
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
        key(node.string ?? "")
    }

    /// A mapping key: plain when it is a simple name, else quoted.
    package static func key(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" || $0 == "." }
        return plain ? text : quoted(text)
    }

    private static func scalar(_ node: YAMLNode, indent: Int) -> String {
        let text = node.string ?? ""
        if node.style == .plain, node.scalarType != .string { return text.isEmpty ? "null" : text }
        return quoted(text)
    }

    private static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{85}": output += "\\N"
            case "\u{2028}": output += "\\L"
            case "\u{2029}": output += "\\P"
            default:
                if needsEscape(scalar) {
                    output += scalar.value <= 0xFF ? "\\x" + hex(scalar.value, digits: 2) : "\\u" + hex(scalar.value, digits: 4)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Characters a YAML reader does not take as plain text inside quotes: line breaks (LF,
    /// CR, NEL, LS, PS), other C0 and C1 controls, DEL, the byte-order mark, U+FFFE, U+FFFF.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
            // Outside YAML's printable set: libyaml refuses the whole text over one of them.
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
